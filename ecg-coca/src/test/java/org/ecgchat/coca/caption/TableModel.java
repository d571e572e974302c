package org.ecgchat.coca.caption;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A hand-made {@link NextTokenModel}: the logits are a function of the sequence and its ECG index;
 * every call is recorded so tests can see what the decoder asked for.
 */
final class TableModel implements NextTokenModel {

    /** One call: the sequences' lengths and ECG indices. */
    record Call(int length, int[] sources) {}

    private final BiFunction<int[], Integer, float[]> logits;
    private final int maxLength;
    final List<Call> calls = new ArrayList<>();

    TableModel(BiFunction<int[], Integer, float[]> logits, int maxLength) {
        this.logits = logits;
        this.maxLength = maxLength;
    }

    /** Logits that depend on the last token only: {@code table[last]}. */
    static TableModel byLastToken(float[][] table) {
        return new TableModel((seq, source) -> table[seq[seq.length - 1]].clone(), 100);
    }

    @Override
    public float[][] nextTokenLogits(int[][] sequences, int[] sources) {
        calls.add(new Call(sequences[0].length, sources.clone()));
        float[][] out = new float[sequences.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = logits.apply(sequences[i], sources[i]);
        }
        return out;
    }

    @Override
    public int maxSequenceLength() {
        return maxLength;
    }
}
