package org.ecgchat.eval.classification;

import java.util.Arrays;
import org.ecgchat.eval.EvalInputException;

/**
 * Cumulative true- and false-positive counts at every distinct score of one binary problem, the
 * common core of every curve and ranking metric (scikit-learn's {@code _binary_clf_curve}).
 * Thresholds are in descending order; entry {@code k} counts the samples with
 * {@code score >= thresholds[k]}.
 *
 * <p>Built by sorting the positive and the negative scores separately (primitive sorts) and
 * merging them from the top, which keeps ties together without an index sort.
 */
public final class BinaryCurve {
    private final double[] thresholds;
    private final long[] truePositives;
    private final long[] falsePositives;
    private final long positives;
    private final long negatives;

    private BinaryCurve(double[] thresholds, long[] tp, long[] fp, long positives, long negatives) {
        this.thresholds = thresholds;
        this.truePositives = tp;
        this.falsePositives = fp;
        this.positives = positives;
        this.negatives = negatives;
    }

    /**
     * Builds the curve of one class.
     *
     * @param scores finite scores, higher meaning more likely positive
     * @param labels {@code true} for the positive samples; same length as {@code scores}
     * @throws EvalInputException for empty input, a length mismatch or a non-finite score
     */
    public static BinaryCurve of(double[] scores, boolean[] labels) {
        if (scores.length != labels.length) {
            throw new EvalInputException("scores has " + scores.length + " entries but labels has "
                    + labels.length);
        }
        if (scores.length == 0) {
            throw new EvalInputException("no samples: scores and labels are empty");
        }
        int p = 0;
        for (boolean b : labels) {
            if (b) {
                p++;
            }
        }
        double[] pos = new double[p];
        double[] neg = new double[scores.length - p];
        int ip = 0;
        int in = 0;
        for (int i = 0; i < scores.length; i++) {
            double s = scores[i];
            if (!Double.isFinite(s)) {
                throw new EvalInputException("scores[" + i + "] is " + s + ": expected a finite number");
            }
            // -0.0 + 0.0 == +0.0: the sorts below order -0.0 before 0.0, but they are one tie
            s += 0.0;
            if (labels[i]) {
                pos[ip++] = s;
            } else {
                neg[in++] = s;
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        int maxDistinct = scores.length;
        double[] th = new double[maxDistinct];
        long[] tp = new long[maxDistinct];
        long[] fp = new long[maxDistinct];
        int i = pos.length - 1;
        int j = neg.length - 1;
        long ctp = 0;
        long cfp = 0;
        int k = 0;
        while (i >= 0 || j >= 0) {
            double t = i < 0 ? neg[j] : j < 0 ? pos[i] : Math.max(pos[i], neg[j]);
            while (i >= 0 && pos[i] == t) {
                ctp++;
                i--;
            }
            while (j >= 0 && neg[j] == t) {
                cfp++;
                j--;
            }
            th[k] = t;
            tp[k] = ctp;
            fp[k] = cfp;
            k++;
        }
        return new BinaryCurve(Arrays.copyOf(th, k), Arrays.copyOf(tp, k), Arrays.copyOf(fp, k),
                pos.length, neg.length);
    }

    /** Number of positive samples. */
    public long positives() {
        return positives;
    }

    /** Number of negative samples. */
    public long negatives() {
        return negatives;
    }

    /** Number of distinct scores. */
    public int size() {
        return thresholds.length;
    }

    /** The {@code k}-th distinct score, descending. */
    public double threshold(int k) {
        return thresholds[k];
    }

    /** Positives with {@code score >= threshold(k)}. */
    public long truePositives(int k) {
        return truePositives[k];
    }

    /** Negatives with {@code score >= threshold(k)}. */
    public long falsePositives(int k) {
        return falsePositives[k];
    }

    /**
     * Area under the ROC curve: the trapezoidal area, which equals the Mann-Whitney statistic
     * with ties counted one half. Summed in exact integer arithmetic and divided once.
     *
     * @throws UndefinedMetricException when the class has no positive or no negative sample
     */
    public double auroc() {
        if (positives == 0 || negatives == 0) {
            throw new UndefinedMetricException("ROC AUC needs both classes; this one has "
                    + positives + " positive and " + negatives + " negative samples");
        }
        long twiceArea = 0;
        long prevTp = 0;
        long prevFp = 0;
        for (int k = 0; k < thresholds.length; k++) {
            twiceArea += (falsePositives[k] - prevFp) * (truePositives[k] + prevTp);
            prevTp = truePositives[k];
            prevFp = falsePositives[k];
        }
        return twiceArea / (2.0 * positives * negatives);
    }

    /**
     * Average precision as scikit-learn defines it: the step-wise sum of precision times recall
     * increase, {@code sum_k (R_k - R_(k-1)) P_k}, without interpolation.
     *
     * @throws UndefinedMetricException when the class has no positive sample
     */
    public double averagePrecision() {
        requirePositives("average precision");
        double sum = 0;
        long prevTp = 0;
        for (int k = 0; k < thresholds.length; k++) {
            long dtp = truePositives[k] - prevTp;
            if (dtp != 0) {
                sum += ((double) dtp / positives) * precision(k);
            }
            prevTp = truePositives[k];
        }
        return sum;
    }

    /** Precision {@code tp / (tp + fp)} at the {@code k}-th threshold. */
    public double precision(int k) {
        return (double) truePositives[k] / (truePositives[k] + falsePositives[k]);
    }

    /** Recall {@code tp / positives} at the {@code k}-th threshold. */
    public double recall(int k) {
        return (double) truePositives[k] / positives;
    }

    /**
     * The original ECG-Chat evaluation's maximum F1: F1 at every point of scikit-learn's
     * precision-recall curve, the first maximum in ascending threshold order (numpy's argmax),
     * and the accuracy of the rule {@code score > threshold} at that threshold. F1 is computed
     * with the same floating-point operations as the original so that ties break identically.
     *
     * @throws UndefinedMetricException when the class has no positive sample
     */
    public MaxF1 maxF1() {
        requirePositives("max-F1");
        double best = -1;
        int bestK = -1;
        // ascending thresholds = descending k; ">" keeps the first maximum, as numpy.argmax does
        for (int k = thresholds.length - 1; k >= 0; k--) {
            double precision = precision(k);
            double recall = recall(k);
            double denom = recall + precision;
            double f1 = denom != 0 ? 2 * recall * precision / denom : 0.0;
            if (f1 > best) {
                best = f1;
                bestK = k;
            }
        }
        double threshold = thresholds[bestK];
        return new MaxF1(best, threshold, confusionAbove(threshold).accuracy());
    }

    /**
     * Counts of the rule {@code score > threshold} (the original's prediction rule).
     */
    public ConfusionMatrix confusionAbove(double threshold) {
        if (Double.isNaN(threshold)) {
            throw new EvalInputException("threshold is NaN");
        }
        // number of distinct scores strictly greater than the threshold (descending array)
        int lo = 0;
        int hi = thresholds.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (thresholds[mid] > threshold) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        long tp = lo == 0 ? 0 : truePositives[lo - 1];
        long fp = lo == 0 ? 0 : falsePositives[lo - 1];
        return new ConfusionMatrix(tp, fp, negatives - fp, positives - tp);
    }

    private void requirePositives(String metric) {
        if (positives == 0) {
            throw new UndefinedMetricException(metric + " needs at least one positive sample; this class has none");
        }
    }
}
