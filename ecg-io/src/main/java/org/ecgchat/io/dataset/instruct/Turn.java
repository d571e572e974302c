package org.ecgchat.io.dataset.instruct;

import java.util.Objects;

/**
 * One message of an instruction conversation, in LLaVA's JSON form {@code {"from": ..., "value": ...}}.
 *
 * @param from  {@link #HUMAN} or {@link #GPT}
 * @param value the message text; the first human message holds the {@code <ecg>} placeholder
 */
public record Turn(String from, String value) {
    /** The user's role. */
    public static final String HUMAN = "human";
    /** The assistant's role. */
    public static final String GPT = "gpt";

    public Turn {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(value, "value");
    }

    /** A user message. */
    public static Turn human(String value) {
        return new Turn(HUMAN, value);
    }

    /** An assistant message. */
    public static Turn gpt(String value) {
        return new Turn(GPT, value);
    }
}
