package org.ecgchat.augment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * ECG-Chat's resize: zero-pads at the end or crops the end to {@code seq_length} samples.
 * Per-sample labels as long as the signal, and critical points, are padded or cropped with it.
 *
 * @param seqLength {@code seq_length}, target number of samples
 */
public record Resize(@JsonProperty(value = "seq_length", required = true) int seqLength) implements Step {

    /** Checks the argument. */
    public Resize {
        Params.atLeast("Resize", "seq_length", seqLength, 1);
    }

    @Override
    public BatchState plan(BatchState state, RandomGenerator rng) {
        int length = state.length();
        if (length == seqLength) {
            return state;
        }
        BatchState next = state.withSignals(new Resized(state.signals, seqLength));
        if (state.labels != null && state.labels.perSample && state.labels.samples == length) {
            next = next.withLabels(state.labels.resize(seqLength));
        }
        if (state.points != null) {
            int[][] points = new int[state.records()][];
            for (int b = 0; b < points.length; b++) {
                points[b] = Arrays.stream(state.points[b]).filter(p -> p < seqLength).toArray();
            }
            next = next.withPoints(points);
        }
        return next;
    }

    /** Signals cut or zero-padded at the end. */
    private static final class Resized extends Signal.Derived {
        private final int inLength;

        Resized(Signal in, int length) {
            super(in, length);
            this.inLength = in.length;
        }

        @Override
        void fill(int record, int lead, int from, int to, float[] dst, int off) {
            int kept = Math.max(from, Math.min(to, inLength));
            if (kept > from) {
                in.fill(record, lead, from, kept, dst, off);
            }
            Arrays.fill(dst, off + kept - from, off + to - from, 0f);
        }
    }
}
