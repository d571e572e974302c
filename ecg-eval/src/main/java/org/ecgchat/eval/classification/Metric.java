package org.ecgchat.eval.classification;

import java.util.OptionalDouble;
import java.util.function.Function;

/** The per-class metrics of a {@link ClassificationReport}, each with its macro average. */
public enum Metric {
    /** Area under the ROC curve. */
    AUROC("AUROC", ClassMetrics::auroc),
    /** Average precision (scikit-learn's step-wise definition). */
    AVERAGE_PRECISION("AP", ClassMetrics::averagePrecision),
    /** Best F1 over the precision-recall curve (the original's "F1"). */
    MAX_F1("max-F1", ClassMetrics::maxF1),
    /** Accuracy of {@code score > threshold} at the max-F1 threshold (the original's "accuracy"). */
    ACCURACY("accuracy", ClassMetrics::accuracy),
    /** Sensitivity at the report's decision threshold. */
    SENSITIVITY("sensitivity", ClassMetrics::sensitivity),
    /** Specificity at the report's decision threshold. */
    SPECIFICITY("specificity", ClassMetrics::specificity);

    private final String label;
    private final Function<ClassMetrics, OptionalDouble> extractor;

    Metric(String label, Function<ClassMetrics, OptionalDouble> extractor) {
        this.label = label;
        this.extractor = extractor;
    }

    /** Short column heading. */
    public String label() {
        return label;
    }

    /** This metric's value for one class; empty when undefined for that class. */
    public OptionalDouble of(ClassMetrics c) {
        return extractor.apply(c);
    }
}
