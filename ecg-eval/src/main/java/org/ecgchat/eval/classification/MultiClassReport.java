package org.ecgchat.eval.classification;

import java.util.List;
import org.ecgchat.eval.EvalInputException;

/**
 * Evaluation of a single-label, multi-class classifier: one-vs-rest per-class metrics (their
 * macro AUROC is scikit-learn's {@code roc_auc_score(multi_class="ovr")}), top-1 accuracy and
 * the confusion matrix of the arg-max prediction.
 *
 * @param oneVsRest per-class binary metrics
 * @param accuracy  fraction of samples whose highest score is the true class
 * @param confusion {@code confusion[true][predicted]} counts
 */
public record MultiClassReport(ClassificationReport oneVsRest, double accuracy, long[][] confusion) {

    /**
     * Evaluates scores {@code [sample][class]} against class indices.
     *
     * @param labels true class index of each sample, in {@code [0, classes)}
     */
    public static MultiClassReport evaluate(List<String> classNames, double[][] scores, int[] labels,
                                            ClassificationEvaluator evaluator) {
        if (scores.length != labels.length) {
            throw new EvalInputException("scores has " + scores.length + " rows but labels has " + labels.length);
        }
        if (scores.length == 0) {
            throw new EvalInputException("no samples: scores and labels are empty");
        }
        int k = scores[0].length;
        int[][] oneHot = new int[labels.length][k];
        long[][] confusion = new long[k][k];
        long correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= k) {
                throw new EvalInputException("labels[" + i + "] = " + labels[i] + ": expected a class index in [0, "
                        + k + ")");
            }
            oneHot[i][labels[i]] = 1;
        }
        // validates shapes and finiteness before the arg-max below reads the rows
        MultiLabelData data = MultiLabelData.fromRows(classNames, scores, oneHot);
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (scores[i][c] > scores[i][best]) {
                    best = c;
                }
            }
            confusion[labels[i]][best]++;
            if (best == labels[i]) {
                correct++;
            }
        }
        return new MultiClassReport(evaluator.evaluate(data), (double) correct / labels.length, confusion);
    }
}
