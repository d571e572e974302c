package org.ecgchat.io.preprocess;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/**
 * Per-lead standardisation {@code (x - mean[lead]) / std[lead]}, the original's {@code Normalize}
 * transform (defaults: mean 0 and std 1 for every lead). A single value applies to every lead;
 * otherwise there must be one value per lead. In JSON {@code "mean"} and {@code "std"} are a
 * number or an array of numbers.
 */
public record Normalize(
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) double[] mean,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) double[] std)
        implements PreprocessStep {

    /** Validates: same number of means and stds, finite means, finite non-zero stds. */
    @JsonCreator
    public Normalize(@JsonProperty("mean") double[] mean, @JsonProperty("std") double[] std) {
        this.mean = mean == null ? new double[] {0} : mean.clone();
        this.std = std == null ? new double[] {1} : std.clone();
        if (this.mean.length == 0 || this.mean.length != this.std.length) {
            throw new IllegalArgumentException("normalize: need as many means as stds (at least one), got "
                    + this.mean.length + " means and " + this.std.length + " stds");
        }
        for (int i = 0; i < this.mean.length; i++) {
            if (!Double.isFinite(this.mean[i])) {
                throw new IllegalArgumentException("normalize: mean[" + i + "] must be finite, got " + this.mean[i]);
            }
            if (!Double.isFinite(this.std[i]) || this.std[i] == 0) {
                throw new IllegalArgumentException("normalize: std[" + i + "] must be finite and non-zero, got " + this.std[i]);
            }
        }
    }

    /** The same mean and std for every lead. */
    public Normalize(double mean, double std) {
        this(new double[] {mean}, new double[] {std});
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    @Override
    public EcgSignal apply(EcgSignal signal) {
        return signal.withSamples(apply(signal.samples()), signal.samplingFrequency());
    }

    /** A normalised copy, computed in double precision. */
    public double[][] apply(double[][] leads) {
        checkLeadCount(leads.length);
        double[][] out = new double[leads.length][];
        for (int i = 0; i < leads.length; i++) {
            double m = mean[mean.length == 1 ? 0 : i];
            double s = std[std.length == 1 ? 0 : i];
            double[] in = leads[i];
            double[] o = new double[in.length];
            for (int j = 0; j < in.length; j++) {
                o[j] = (in[j] - m) / s;
            }
            out[i] = o;
        }
        return out;
    }

    /**
     * A normalised copy computed in float32 arithmetic with float32 mean and std, exactly like the
     * original's torch transform on a float tensor.
     */
    public float[][] apply(float[][] leads) {
        checkLeadCount(leads.length);
        float[][] out = new float[leads.length][];
        for (int i = 0; i < leads.length; i++) {
            float m = (float) mean[mean.length == 1 ? 0 : i];
            float s = (float) std[std.length == 1 ? 0 : i];
            float[] in = leads[i];
            float[] o = new float[in.length];
            for (int j = 0; j < in.length; j++) {
                o[j] = (in[j] - m) / s;
            }
            out[i] = o;
        }
        return out;
    }

    private void checkLeadCount(int leads) {
        if (mean.length != 1 && mean.length != leads) {
            throw new IllegalArgumentException("normalize: " + mean.length + " means/stds for an ECG with "
                    + leads + " leads (give one value or one per lead)");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalize n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Normalize[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
