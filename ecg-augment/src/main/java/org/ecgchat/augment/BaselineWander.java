package org.ecgchat.augment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.random.RandomGenerator;

/**
 * ECG-Chat's baseline wander: adds {@code c_l * sum_j a_j cos(2 pi f_j t / fs + r_j)} to lead
 * {@code l}, with {@code k} cosines of amplitude {@code a_j ~ U(min_amplitude, max_amplitude)},
 * frequency {@code f_j ~ U(min_freq, max_freq)} Hz and phase {@code r_j ~ U(0, 2 pi)}, and a
 * per-lead factor {@code c_l ~ N(1, 0.5)}. Applied to the whole batch with probability {@code p}.
 *
 * <p>The original draws one wander for its input tensor; it ran on one record at a time, so here
 * every record gets its own draws (the same distribution per record as in ECG-Chat's training).
 *
 * @param maxAmplitude {@code max_amplitude}, default 0.5 (signal units, mV)
 * @param minAmplitude {@code min_amplitude}, default 0
 * @param p            {@code p}, probability of augmenting the batch, default 1
 * @param maxFreq      {@code max_freq} in Hz, default 0.2
 * @param minFreq      {@code min_freq} in Hz, default 0.01
 * @param k            {@code k}, number of cosines, default 3
 * @param fs           {@code fs}, sampling frequency in Hz, default 500
 */
