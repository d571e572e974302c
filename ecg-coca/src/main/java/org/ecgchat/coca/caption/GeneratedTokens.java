package org.ecgchat.coca.caption;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * One generated token sequence: the start token, any prefix, the generated tokens and the end
 * token if one was produced (padded to {@code seq_len} with {@code fixed_output_length}), and for
 * beam search the hypothesis score ({@code sum / length^length_penalty}).
 */
public record GeneratedTokens(int[] tokens, OptionalDouble score) {

    public GeneratedTokens {
        tokens = tokens.clone();
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GeneratedTokens g && Arrays.equals(tokens, g.tokens) && score.equals(g.score);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(tokens) + score.hashCode();
    }

    @Override
    public String toString() {
        return "GeneratedTokens" + Arrays.toString(tokens) + (score.isPresent() ? " score " + score.getAsDouble() : "");
    }
}
