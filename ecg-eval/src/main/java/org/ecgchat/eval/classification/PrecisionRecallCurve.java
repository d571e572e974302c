package org.ecgchat.eval.classification;

import java.util.Arrays;

/**
 * Precision-recall curve as scikit-learn's {@code precision_recall_curve}: thresholds ascending;
 * precision and recall have one more entry than thresholds, the final point (1, 0).
 */
public record PrecisionRecallCurve(double[] precision, double[] recall, double[] thresholds) {

    /** Builds the full curve (every distinct score is a threshold). */
    public static PrecisionRecallCurve of(BinaryCurve curve) {
        if (curve.positives() == 0) {
            throw new UndefinedMetricException("a precision-recall curve needs a positive sample; this class has none");
        }
        int n = curve.size();
        double[] p = new double[n + 1];
        double[] r = new double[n + 1];
        double[] th = new double[n];
        for (int q = 0; q < n; q++) {
            int k = n - 1 - q;
            p[q] = curve.precision(k);
            r[q] = curve.recall(k);
            th[q] = curve.threshold(k);
        }
        p[n] = 1.0;
        r[n] = 0.0;
        return new PrecisionRecallCurve(p, r, th);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrecisionRecallCurve c && Arrays.equals(precision, c.precision)
                && Arrays.equals(recall, c.recall) && Arrays.equals(thresholds, c.thresholds);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(precision) + Arrays.hashCode(recall)) + Arrays.hashCode(thresholds);
    }

    @Override
    public String toString() {
        return "PrecisionRecallCurve[points=" + precision.length + "]";
    }
}
