package org.ecgchat.nn.tokenize;

import java.util.Arrays;

/**
 * One tokenised text of fixed context length: {@code [CLS] pieces [SEP]} followed by padding.
 *
 * @param ids token ids, padded with the pad id
 * @param attentionMask 1 for real tokens (including [CLS] and [SEP]), 0 for padding
 */
public record Encoding(int[] ids, int[] attentionMask) {
    /** Copies the arrays. */
    public Encoding {
        if (ids.length != attentionMask.length) {
            throw new IllegalArgumentException("ids and attention mask differ in length");
        }
        ids = ids.clone();
        attentionMask = attentionMask.clone();
    }

    /** The ids (a copy). */
    @Override
    public int[] ids() {
        return ids.clone();
    }

    /** The attention mask (a copy). */
    @Override
    public int[] attentionMask() {
        return attentionMask.clone();
    }

    /** Number of real (unpadded) tokens. */
    public int length() {
        return Arrays.stream(attentionMask).sum();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Encoding e && Arrays.equals(ids, e.ids) && Arrays.equals(attentionMask, e.attentionMask);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ids) + Arrays.hashCode(attentionMask);
    }

    @Override
    public String toString() {
        return "Encoding" + Arrays.toString(Arrays.copyOf(ids, length()));
    }
}
