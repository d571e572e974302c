package org.ecgchat.io.synth;

import java.util.random.RandomGenerator;

/**
 * Heart rate variability of a sinus rhythm: the RR interval as a function of time with the
 * bimodal spectrum of McSharry et al. (2003) — a Mayer-wave peak at 0.1 Hz and a respiratory
 * peak (respiratory sinus arrhythmia) — synthesised as a sum of sinusoids with random phases.
 */
final class Tachogram {

    private static final double LF_HZ = 0.1, SPECTRAL_WIDTH_HZ = 0.01, LF_HF_RATIO = 0.5;
    private static final int COMPONENTS = 50;
    private static final double STEP_HZ = 0.01;

    private final double meanRr;
    private final double[] amplitude = new double[COMPONENTS];
    private final double[] phase = new double[COMPONENTS];

    /**
     * @param meanRr mean RR interval (s)
     * @param relativeStd standard deviation of RR over its mean, within the record
     * @param duration length of the record (s)
     */
    Tachogram(double meanRr, double relativeStd, double respirationHz, double duration, RandomGenerator rng) {
        this.meanRr = meanRr;
        for (int j = 0; j < COMPONENTS; j++) {
            double f = (j + 1) * STEP_HZ;
            amplitude[j] = Math.sqrt(LF_HF_RATIO * gaussian(f, LF_HZ) + gaussian(f, respirationHz));
            phase[j] = rng.nextDouble(0, 2 * Math.PI);
        }
        // Neighbouring components beat slowly, so over a short record the spread can be far from
        // the spectrum's total power: scale to the spread actually seen within the record.
        int points = (int) Math.ceil(duration / 0.05) + 1;
        double sum = 0, sumSquares = 0;
        for (int i = 0; i < points; i++) {
            double d = rrAt(i * 0.05) - meanRr;
            sum += d;
            sumSquares += d * d;
        }
        double std = Math.sqrt(Math.max(sumSquares / points - (sum / points) * (sum / points), 1e-30));
        double norm = relativeStd * meanRr / std;
        for (int j = 0; j < COMPONENTS; j++) {
            amplitude[j] *= norm;
        }
    }

    private static double gaussian(double f, double centre) {
        double d = (f - centre) / SPECTRAL_WIDTH_HZ;
        return StrictMath.exp(-0.5 * d * d);
    }

    /** The RR interval (s) of a beat starting at time {@code t} (s). */
    double rrAt(double t) {
        double rr = meanRr;
        for (int j = 0; j < COMPONENTS; j++) {
            rr += amplitude[j] * StrictMath.cos(2 * Math.PI * (j + 1) * STEP_HZ * t + phase[j]);
        }
        return rr;
    }
}
