package org.ecgchat.augment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * ECG-Chat's per-lead normalisation {@code (x - mean[l]) / std[l]} (the original pipeline's
 * defaults, MIMIC-IV's 0 and 1, leave signals unchanged). One value stands for every lead.
 *
 * @param mean {@code mean}, one value per lead (or one for all)
 * @param std  {@code std}, one positive value per lead (or one for all)
 */
public record Normalize(@JsonProperty(value = "mean", required = true) double[] mean,
        @JsonProperty(value = "std", required = true) double[] std) implements Step {

    private static final String NAME = "Normalize";

    /** Checks the arguments. */
    public Normalize {
        if (mean == null || mean.length == 0) {
            throw new AugmenterParameterException(NAME, "mean", "is missing");
        }
        if (std == null || std.length != mean.length) {
            throw new AugmenterParameterException(NAME, "std", "must hold as many values as mean ("
                    + mean.length + "), got " + (std == null ? "none" : std.length));
        }
        for (double m : mean) {
            Params.finite(NAME, "mean", m);
        }
        for (double s : std) {
            Params.positive(NAME, "std", s);
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** The original's default (MIMIC-IV constants): mean 0 and std 1 for 12 leads. */
    public static Normalize identity(int leads) {
        double[] zeros = new double[leads];
        double[] ones = new double[leads];
        Arrays.fill(ones, 1.0);
        return new Normalize(zeros, ones);
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
    public BatchState plan(BatchState state, RandomGenerator rng) {
        int leads = state.leads();
        if (mean.length != 1 && mean.length != leads) {
            throw new AugmenterParameterException(NAME, "mean", "holds " + mean.length
                    + " values but the batch has " + leads + " leads");
        }
        boolean identity = Arrays.stream(mean).allMatch(m -> m == 0) && Arrays.stream(std).allMatch(s -> s == 1);
        if (identity) {
            return state;
        }
        float[] m = new float[leads];
        float[] s = new float[leads];
        for (int l = 0; l < leads; l++) {
            m[l] = (float) mean[mean.length == 1 ? 0 : l];
            s[l] = (float) std[std.length == 1 ? 0 : l];
        }
        return state.withSignals(new Normalized(state.signals, m, s));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalize n && Arrays.equals(n.mean, mean) && Arrays.equals(n.std, std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Normalize[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }

    /** Signals shifted and scaled per lead. */
    private static final class Normalized extends Signal.Derived {
        private final float[] mean;
        private final float[] std;

        Normalized(Signal in, float[] mean, float[] std) {
            super(in);
            this.mean = mean;
            this.std = std;
        }

        @Override
        void fill(int record, int lead, int from, int to, float[] dst, int off) {
            in.fill(record, lead, from, to, dst, off);
            float m = mean[lead];
            float s = std[lead];
            for (int i = off; i < off + to - from; i++) {
                dst[i] = (dst[i] - m) / s;
            }
        }
    }
}
