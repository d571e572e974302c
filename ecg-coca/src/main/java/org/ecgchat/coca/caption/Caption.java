package org.ecgchat.coca.caption;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * A generated caption: its text (decoded without special tokens), the token ids it came from and,
 * for beam search, the hypothesis score.
 */
public record Caption(String text, int[] tokens, OptionalDouble score) {

    public Caption {
        tokens = tokens.clone();
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Caption c && text.equals(c.text) && Arrays.equals(tokens, c.tokens) && score.equals(c.score);
    }

    @Override
    public int hashCode() {
        return (31 * text.hashCode() + Arrays.hashCode(tokens)) * 31 + score.hashCode();
    }

    @Override
    public String toString() {
        return "Caption[" + text + "]";
    }
}
