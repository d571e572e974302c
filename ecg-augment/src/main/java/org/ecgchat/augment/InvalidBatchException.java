package org.ecgchat.augment;

/**
 * A batch handed to an augmenter is unusable: wrong rank or shape, non-finite samples, labels or
 * critical points that do not match the signals. {@link #tensor()} names the offending part
 * ({@code signals}, {@code labels} or {@code critical_points}).
 */
public class InvalidBatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String tensor;

    /** @param tensor the offending part of the batch; @param detail what was found and what was expected */
    public InvalidBatchException(String tensor, String detail) {
        super(tensor + ": " + detail);
        this.tensor = tensor;
    }

    /** The offending part of the batch: {@code signals}, {@code labels} or {@code critical_points}. */
    public String tensor() {
        return tensor;
    }
}
