package org.ecgchat.augment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * torch_ecg's stretch-or-compress: each chosen record is resampled along time (linear
 * interpolation with aligned corners, as {@code F.interpolate(..., align_corners=True)}) to
 * {@code round((1 ± r) * samples)} samples, {@code r ~ N(ratio, 0.382 * ratio)} clipped to
 * {@code [0, 2 * ratio]}, then a stretched record is cut back to its middle {@code samples} and a
 * compressed one is zero-padded on both sides: the length never changes. Per-sample labels and
 * critical points move with the signal.
 *
 * @param ratio {@code ratio}, mean relative change; values above 1 are percentages (default 6, i.e.
 *              0.06); must end below 0.5 so that a compressed record keeps at least 2 samples' span
 * @param prob  {@code prob}, share of records resampled, default 0.5
 */
@JsonIgnoreProperties({"fs", "inplace"})
public record StretchCompress(
        @JsonProperty("ratio") double ratio,
        @JsonProperty("prob") double prob) implements Step {

    private static final String NAME = "StretchCompress";

    /** Turns a percentage into a fraction and checks the arguments. */
    public StretchCompress {
        Params.finite(NAME, "ratio", ratio);
        if (ratio > 1) {
            ratio = ratio / 100;
        }
        if (!(ratio >= 0 && ratio < 0.5)) {
            throw new AugmenterParameterException(NAME, "ratio", "must be a fraction in [0, 0.5) or a percentage"
                    + " in (1, 50), got " + ratio);
        }
        Params.probability(NAME, "prob", prob);
    }

    /** torch_ecg's defaults: 6 %, prob 0.5. */
    public StretchCompress() {
        this(0.06, 0.5);
    }

    @JsonCreator
    static StretchCompress fromJson(@JsonProperty("ratio") Double ratio, @JsonProperty("prob") Double prob) {
        return new StretchCompress(Params.orDefault(ratio, 6.0), Params.orDefault(prob, 0.5));
    }

    @Override
    public BatchState plan(BatchState state, RandomGenerator rng) {
        int records = state.records();
        int length = state.length();
        Resampling[] maps = new Resampling[records];
        boolean any = false;
        for (int b : Draws.choose(rng, prob, records)) {
            boolean stretch = rng.nextBoolean();
            double r = Math.min(Math.max(rng.nextGaussian(ratio, 0.382 * ratio), 0), 2 * ratio);
            int newLength = Math.max(2, (int) Math.rint((1 + (stretch ? r : -r)) * length));
            if (newLength != length && length > 1) {
                int half = Math.abs(newLength - length) / 2;
                maps[b] = new Resampling(length, newLength, stretch ? half : -half);
                any = true;
            }
        }
        if (!any) {
            return state;
        }
        BatchState next = state.withSignals(new Resampled(state.signals, maps));
        if (state.labels != null && state.labels.perSample) {
            Labels.TimeMap[] labelMaps = new Labels.TimeMap[records];
            for (int b = 0; b < records; b++) {
                labelMaps[b] = maps[b] == null ? null : maps[b].atLength(state.labels.samples);
            }
            next = next.withLabels(state.labels.remapTime(labelMaps));
        }
        if (state.points != null) {
            int[][] points = new int[records][];
            for (int b = 0; b < records; b++) {
                points[b] = maps[b] == null ? state.points[b] : maps[b].movePoints(state.points[b]);
            }
            next = next.withPoints(points);
        }
        return next;
    }

    /**
     * One record's map: output sample {@code t} is sample {@code t + offset} of the signal resampled
     * from {@code length} to {@code newLength} samples (zero outside it).
     */
    static final class Resampling {
        final int length;
        final int newLength;
        final int offset;
        /** Input position per resampled sample, in float as PyTorch computes it. */
        final float scale;

        Resampling(int length, int newLength, int offset) {
            this.length = length;
            this.newLength = newLength;
            this.offset = offset;
            this.scale = (float) (length - 1) / (newLength - 1);
        }

        /** Output samples {@code [from, to)} from input samples {@code in[inFrom ...]} of the same record. */
        void apply(Signal in, int record, int lead, int from, int to, float[] dst, int off) {
            int first = Math.max(from, -offset);
            int last = Math.min(to, newLength - offset);
            if (first >= last) {
                Arrays.fill(dst, off, off + to - from, 0f);
                return;
            }
            Arrays.fill(dst, off, off + first - from, 0f);
            Arrays.fill(dst, off + last - from, off + to - from, 0f);
            int lo = (int) (scale * (first + offset));
            int hi = Math.min(length - 1, (int) (scale * (last - 1 + offset)) + 1);
            Workspace ws = Workspace.current();
            float[] window = ws.borrow(hi - lo + 1);
            try {
                in.fill(record, lead, lo, hi + 1, window, 0);
                for (int t = first; t < last; t++) {
                    dst[off + t - from] = sample(window, lo, t + offset);
                }
            } finally {
                ws.release();
            }
        }

        /** Resampled sample {@code i} from {@code values[k - base]} = input sample {@code k}. */
        private float sample(float[] values, int base, int i) {
            float position = scale * i;
            int k = (int) position;
            float w = position - k;
            int next = k < length - 1 ? 1 : 0;
            return (1 - w) * values[k - base] + w * values[k + next - base];
        }

        /** The same map for a series of {@code samples} (per-sample labels). */
        Labels.TimeMap atLength(int samples) {
            if (samples == length) {
                return (in, out) -> series(in, out);
            }
            // torch_ecg: interpolate the labels to the signal length, map, interpolate back
            return (in, out) -> {
                float[] up = new float[length];
                float[] mapped = new float[length];
                linear(in, samples, up, length);
                series(up, mapped);
                linear(mapped, length, out, samples);
            };
        }

        private void series(float[] in, float[] out) {
            for (int t = 0; t < length; t++) {
                int i = t + offset;
                out[t] = i < 0 || i >= newLength ? 0f : sample(in, 0, i);
            }
        }

        int[] movePoints(int[] points) {
            return Arrays.stream(points).map(p -> (int) Math.rint(p / (double) scale) - offset)
                    .filter(t -> t >= 0 && t < length).toArray();
        }

        /** Linear resampling with aligned corners of {@code in[0, n)} to {@code out[0, m)}. */
        static void linear(float[] in, int n, float[] out, int m) {
            if (m == 1 || n == 1) {
                Arrays.fill(out, 0, m, in[0]);
                return;
            }
            float scale = (float) (n - 1) / (m - 1);
            for (int i = 0; i < m; i++) {
                float position = scale * i;
                int k = (int) position;
                float w = position - k;
                out[i] = (1 - w) * in[k] + w * in[k < n - 1 ? k + 1 : k];
            }
        }
    }

    /** Signals with the chosen records resampled. */
    private static final class Resampled extends Signal.Derived {
        private final Resampling[] maps;

        Resampled(Signal in, Resampling[] maps) {
            super(in);
            this.maps = maps;
        }

        @Override
        void fill(int record, int lead, int from, int to, float[] dst, int off) {
            if (maps[record] == null) {
                in.fill(record, lead, from, to, dst, off);
            } else {
                maps[record].apply(in, record, lead, from, to, dst, off);
            }
        }
    }
}