public record BaselineWander(
        @JsonProperty("max_amplitude") double maxAmplitude,
        @JsonProperty("min_amplitude") double minAmplitude,
        @JsonProperty("p") double p,
        @JsonProperty("max_freq") double maxFreq,
        @JsonProperty("min_freq") double minFreq,
        @JsonProperty("k") int k,
        @JsonProperty("fs") double fs) implements Step {

    private static final String NAME = "BaselineWander";
    /** Samples tabulated by rotation before angle addition takes over (a vector's worth, and more). */
    private static final int BLOCK = 256;
    /** Per-thread cos, sin and sum tables of the wander synthesis. */
    private static final ThreadLocal<double[][]> TABLES =
            ThreadLocal.withInitial(() -> new double[][] {new double[0], new double[0], new double[0]});

    /** Checks the arguments. */
    public BaselineWander {
        Params.finite(NAME, "max_amplitude", maxAmplitude);
        Params.finite(NAME, "min_amplitude", minAmplitude);
        if (minAmplitude > maxAmplitude) {
            throw new AugmenterParameterException(NAME, "min_amplitude",
                    minAmplitude + " is above max_amplitude " + maxAmplitude);
        }
        Params.probability(NAME, "p", p);
        Params.positive(NAME, "fs", fs);
        if (!(minFreq >= 0)) {
            throw new AugmenterParameterException(NAME, "min_freq", "must be >= 0 Hz, got " + minFreq);
        }
        if (!(maxFreq >= minFreq && maxFreq <= fs / 2)) {
            throw new AugmenterParameterException(NAME, "max_freq", "must lie in [min_freq, fs/2] = ["
                    + minFreq + ", " + fs / 2 + "] Hz, got " + maxFreq);
        }
        Params.atLeast(NAME, "k", k, 1);
    }

    /** ECG-Chat's defaults at sampling frequency {@code fs}. */
    public BaselineWander(double fs) {
        this(0.5, 0, 1.0, 0.2, 0.01, 3, fs);
    }

    /** ECG-Chat's defaults (500 Hz). */
    public BaselineWander() {
        this(500);
    }

    @JsonCreator
    static BaselineWander fromJson(
            @JsonProperty("max_amplitude") Double maxAmplitude,
            @JsonProperty("min_amplitude") Double minAmplitude,
            @JsonProperty("p") Double p,
            @JsonProperty("max_freq") Double maxFreq,
            @JsonProperty("min_freq") Double minFreq,
            @JsonProperty("k") Integer k,
            @JsonProperty("fs") Double fs) {
        return new BaselineWander(Params.orDefault(maxAmplitude, 0.5), Params.orDefault(minAmplitude, 0.0),
                Params.orDefault(p, 1.0), Params.orDefault(maxFreq, 0.2), Params.orDefault(minFreq, 0.01),
                Params.orDefault(k, 3), Params.orDefault(fs, 500.0));
    }

    @Override
    public BatchState plan(BatchState state, RandomGenerator rng) {
        if (!(rng.nextDouble() < p)) {
            return state;
        }
        int records = state.records();
        int leads = state.leads();
        float[][] leadFactor = new float[records][leads];
        double[][] cosines = new double[records][3 * k];
        for (int b = 0; b < records; b++) {
            for (int l = 0; l < leads; l++) {
                leadFactor[b][l] = (float) rng.nextGaussian(1, 0.5);
            }
            for (int j = 0; j < k; j++) {
                cosines[b][3 * j] = Draws.uniform(rng, minAmplitude, maxAmplitude);
            }
            for (int j = 0; j < k; j++) {
                cosines[b][3 * j + 1] = 2 * Math.PI * Draws.uniform(rng, minFreq, maxFreq) / fs;
                cosines[b][3 * j + 2] = Draws.uniform(rng, 0, 2 * Math.PI);
            }
        }
        return state.withSignals(new Wandered(state.signals, leadFactor, cosines));
    }

    /** Signals plus each record's wander, the wander computed once per record on first use. */
    private static final class Wandered extends Signal.Derived {
        private final float[][] leadFactor;
        /** Per record: amplitude, angular step per sample, phase, for each cosine. */
        private final double[][] cosines;
        private final AtomicReferenceArray<float[]> wander;

        Wandered(Signal in, float[][] leadFactor, double[][] cosines) {
            super(in);
            this.leadFactor = leadFactor;
            this.cosines = cosines;
            this.wander = new AtomicReferenceArray<>(in.records);
        }

        @Override
        void fill(int record, int lead, int from, int to, float[] dst, int off) {
            in.fill(record, lead, from, to, dst, off);
            float[] w = wander(record);
            float c = leadFactor[record][lead];
            for (int t = from, i = off; t < to; t++, i++) {
                dst[i] += c * w[t];
            }
        }

        private float[] wander(int record) {
            float[] w = wander.get(record);
            if (w == null) {
                // racing threads compute identical arrays; keeping either is fine
                w = compute(cosines[record], length);
                wander.set(record, w);
            }
            return w;
        }

        /**
         * Sum of cosines without a trigonometric call per sample: {@code cos(t w)} and
         * {@code sin(t w)} are tabulated by rotation over the first {@link #BLOCK} samples and by
         * angle addition ({@code t = (t - BLOCK) + BLOCK}) beyond, then
         * {@code a cos(phi + t w) = a cos(phi) C[t] - a sin(phi) S[t]}. Every loop but the first
         * block runs on independent samples, so it vectorises; rounding stays near 1e-14.
         */
        private static float[] compute(double[] cosines, int length) {
            double[][] tables = TABLES.get();
            if (tables[0].length < length) {
                tables = new double[][] {new double[length], new double[length], new double[length]};
                TABLES.set(tables);
            }
            double[] cos = tables[0];
            double[] sin = tables[1];
            double[] sum = tables[2];
            java.util.Arrays.fill(sum, 0, length, 0);
            for (int j = 0; j < cosines.length; j += 3) {
                double step = cosines[j + 1];
                double cosStep = Math.cos(step);
                double sinStep = Math.sin(step);
                double c = 1;
                double s = 0;
                for (int t = 0; t < Math.min(BLOCK, length); t++) {
                    cos[t] = c;
                    sin[t] = s;
                    double next = c * cosStep - s * sinStep;
                    s = s * cosStep + c * sinStep;
                    c = next;
                }
                double cosBlock = Math.cos(BLOCK * step);
                double sinBlock = Math.sin(BLOCK * step);
                for (int t = BLOCK; t < length; t++) {
                    cos[t] = cos[t - BLOCK] * cosBlock - sin[t - BLOCK] * sinBlock;
                    sin[t] = sin[t - BLOCK] * cosBlock + cos[t - BLOCK] * sinBlock;
                }
                double a = cosines[j] * Math.cos(cosines[j + 2]);
                double b = cosines[j] * Math.sin(cosines[j + 2]);
                for (int t = 0; t < length; t++) {
                    sum[t] += a * cos[t] - b * sin[t];
                }
            }
            float[] w = new float[length];
            for (int t = 0; t < length; t++) {
                w[t] = (float) sum[t];
            }
            return w;
        }
    }
}
