package org.ecgchat.nn.tokenize;

/** A vocabulary or tokenizer file is malformed or asks for a feature this tokenizer lacks; the message names the file and field. */
public class TokenizerFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a complete message. */
    public TokenizerFormatException(String message) {
        super(message);
    }

    /** Creates the exception with a complete message and its cause. */
    public TokenizerFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
