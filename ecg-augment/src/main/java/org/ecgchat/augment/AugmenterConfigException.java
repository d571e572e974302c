package org.ecgchat.augment;

/**
 * A JSON augmenter configuration cannot be read: malformed JSON, an unknown augmenter or argument,
 * or an argument out of range. The message names the source, line:column, the JSON path and the
 * problem; the cause is the underlying exception (an {@link AugmenterParameterException} for a
 * value out of range).
 */
public class AugmenterConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message where and what; @param cause the parser's or the augmenter's exception */
    public AugmenterConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
