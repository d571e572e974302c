package org.ecgchat.eval.classification;

/**
 * A metric is mathematically undefined for the given labels, e.g. ROC AUC of a class whose
 * samples are all negative. Reports catch it and mark the value "undefined" instead of NaN.
 */
public class UndefinedMetricException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public UndefinedMetricException(String message) {
        super(message);
    }
}
