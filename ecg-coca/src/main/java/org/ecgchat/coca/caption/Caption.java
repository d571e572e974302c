package org.ecgchat.coca.caption;

import java.util.OptionalDouble;

/**
 * A generated caption: its text (decoded without special tokens) and the token sequence it came
 * from.
 */
public record Caption(String text, GeneratedTokens generated) {

    /** The token ids: start token, prefix, generated tokens, end token if produced. */
    public int[] tokens() {
        return generated.tokens();
    }

    /** The hypothesis score of beam search; empty for sampling. */
    public OptionalDouble score() {
        return generated.score();
    }
}
