package org.ecgchat.eval.classification;

/** Counts of one binary decision rule against the true labels. */
public record ConfusionMatrix(long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {

    /** Number of samples. */
    public long total() {
        return truePositives + falsePositives + trueNegatives + falseNegatives;
    }

    /** Fraction of correct decisions. */
    public double accuracy() {
        return (double) (truePositives + trueNegatives) / total();
    }

    /** Recall of the positive class, {@code TP / (TP + FN)}; NaN without positives. */
    public double sensitivity() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    /** Recall of the negative class, {@code TN / (TN + FP)}; NaN without negatives. */
    public double specificity() {
        return ratio(trueNegatives, trueNegatives + falsePositives);
    }

    /** {@code TP / (TP + FP)}; NaN when nothing is predicted positive. */
    public double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    /** Harmonic mean of precision and sensitivity; 0 when both are 0 or undefined. */
    public double f1() {
        long denom = 2 * truePositives + falsePositives + falseNegatives;
        return denom == 0 ? 0.0 : 2.0 * truePositives / denom;
    }

    private static double ratio(long num, long den) {
        return den == 0 ? Double.NaN : (double) num / den;
    }
}
