package org.ecgchat.nn.train;

/**
 * A training step produced a non-finite loss or gradient norm. It is raised before the optimiser
 * touches the weights, so the model and the last checkpoint stay usable; the usual causes are a
 * learning rate that is too high, missing gradient clipping, or an input batch holding NaN/Inf.
 */
public class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(String message) {
        super(message);
    }
}
