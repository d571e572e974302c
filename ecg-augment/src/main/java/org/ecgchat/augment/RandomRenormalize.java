package org.ecgchat.augment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.random.RandomGenerator;

/**
 * torch_ecg's random re-normalisation: a share {@code prob} of the records is z-scored and given a
 * random mean and standard deviation, {@code (x - mean(x)) / (std(x) + 1e-7) * s + m}, with
 * {@code m ~ N(centre, 0.3 * half-width)} of the {@code mean} range and {@code s} likewise of the
 * {@code std} range ({@code std(x)} unbiased). Statistics are taken over the whole record, or per
 * lead with {@code per_channel}, where the ranges may also be given per lead.
 *
 * @param mean       {@code mean}, one range [low, high] or (per channel) one per lead, default
 *                   [-0.05, 0.1]
 * @param std        {@code std}, one range or one per lead, default [0.08, 0.32]; lows must be > 0
 * @param perChannel {@code per_channel}, default false
 * @param prob       {@code prob}, share of records re-normalised, default 0.5
 */
@JsonIgnoreProperties({"fs", "inplace"})
public record RandomRenormalize(
        @JsonProperty("mean") double[][] mean,
        @JsonProperty("std") double[][] std,
        @JsonProperty("per_channel") boolean perChannel,
        @JsonProperty("prob") double prob) implements Step {

    private static final String NAME = "RandomRenormalize";
    private static final double EPS = 1e-7;

    /** Checks the arguments. */
    public RandomRenormalize {
        mean = ranges("mean", mean, perChannel);
        std = ranges("std", std, perChannel);
        for (double[] range : std) {
            if (!(range[0] > 0)) {
                throw new AugmenterParameterException(NAME, "std", "ranges must be positive, got "
                        + Arrays.toString(range));
            }
        }
        Params.probability(NAME, "prob", prob);
    }

    /** Same range for the whole record (or every lead). */
    public RandomRenormalize(double[] mean, double[] std, boolean perChannel, double prob) {
        this(new double[][] {mean}, new double[][] {std}, perChannel, prob);
    }

    /** torch_ecg's defaults: mean in [-0.05, 0.1], std in [0.08, 0.32], per record, prob 0.5. */
    public RandomRenormalize() {
        this(new double[] {-0.05, 0.1}, new double[] {0.08, 0.32}, false, 0.5);
    }

    @JsonCreator
    static RandomRenormalize fromJson(@JsonProperty("mean") JsonNode mean, @JsonProperty("std") JsonNode std,
            @JsonProperty("per_channel") Boolean perChannel, @JsonProperty("prob") Double prob) {
        return new RandomRenormalize(rangesFromJson("mean", mean, new double[] {-0.05, 0.1}),
                rangesFromJson("std", std, new double[] {0.08, 0.32}), Params.orDefault(perChannel, false),
                Params.orDefault(prob, 0.5));
    }

    /** Accepts {@code [low, high]} or {@code [[low, high], ...]} (one per lead). */
    private static double[][] rangesFromJson(String name, JsonNode node, double[] fallback) {
        if (node == null || node.isNull()) {
            return new double[][] {fallback};
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new AugmenterParameterException(NAME, name, "must be [low, high] or one such pair per lead, got "
                    + node);
        }
        boolean perLead = node.get(0).isArray();
        double[][] out = new double[perLead ? node.size() : 1][];
        for (int i = 0; i < out.length; i++) {
            JsonNode row = perLead ? node.get(i) : node;
            out[i] = new double[row.size()];
            for (int j = 0; j < row.size(); j++) {
                if (!row.get(j).isNumber()) {
                    throw new AugmenterParameterException(NAME, name, "holds a non-number " + row.get(j));
                }
                out[i][j] = row.get(j).asDouble();
            }
        }
        return out;
    }

    private static double[][] ranges(String name, double[][] given, boolean perChannel) {
        if (given == null || given.length == 0) {
            throw new AugmenterParameterException(NAME, name, "is missing");
        }
        if (given.length > 1 && !perChannel) {
            throw new AugmenterParameterException(NAME, name, "per-lead ranges need per_channel = true");
        }
        double[][] out = new double[given.length][];
        for (int i = 0; i < given.length; i++) {
            out[i] = Params.range(NAME, name, given[i]);
        }
        return out;
    }

    @Override
    public double[][] mean() {
        return deepCopy(mean);
    }

    @Override
    public double[][] std() {
        return deepCopy(std);
    }

    private static double[][] deepCopy(double[][] a) {
        return Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public BatchState plan(BatchState state, RandomGenerator rng) {
        int records = state.records();
        int leads = state.leads();
        requireRangesFit("mean", mean, leads);
        requireRangesFit("std", std, leads);
        int[] chosen = Draws.choose(rng, prob, records);
        if (chosen.length == 0) {
            return state;
        }
        int groups = perChannel ? leads : 1;
        double[][] targetMean = new double[records][];
        double[][] targetStd = new double[records][];
        for (int b : chosen) {
            targetMean[b] = draw(rng, mean, groups);
        }
        for (int b : chosen) {
            targetStd[b] = draw(rng, std, groups);
        }
        return state.withSignals(new Renormalized(state.signals, perChannel, targetMean, targetStd));
    }

    private static void requireRangesFit(String name, double[][] ranges, int leads) {
        if (ranges.length > 1 && ranges.length != leads) {
            throw new AugmenterParameterException(NAME, name, "holds " + ranges.length
                    + " per-lead ranges but the batch has " + leads + " leads");
        }
    }

    /** N(centre, 0.3 * half-width) of each group's range. */
    private static double[] draw(RandomGenerator rng, double[][] ranges, int groups) {
        double[] out = new double[groups];
        for (int g = 0; g < groups; g++) {
            double[] range = ranges[ranges.length == 1 ? 0 : g];
            double centre = (range[0] + range[1]) / 2;
            out[g] = rng.nextGaussian(centre, (range[1] - centre) * 0.3);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RandomRenormalize r && r.perChannel == perChannel && r.prob == prob
                && Arrays.deepEquals(r.mean, mean) && Arrays.deepEquals(r.std, std);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(new Object[] {mean, std, perChannel, prob});
    }

    @Override
    public String toString() {
        return "RandomRenormalize[mean=" + Arrays.deepToString(mean) + ", std=" + Arrays.deepToString(std)
                + ", per_channel=" + perChannel + ", prob=" + prob + "]";
    }

    /** Chosen records z-scored to their drawn mean and std; statistics computed once per record. */
    private static final class Renormalized extends Signal.Derived {
        private final boolean perChannel;
        private final double[][] targetMean;
        private final double[][] targetStd;
        /** Per record: scale and shift per group, so that {@code y = x * scale + shift}. */
        private final AtomicReferenceArray<double[]> affine;

        Renormalized(Signal in, boolean perChannel, double[][] targetMean, double[][] targetStd) {
            super(in);
            this.perChannel = perChannel;
            this.targetMean = targetMean;
            this.targetStd = targetStd;
            this.affine = new AtomicReferenceArray<>(in.records);
        }

        @Override
        void fill(int record, int lead, int from, int to, float[] dst, int off) {
            in.fill(record, lead, from, to, dst, off);
            if (targetMean[record] == null) {
                return;
            }
            double[] a = affine(record);
            int g = perChannel ? lead : 0;
            float scale = (float) a[2 * g];
            float shift = (float) a[2 * g + 1];
            for (int i = off; i < off + to - from; i++) {
                dst[i] = dst[i] * scale + shift;
            }
        }

        private double[] affine(int record) {
            double[] a = affine.get(record);
            if (a == null) {
                a = computeAffine(record);
                affine.set(record, a);
            }
            return a;
        }

        /** One pass per lead with shifted sums (shift = first sample) in double. */
        private double[] computeAffine(int record) {
            int groups = perChannel ? leads : 1;
            double[] sum = new double[groups];
            double[] squares = new double[groups];
            double[] shiftBy = new double[groups];
            Workspace ws = Workspace.current();
            float[] row = ws.borrow(length);
            try {
                for (int lead = 0; lead < leads; lead++) {
                    in.fill(record, lead, 0, length, row, 0);
                    int g = perChannel ? lead : 0;
                    if (lead == 0 || perChannel) {
                        shiftBy[g] = row[0];
                    }
                    double s = 0;
                    double q = 0;
                    for (int t = 0; t < length; t++) {
                        double d = row[t] - shiftBy[g];
                        s += d;
                        q += d * d;
                    }
                    sum[g] += s;
                    squares[g] += q;
                }
            } finally {
                ws.release();
            }
            double n = perChannel ? length : (double) length * leads;
            double[] a = new double[2 * groups];
            for (int g = 0; g < groups; g++) {
                double mean = shiftBy[g] + sum[g] / n;
                double variance = n > 1 ? Math.max(0, (squares[g] - sum[g] * sum[g] / n) / (n - 1)) : 0;
                double scale = targetStd[record][g] / (Math.sqrt(variance) + EPS);
                a[2 * g] = scale;
                a[2 * g + 1] = targetMean[record][g] - mean * scale;
            }
            return a;
        }
    }
}
