package org.ecgchat.eval.classification;

/**
 * The best F1 over a precision-recall curve, the score threshold where it is reached, and the
 * accuracy of predicting {@code score > threshold} (the original ECG-Chat accuracy).
 */
public record MaxF1(double f1, double threshold, double accuracy) {
}
