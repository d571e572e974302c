package org.ecgchat.augment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * ECG-Chat's random masking: a share {@code prob[0]} of the records is chosen; in each, windows of
 * width {@code 2 * (randint(w0, w1) / 2)} samples (with {@code [w0, w1] = round(mask_width * fs)})
 * are set to {@code mask_value} on all leads. Without critical points the windows are centred on
 * about {@code 0.5 / w1} of the positions {@code [w1/2, samples - w1/2)} (so up to half the record
 * is covered before overlaps); with critical points (e.g. R-peaks), a share {@code prob[1]} of the
 * record's points become window centres.
 *
 * <p>Deviations from the original, all invisible with the defaults: the windows are <em>set</em>
 * to {@code mask_value} (the original multiplies by it), windows are clipped to the record, and
 * the chosen critical points themselves are the centres (the original indexes {@code arange(siglen)}
 * with the chosen positions of the point list, which masks near the record start).
 *
 * @param fs        {@code fs}, sampling frequency in Hz (required)
 * @param maskValue {@code mask_value}, default 0
 * @param maskWidth {@code mask_width}, window width range in seconds, default [0.08, 0.18]
 * @param prob      {@code prob}, [record share, critical-point share], default [0.3, 0.15]; one
 *                  number stands for both
 */
@JsonIgnoreProperties({"inplace"})
public record RandomMasking(
        @JsonProperty("fs") double fs,
        @JsonProperty("mask_value") double maskValue,
        @JsonProperty("mask_width") double[] maskWidth,
        @JsonProperty("prob") double[] prob) implements Step {

    private static final String NAME = "RandomMasking";

    /** Checks the arguments and expands a single probability to a pair. */
    public RandomMasking {
        Params.positive(NAME, "fs", fs);
        Params.finite(NAME, "mask_value", maskValue);
        maskWidth = Params.range(NAME, "mask_width", maskWidth);
        if (!(maskWidth[0] >= 0 && Math.rint(maskWidth[1] * fs) >= 1)) {
            throw new AugmenterParameterException(NAME, "mask_width", "must be non-negative and at least one"
                    + " sample wide at fs " + fs + ", got [" + maskWidth[0] + ", " + maskWidth[1] + "] s");
        }
        prob = Params.probabilityPair(NAME, "prob", prob);
    }

    /** ECG-Chat's defaults at sampling frequency {@code fs}. */
    public RandomMasking(double fs) {
        this(fs, 0.0, new double[] {0.08, 0.18}, new double[] {0.3, 0.15});
    }

    @JsonCreator
    static RandomMasking fromJson(@JsonProperty(value = "fs", required = true) Double fs,
            @JsonProperty("mask_value") Double maskValue,
            @JsonProperty("mask_width") double[] maskWidth,
            @JsonProperty("prob") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) double[] prob) {
        return new RandomMasking(fs, Params.orDefault(maskValue, 0.0),
                Params.orDefault(maskWidth, new double[] {0.08, 0.18}),
                Params.orDefault(prob, new double[] {0.3, 0.15}));
    }

    @Override
    public double[] maskWidth() {
        return maskWidth.clone();
    }

    @Override
    public double[] prob() {
        return prob.clone();
    }

    @Override
    public BatchState plan(BatchState state, RandomGenerator rng) {
        int length = state.length();
        int minWidth = (int) Math.rint(maskWidth[0] * fs);
        int maxWidth = (int) Math.rint(maskWidth[1] * fs);
        if (maxWidth >= length) {
            throw new AugmenterParameterException(NAME, "mask_width", "widest window " + maskWidth[1] + " s = "
                    + maxWidth + " samples at fs " + fs + " must be shorter than the signal (" + length
                    + " samples)");
        }
        int records = state.records();
        int[][] windows = new int[records][];
        double centreShare = 0.5 / maxWidth;
        double centreSpread = Math.min(prob[1] / 4, 0.1) / maxWidth;
        for (int b : Draws.choose(rng, prob[0], records)) {
            int[] centres;
            if (state.points != null) {
                int[] points = state.points[b];
                int[] chosen = Draws.choose(rng, prob[1], points.length);
                centres = new int[chosen.length];
                for (int i = 0; i < chosen.length; i++) {
                    centres[i] = points[chosen[i]];
                }
            } else {
                centres = Draws.choose(rng, centreShare, length - maxWidth, centreSpread);
                for (int i = 0; i < centres.length; i++) {
                    centres[i] += maxWidth / 2;
                }
            }
            int[] window = new int[2 * centres.length];
            for (int i = 0; i < centres.length; i++) {
                int radius = Draws.randint(rng, minWidth, maxWidth) / 2;
                window[2 * i] = Math.max(0, centres[i] - radius);
                window[2 * i + 1] = Math.min(length, centres[i] + radius);
            }
            windows[b] = window;
        }
        return state.withSignals(new Masked(state.signals, windows, (float) maskValue));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RandomMasking m && m.fs == fs && m.maskValue == maskValue
                && Arrays.equals(m.maskWidth, maskWidth) && Arrays.equals(m.prob, prob);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(new Object[] {fs, maskValue, maskWidth, prob});
    }

    @Override
    public String toString() {
        return "RandomMasking[fs=" + fs + ", mask_value=" + maskValue + ", mask_width=" + Arrays.toString(maskWidth)
                + ", prob=" + Arrays.toString(prob) + "]";
    }

    /** Signals with each record's windows {@code [lo, hi)} set to one value on all leads. */
    private static final class Masked extends Signal.Derived {
        private final int[][] windows;
        private final float value;

        Masked(Signal in, int[][] windows, float value) {
            super(in);
            this.windows = windows;
            this.value = value;
        }

        @Override
        void fill(int record, int lead, int from, int to, float[] dst, int off) {
            in.fill(record, lead, from, to, dst, off);
            int[] window = windows[record];
            if (window == null) {
                return;
            }
            for (int i = 0; i < window.length; i += 2) {
                int lo = Math.max(from, window[i]);
                int hi = Math.min(to, window[i + 1]);
                for (int t = lo; t < hi; t++) {
                    dst[off + t - from] = value;
                }
            }
        }
    }
}
