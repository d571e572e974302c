package org.ecgchat.coca.caption;

/**
 * The model side of decoding: scores of every vocabulary token as the continuation of each of a
 * batch of token sequences, each conditioned on one of the ECGs being captioned. The decoders
 * ({@link SamplingDecoder}, {@link BeamSearchDecoder}) only see this, so they can be checked on
 * hand-made score tables.
 */
public interface NextTokenModel {

    /**
     * Logits {@code [rows][vocabulary]} of the token following each sequence.
     *
     * @param sequences token ids, all of the same length, start token first
     * @param sources for each sequence, the index of the ECG it describes
     */
    float[][] nextTokenLogits(int[][] sequences, int[] sources);

    /** The longest sequence {@link #nextTokenLogits} accepts. */
    int maxSequenceLength();
}
