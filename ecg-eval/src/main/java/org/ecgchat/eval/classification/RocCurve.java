package org.ecgchat.eval.classification;

import java.util.Arrays;

/**
 * Receiver operating characteristic curve as scikit-learn's {@code roc_curve}: points in order
 * of decreasing threshold, starting at (0, 0) with threshold {@code +Infinity}.
 */
public record RocCurve(double[] falsePositiveRate, double[] truePositiveRate, double[] thresholds) {

    /**
     * Builds the curve.
     *
     * @param dropIntermediate drop points on straight segments (scikit-learn's default, {@code true});
     *                         the area is unchanged
     */
    public static RocCurve of(BinaryCurve curve, boolean dropIntermediate) {
        if (curve.positives() == 0 || curve.negatives() == 0) {
            throw new UndefinedMetricException("a ROC curve needs both classes; this one has "
                    + curve.positives() + " positive and " + curve.negatives() + " negative samples");
        }
        int n = curve.size();
        int[] keep = new int[n];
        int m = 0;
        for (int k = 0; k < n; k++) {
            boolean interior = k > 0 && k < n - 1;
            if (dropIntermediate && interior
                    && secondDifference(curve, k, true) == 0 && secondDifference(curve, k, false) == 0) {
                continue;
            }
            keep[m++] = k;
        }
        double[] fpr = new double[m + 1];
        double[] tpr = new double[m + 1];
        double[] th = new double[m + 1];
        th[0] = Double.POSITIVE_INFINITY;
        for (int q = 0; q < m; q++) {
            int k = keep[q];
            fpr[q + 1] = (double) curve.falsePositives(k) / curve.negatives();
            tpr[q + 1] = (double) curve.truePositives(k) / curve.positives();
            th[q + 1] = curve.threshold(k);
        }
        return new RocCurve(fpr, tpr, th);
    }

    private static long secondDifference(BinaryCurve c, int k, boolean fp) {
        return fp
                ? c.falsePositives(k + 1) - 2 * c.falsePositives(k) + c.falsePositives(k - 1)
                : c.truePositives(k + 1) - 2 * c.truePositives(k) + c.truePositives(k - 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RocCurve r && Arrays.equals(falsePositiveRate, r.falsePositiveRate)
                && Arrays.equals(truePositiveRate, r.truePositiveRate) && Arrays.equals(thresholds, r.thresholds);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(falsePositiveRate) + Arrays.hashCode(truePositiveRate))
                + Arrays.hashCode(thresholds);
    }

    @Override
    public String toString() {
        return "RocCurve[points=" + thresholds.length + "]";
    }
}
