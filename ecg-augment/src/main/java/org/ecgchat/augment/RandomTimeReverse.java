package org.ecgchat.augment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Time reversal in torch_ecg's style: a share {@code prob} of the records is played backwards
 * (sample {@code t} becomes sample {@code samples - 1 - t} on every lead); per-sample labels and
 * critical points are reversed with them.
 *
 * @param prob {@code prob}, share of records reversed, default 0.5
 */
@JsonIgnoreProperties({"fs", "inplace"})
public record RandomTimeReverse(@JsonProperty("prob") double prob) implements Step {

    private static final String NAME = "RandomTimeReverse";

    /** Checks the argument. */
    public RandomTimeReverse {
        Params.probability(NAME, "prob", prob);
    }

    /** Default: half the records. */
    public RandomTimeReverse() {
        this(0.5);
    }

    @JsonCreator
    static RandomTimeReverse fromJson(@JsonProperty("prob") Double prob) {
        return new RandomTimeReverse(Params.orDefault(prob, 0.5));
    }

    @Override
    public BatchState plan(BatchState state, RandomGenerator rng) {
        int[] chosen = Draws.choose(rng, prob, state.records());
        if (chosen.length == 0) {
            return state;
        }
        boolean[] reversed = Draws.mask(chosen, state.records());
        BatchState next = state.withSignals(new Reversed(state.signals, reversed));
        if (state.labels != null && state.labels.perSample) {
            Labels.TimeMap[] maps = new Labels.TimeMap[reversed.length];
            for (int b : chosen) {
                maps[b] = RandomTimeReverse::reverse;
            }
            next = next.withLabels(state.labels.remapTime(maps));
        }
        if (state.points != null) {
            int last = state.length() - 1;
            int[][] points = new int[reversed.length][];
            for (int b = 0; b < reversed.length; b++) {
                points[b] = reversed[b] ? Arrays.stream(state.points[b]).map(p -> last - p).sorted().toArray()
                        : state.points[b];
            }
            next = next.withPoints(points);
        }
        return next;
    }

    private static void reverse(float[] in, float[] out) {
        for (int t = 0, n = in.length; t < n; t++) {
            out[t] = in[n - 1 - t];
        }
    }

    /** Signals with some records reversed in time. */
    private static final class Reversed extends Signal.Derived {
        private final boolean[] reversed;

        Reversed(Signal in, boolean[] reversed) {
            super(in);
            this.reversed = reversed;
        }

        @Override
        void fill(int record, int lead, int from, int to, float[] dst, int off) {
            if (!reversed[record]) {
                in.fill(record, lead, from, to, dst, off);
                return;
            }
            in.fill(record, lead, length - to, length - from, dst, off);
            for (int i = off, j = off + to - from - 1; i < j; i++, j--) {
                float swap = dst[i];
                dst[i] = dst[j];
                dst[j] = swap;
            }
        }
    }
}
