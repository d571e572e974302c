package org.ecgchat.eval.classification;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * All metrics of one class. Values that are mathematically undefined for the class's labels
 * (e.g. AUROC without negatives) are empty, and {@link #notes()} says why.
 *
 * @param name              class name
 * @param positives         samples labelled 1
 * @param negatives         samples labelled 0
 * @param auroc             area under the ROC curve
 * @param averagePrecision  average precision
 * @param maxF1             best F1 over the precision-recall curve
 * @param maxF1Threshold    the score threshold of the best F1
 * @param accuracy          accuracy of {@code score > maxF1Threshold}
 * @param decisionThreshold threshold of {@link #confusion()}: a fixed one, or the max-F1 threshold
 * @param confusion         counts of {@code score > decisionThreshold}
 * @param notes             why values are missing
 */
public record ClassMetrics(
        String name,
        long positives,
        long negatives,
        OptionalDouble auroc,
        OptionalDouble averagePrecision,
        OptionalDouble maxF1,
        OptionalDouble maxF1Threshold,
        OptionalDouble accuracy,
        OptionalDouble decisionThreshold,
        Optional<ConfusionMatrix> confusion,
        List<String> notes) {

    public ClassMetrics {
        notes = List.copyOf(notes);
    }

    /** Sensitivity at the decision threshold; empty without positives or threshold. */
    public OptionalDouble sensitivity() {
        return confusion.map(c -> defined(c.sensitivity())).orElse(OptionalDouble.empty());
    }

    /** Specificity at the decision threshold; empty without negatives or threshold. */
    public OptionalDouble specificity() {
        return confusion.map(c -> defined(c.specificity())).orElse(OptionalDouble.empty());
    }

    private static OptionalDouble defined(double v) {
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
