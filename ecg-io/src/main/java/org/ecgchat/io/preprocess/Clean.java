package org.ecgchat.io.preprocess;

/**
 * Replaces NaN and ±Infinity by 0, as the original loader does before anything else
 * ({@code data[np.isnan(data)] = 0; data[np.isinf(data)] = 0}). WFDB marks invalid samples as
 * NaN in physical units, so this is what turns them into a flat line.
 */
public record Clean() implements PreprocessStep {

    @Override
    public EcgSignal apply(EcgSignal signal) {
        return signal.withSamples(apply(signal.samples()), signal.samplingFrequency());
    }

    /** A copy of {@code leads} with every non-finite value replaced by 0. */
    public static double[][] apply(double[][] leads) {
        double[][] out = new double[leads.length][];
        for (int i = 0; i < leads.length; i++) {
            double[] o = leads[i].clone();
            for (int j = 0; j < o.length; j++) {
                if (!Double.isFinite(o[j])) {
                    o[j] = 0;
                }
            }
            out[i] = o;
        }
        return out;
    }

    /** A copy of {@code leads} with every non-finite value replaced by 0. */
    public static float[][] apply(float[][] leads) {
        float[][] out = new float[leads.length][];
        for (int i = 0; i < leads.length; i++) {
            float[] o = leads[i].clone();
            for (int j = 0; j < o.length; j++) {
                if (!Float.isFinite(o[j])) {
                    o[j] = 0;
                }
            }
            out[i] = o;
        }
        return out;
    }
}
