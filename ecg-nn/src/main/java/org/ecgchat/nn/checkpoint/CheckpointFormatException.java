package org.ecgchat.nn.checkpoint;

/**
 * A checkpoint file or state dict does not hold what was expected: a truncated or malformed file,
 * a missing or unused tensor, a shape or dtype disagreement, or a pickle naming a global that is not
 * on the allow-list. The message names the file and the tensor (or header field) and states both
 * what was expected and what was found.
 *
 * <p>Unchecked, so that model-building code that calls {@link StateDict#require} stays readable;
 * I/O failures of the underlying file system still surface as {@link java.io.IOException}.
 */
public class CheckpointFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a complete message. */
    public CheckpointFormatException(String message) {
        super(message);
    }

    /** Creates the exception with a complete message and its cause. */
    public CheckpointFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
