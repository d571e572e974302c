package org.ecgchat.io.preprocess;

import java.util.List;
import java.util.Objects;

/**
 * A multi-lead ECG in memory: samples {@code [lead][sample]} in physical units, the sampling
 * frequency in Hz and the lead names (one per lead, or an empty list when the leads are unnamed).
 * All leads have the same length. The arrays are not copied; treat them as read-only.
 */
public record EcgSignal(double[][] samples, double samplingFrequency, List<String> leadNames) {

    /** Checks the shape: at least one lead, equal lead lengths, a positive finite frequency. */
    public EcgSignal {
        Objects.requireNonNull(samples, "samples");
        leadNames = List.copyOf(Objects.requireNonNull(leadNames, "leadNames"));
        if (!(samplingFrequency > 0) || Double.isInfinite(samplingFrequency)) {
            throw new IllegalArgumentException("sampling frequency must be positive and finite, got " + samplingFrequency);
        }
        if (samples.length == 0) {
            throw new IllegalArgumentException("an ECG needs at least one lead");
        }
        for (int i = 0; i < samples.length; i++) {
            if (samples[i] == null) {
                throw new IllegalArgumentException("lead " + i + " is null");
            }
            if (samples[i].length != samples[0].length) {
                throw new IllegalArgumentException("lead " + i + " has " + samples[i].length
                        + " samples but lead 0 has " + samples[0].length);
            }
        }
        if (!leadNames.isEmpty() && leadNames.size() != samples.length) {
            throw new IllegalArgumentException(leadNames.size() + " lead names for " + samples.length + " leads");
        }
    }

    /** An ECG with unnamed leads. */
    public EcgSignal(double[][] samples, double samplingFrequency) {
        this(samples, samplingFrequency, List.of());
    }

    /** Number of leads. */
    public int leadCount() {
        return samples.length;
    }

    /** Samples per lead. */
    public int length() {
        return samples[0].length;
    }

    /** The same lead names with new samples (and possibly a new frequency). */
    public EcgSignal withSamples(double[][] newSamples, double newSamplingFrequency) {
        return new EcgSignal(newSamples, newSamplingFrequency, leadNames);
    }

    /** Widens {@code float[lead][sample]} to {@code double}. */
    public static double[][] toDouble(float[][] leads) {
        double[][] out = new double[leads.length][];
        for (int i = 0; i < leads.length; i++) {
            float[] in = leads[i];
            double[] o = new double[in.length];
            for (int j = 0; j < in.length; j++) {
                o[j] = in[j];
            }
            out[i] = o;
        }
        return out;
    }

    /** Rounds {@code double[lead][sample]} to the nearest {@code float}. */
    public static float[][] toFloat(double[][] leads) {
        float[][] out = new float[leads.length][];
        for (int i = 0; i < leads.length; i++) {
            double[] in = leads[i];
            float[] o = new float[in.length];
            for (int j = 0; j < in.length; j++) {
                o[j] = (float) in[j];
            }
            out[i] = o;
        }
        return out;
    }
}
