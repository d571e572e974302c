package org.ecgchat.eval;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Validation, L2 normalisation and ND4J conversion of embedding matrices {@code [items, dim]}. */
public final class Embeddings {
    private Embeddings() {
    }

    /**
     * Checks that {@code e} is a non-empty rectangular matrix of finite values.
     *
     * @return the number of rows
     */
    public static int check(String what, double[][] e) {
        if (e == null || e.length == 0) {
            throw new EvalInputException("no samples: " + what + " is empty");
        }
        int d = e[0] == null ? 0 : e[0].length;
        if (d == 0) {
            throw new EvalInputException(what + "[0] has no columns");
        }
        for (int i = 0; i < e.length; i++) {
            if (e[i] == null || e[i].length != d) {
                throw new EvalInputException(what + "[" + i + "] has " + (e[i] == null ? 0 : e[i].length)
                        + " columns, expected " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(e[i][j])) {
                    throw new EvalInputException(what + "[" + i + "][" + j + "] is " + e[i][j]
                            + ": expected a finite number");
                }
            }
        }
        return e.length;
    }

    /** Row-wise L2-normalised copy; a zero row is an error (its direction is undefined). */
    public static double[][] normalizeRows(String what, double[][] e) {
        double[][] out = new double[e.length][];
        for (int i = 0; i < e.length; i++) {
            double s = 0;
            for (double v : e[i]) {
                s += v * v;
            }
            if (s == 0) {
                throw new EvalInputException(what + "[" + i + "] is the zero vector: it cannot be normalised");
            }
            double inv = 1.0 / Math.sqrt(s);
            out[i] = new double[e[i].length];
            for (int j = 0; j < e[i].length; j++) {
                out[i][j] = e[i][j] * inv;
            }
        }
        return out;
    }

    /** Row-major double matrix as an ND4J array. */
    public static INDArray toIndArray(double[][] rows) {
        int n = rows.length;
        int d = rows[0].length;
        double[] flat = new double[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows[i], 0, flat, i * d, d);
        }
        return Nd4j.create(flat, new long[] {n, d}, 'c');
    }

    /** A rank-2 ND4J array as rows, checked. */
    public static double[][] fromIndArray(String what, INDArray a) {
        if (a == null || a.rank() != 2) {
            throw new EvalInputException(what + " must be a matrix [items, dim], got "
                    + (a == null ? "null" : "rank " + a.rank()));
        }
        double[][] rows = a.toDoubleMatrix();
        check(what, rows);
        return rows;
    }
}
