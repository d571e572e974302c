package org.ecgchat.coca.caption;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ECG-CoCa decoder as a {@link NextTokenModel} for one batch of ECGs: their cross-attention
 * keys and values are computed once, and each step gathers the rows its sequences need (re-gathered
 * only when the set of running sequences changes).
 *
 * <p>Tokens the text tower cannot read back get the logit {@code -∞}: without {@code text_cfg.vocab_size}
 * the decoder scores 49408 tokens (open_clip's default) while BERT embeds 30522, and the original
 * would fail with an index error on generating one of the others.
 */
final class EcgConditionedDecoder implements NextTokenModel {

    private final CaptionGraph graph;
    private final List<INDArray> memory;
    private final int ecgs;
    private final int maxLength;
    private final int readable;
    private int[] gatheredFor;
    private List<INDArray> gathered;

    EcgConditionedDecoder(CaptionGraph graph, INDArray ecg, int maxLength, int readable) {
        this.graph = graph;
        this.readable = readable;
        this.memory = graph.memory(ecg);
        this.ecgs = (int) ecg.size(0);
        this.maxLength = maxLength;
    }

    @Override
    public int maxSequenceLength() {
        return maxLength;
    }

    @Override
    public float[][] nextTokenLogits(int[][] sequences, int[] sources) {
        long[][] ids = new long[sequences.length][];
        for (int i = 0; i < ids.length; i++) {
            if (sequences[i].length != sequences[0].length || sequences[i].length > maxLength) {
                throw new IllegalArgumentException("sequence " + i + " has " + sequences[i].length + " tokens; all must have "
                        + sequences[0].length + ", at most " + maxLength);
            }
            ids[i] = Arrays.stream(sequences[i]).asLongStream().toArray();
        }
        float[][] logits = graph.nextTokenLogits(Nd4j.createFromArray(ids), memoryFor(sources)).toFloatMatrix();
        for (int i = 0; i < logits.length; i++) {
            float[] row = logits[i];
            for (float v : row) {
                if (Float.isNaN(v)) {
                    throw new IllegalStateException("the decoder produced NaN logits for sequence " + i + " (ECG "
                            + sources[i] + "): the weights or the ECG hold invalid values");
                }
            }
            Arrays.fill(row, Math.min(readable, row.length), row.length, NextTokenScores.REMOVED);
        }
        return logits;
    }

    private List<INDArray> memoryFor(int[] sources) {
        if (isIdentity(sources)) {
            return memory;
        }
        if (!Arrays.equals(sources, gatheredFor)) {
            gathered = new ArrayList<>(memory.size());
            for (INDArray m : memory) {
                long[] shape = m.shape();
                INDArray rows = Nd4j.pullRows(m.reshape(shape[0], -1), 1, sources);
                gathered.add(rows.reshape(sources.length, shape[1], shape[2], shape[3]));
            }
            gatheredFor = sources.clone();
        }
        return gathered;
    }

    private boolean isIdentity(int[] sources) {
        if (sources.length != ecgs) {
            return false;
        }
        for (int i = 0; i < sources.length; i++) {
            if (sources[i] != i) {
                return false;
            }
        }
        return true;
    }
}
