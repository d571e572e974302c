package org.ecgchat.coca.caption;

import java.util.Arrays;

/** Checks and output conventions shared by the decoders. */
final class Decoding {

    private Decoding() {}

    /** How many trailing tokens the model sees: {@code max_seq_len}, or the model's limit when that is 0. */
    static int window(CaptionSettings settings, NextTokenModel model) {
        int limit = model.maxSequenceLength();
        if (settings.maxSeqLen() > limit) {
            throw new IllegalArgumentException("max_seq_len " + settings.maxSeqLen() + " exceeds the " + limit
                    + " tokens the model's decoder accepts");
        }
        return settings.maxSeqLen() == 0 ? limit : settings.maxSeqLen();
    }

    /** The start of every sequence: non-empty, shorter than {@code seqLen}, without end or padding tokens. */
    static void checkStart(int[] start, SpecialTokens tokens, int seqLen) {
        if (start.length == 0) {
            throw new IllegalArgumentException("the start sequence is empty: it must hold at least the start token");
        }
        if (start.length >= seqLen) {
            throw new IllegalArgumentException("the start sequence has " + start.length
                    + " tokens, leaving none to generate within seq_len " + seqLen);
        }
        for (int i = 0; i < start.length; i++) {
            if (start[i] == tokens.eos() || start[i] == tokens.pad() || start[i] < 0) {
                throw new IllegalArgumentException("start token " + i + " is " + start[i]
                        + ": the start sequence must not hold the end token, the padding or negative ids");
            }
        }
    }

    /**
     * The first {@code length} tokens of {@code row} without the padding that follows a finished
     * sequence, or padded to {@code seq_len} with {@code fixed_output_length}.
     */
    static int[] finish(int[] row, int length, int startLength, SpecialTokens tokens, CaptionSettings settings) {
        int end = length;
        while (end > startLength && row[end - 1] == tokens.pad()) {
            end--;
        }
        if (!settings.fixedOutputLength()) {
            return Arrays.copyOf(row, end);
        }
        int[] fixed = Arrays.copyOf(row, Math.max(end, settings.seqLen()));
        Arrays.fill(fixed, end, fixed.length, tokens.pad());
        return fixed;
    }
}
