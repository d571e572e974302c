package org.ecgchat.eval.classification;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ecgchat.eval.EvalInputException;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Scores and binary labels of {@code samples} ECGs for {@code classes} labels (multi-label, one
 * binary problem per class), validated once and stored per class (column-major) because every
 * metric works on one class at a time.
 */
public final class MultiLabelData {
    private final List<String> classNames;
    private final double[][] scores;
    private final boolean[][] labels;
    private final int samples;

    private MultiLabelData(List<String> classNames, double[][] scores, boolean[][] labels, int samples) {
        this.classNames = classNames;
        this.scores = scores;
        this.labels = labels;
        this.samples = samples;
    }

    /**
     * From row-major arrays {@code [sample][class]}, as a model emits them.
     *
     * @param classNames one name per column; {@code null} names the classes {@code class_0, ...}
     * @param scores     finite scores
     * @param labels     0 or 1 (other values are rejected, naming the position)
     */
    public static MultiLabelData fromRows(List<String> classNames, double[][] scores, double[][] labels) {
        int n = requireRows("scores", scores);
        if (labels.length != n) {
            throw new EvalInputException("scores has " + n + " rows (samples) but labels has " + labels.length);
        }
        int k = scores[0] == null ? 0 : scores[0].length;
        if (k == 0) {
            throw new EvalInputException("scores[0] has no columns: expected one score per class");
        }
        List<String> names = names(classNames, k);
        double[][] s = new double[k][n];
        boolean[][] y = new boolean[k][n];
        for (int i = 0; i < n; i++) {
            checkRow("scores", scores[i], i, k);
            checkRow("labels", labels[i], i, k);
            for (int c = 0; c < k; c++) {
                s[c][i] = score(scores[i][c], i, c, names);
                y[c][i] = label(labels[i][c], i, c, names);
            }
        }
        return new MultiLabelData(names, s, y, n);
    }

    /** As {@link #fromRows(List, double[][], double[][])} with integer labels. */
    public static MultiLabelData fromRows(List<String> classNames, double[][] scores, int[][] labels) {
        double[][] d = new double[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == null) {
                throw new EvalInputException("labels[" + i + "] is missing");
            }
            d[i] = new double[labels[i].length];
            for (int c = 0; c < labels[i].length; c++) {
                d[i][c] = labels[i][c];
            }
        }
        return fromRows(classNames, scores, d);
    }

    /**
     * From ND4J matrices {@code [samples, classes]} (any floating or integer type).
     */
    public static MultiLabelData fromIndArrays(List<String> classNames, INDArray scores, INDArray labels) {
        requireMatrix("scores", scores);
        requireMatrix("labels", labels);
        if (!java.util.Arrays.equals(scores.shape(), labels.shape())) {
            throw new EvalInputException("scores has shape " + java.util.Arrays.toString(scores.shape())
                    + " but labels has shape " + java.util.Arrays.toString(labels.shape()));
        }
        return fromRows(classNames, scores.toDoubleMatrix(), labels.toDoubleMatrix());
    }

    /** One binary problem. */
    public static MultiLabelData single(String className, double[] scores, int[] labels) {
        if (scores.length != labels.length) {
            throw new EvalInputException("scores has " + scores.length + " entries but labels has " + labels.length);
        }
        double[][] s = new double[scores.length][];
        int[][] y = new int[labels.length][];
        for (int i = 0; i < scores.length; i++) {
            s[i] = new double[] {scores[i]};
            y[i] = new int[] {labels[i]};
        }
        return fromRows(List.of(className), s, y);
    }

    /** Class names, in column order. */
    public List<String> classNames() {
        return classNames;
    }

    /** Number of classes. */
    public int classes() {
        return classNames.size();
    }

    /** Number of samples. */
    public int samples() {
        return samples;
    }

    /** Scores of one class (a copy). */
    public double[] scores(int classIndex) {
        return scores[classIndex].clone();
    }

    /** Labels of one class (a copy). */
    public boolean[] labels(int classIndex) {
        return labels[classIndex].clone();
    }

    /** The cumulative-count curve of one class. */
    public BinaryCurve curve(int classIndex) {
        return BinaryCurve.of(scores[classIndex], labels[classIndex]);
    }

    /** The rows {@code rows[0], rows[1], ...} (repetitions allowed), as a bootstrap resample. */
    public MultiLabelData resample(int[] rows) {
        int k = classes();
        double[][] s = new double[k][rows.length];
        boolean[][] y = new boolean[k][rows.length];
        for (int c = 0; c < k; c++) {
            double[] sc = scores[c];
            boolean[] yc = labels[c];
            for (int i = 0; i < rows.length; i++) {
                s[c][i] = sc[rows[i]];
                y[c][i] = yc[rows[i]];
            }
        }
        return new MultiLabelData(classNames, s, y, rows.length);
    }

    private static int requireRows(String what, double[][] a) {
        if (a == null || a.length == 0) {
            throw new EvalInputException("no samples: " + what + " is empty");
        }
        return a.length;
    }

    private static void requireMatrix(String what, INDArray a) {
        if (a == null || a.rank() != 2) {
            throw new EvalInputException(what + " must be a matrix [samples, classes], got "
                    + (a == null ? "null" : "rank " + a.rank()));
        }
        if (a.length() == 0) {
            throw new EvalInputException("no samples: " + what + " is empty");
        }
    }

    private static void checkRow(String what, double[] row, int i, int k) {
        if (row == null) {
            throw new EvalInputException(what + "[" + i + "] is missing");
        }
        if (row.length != k) {
            throw new EvalInputException(what + "[" + i + "] has " + row.length + " columns, expected " + k);
        }
    }

    private static double score(double v, int i, int c, List<String> names) {
        if (!Double.isFinite(v)) {
            throw new EvalInputException("scores[" + i + "][" + c + "] (class '" + names.get(c) + "') is " + v
                    + ": expected a finite number");
        }
        return v;
    }

    private static boolean label(double v, int i, int c, List<String> names) {
        if (v == 1.0) {
            return true;
        }
        if (v == 0.0) {
            return false;
        }
        throw new EvalInputException("labels[" + i + "][" + c + "] (class '" + names.get(c) + "') is " + v
                + ": expected 0 or 1");
    }

    private static List<String> names(List<String> given, int k) {
        if (given == null) {
            List<String> n = new ArrayList<>(k);
            for (int c = 0; c < k; c++) {
                n.add("class_" + c);
            }
            return List.copyOf(n);
        }
        if (given.size() != k) {
            throw new EvalInputException(given.size() + " class names given for " + k + " score columns");
        }
        Set<String> seen = new HashSet<>();
        for (String s : given) {
            if (s == null || s.isBlank()) {
                throw new EvalInputException("class names must not be blank: " + given);
            }
            if (!seen.add(s)) {
                throw new EvalInputException("class name '" + s + "' appears twice");
            }
        }
        return List.copyOf(given);
    }
}
