package org.ecgchat.eval.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.ecgchat.eval.EvalInputException;
import org.ecgchat.eval.classification.MultiLabelData;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One L2-regularised logistic regression per class on frozen features, as the original's
 * {@code LogisticRegression().fit(X, y[:, i])} for every class: minimises
 * {@code 0.5 |w|^2 + C sum_i log(1 + exp(-s_i (x_i w + b)))} with the intercept unpenalised.
 *
 * <p>The classes share the feature matrix, so all classes still running are evaluated together:
 * one matrix product {@code X W} for the scores and one {@code X^T R} for the gradients per
 * round (BLAS through ND4J), while each class keeps its own L-BFGS state; the per-class
 * loss, residual and solver steps run on {@code threads} threads.
 */
public final class LinearProbe {
    private static final Logger LOG = LoggerFactory.getLogger(LinearProbe.class);

    private final LinearProbeSettings settings;
    private final StandardScaler scaler;
    private final List<ClassFit> fits;
    private final int features;

    private LinearProbe(LinearProbeSettings settings, StandardScaler scaler, List<ClassFit> fits, int features) {
        this.settings = settings;
        this.scaler = scaler;
        this.fits = List.copyOf(fits);
        this.features = features;
    }

    /**
     * Fits every class.
     *
     * @param features rows {@code [sample][feature]}, finite
     * @param labels   the training labels (its scores are ignored); one binary problem per class
     * @throws EvalInputException for mismatched sizes, non-finite features, or a class whose
     *                            training labels are all equal (no decision boundary to learn)
     */
    public static LinearProbe fit(double[][] features, MultiLabelData labels, LinearProbeSettings settings) {
        int n = checkFeatures(features, "features");
        if (labels.samples() != n) {
            throw new EvalInputException("features has " + n + " rows but labels has " + labels.samples() + " samples");
        }
        int d = features[0].length;
        int k = labels.classes();
        for (int c = 0; c < k; c++) {
            boolean[] y = labels.labels(c);
            boolean first = y[0];
            boolean varies = false;
            for (boolean b : y) {
                varies |= b != first;
            }
            if (!varies) {
                throw new EvalInputException("class '" + labels.classNames().get(c) + "' has only "
                        + (first ? "positive" : "negative") + " training labels: a logistic regression needs both");
            }
        }
        StandardScaler scaler = settings.standardize() ? StandardScaler.fit(features) : null;
        int p = d + (settings.fitIntercept() ? 1 : 0);
        INDArray x = design(features, scaler, settings.fitIntercept(), p);
        double[][] y = new double[k][];
        for (int c = 0; c < k; c++) {
            boolean[] b = labels.labels(c);
            y[c] = new double[n];
            for (int i = 0; i < n; i++) {
                y[c][i] = b[i] ? 1 : 0;
            }
        }
        Lbfgs[] solvers = new Lbfgs[k];
        for (int c = 0; c < k; c++) {
            solvers[c] = new Lbfgs(new double[p], settings.solver());
        }
        ForkJoinPool pool = new ForkJoinPool(settings.threads());
        try {
            int round = 0;
            while (true) {
                int[] active = IntStream.range(0, k).filter(c -> !solvers[c].status().finished()).toArray();
                if (active.length == 0) {
                    break;
                }
                evaluateRound(x, y, solvers, active, d, settings, pool);
                if (++round % 50 == 0) {
                    LOG.info("linear probe: round {}, {} of {} classes still running", round, active.length, k);
                }
            }
        } finally {
            pool.shutdown();
        }
        List<ClassFit> fits = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            Lbfgs s = solvers[c];
            double[] sol = s.solution();
            double[] w = java.util.Arrays.copyOf(sol, d);
            double b = settings.fitIntercept() ? sol[d] : 0.0;
            fits.add(new ClassFit(labels.classNames().get(c), w, b, s.status(), s.iterations(), s.gradientNorm(),
                    s.value() * settings.c() * n));
            if (!fits.get(c).converged()) {
                LOG.warn("linear probe: class '{}' stopped with {} after {} iterations, |gradient| {}",
                        labels.classNames().get(c), s.status(), s.iterations(), s.gradientNorm());
            }
        }
        return new LinearProbe(settings, scaler, fits, d);
    }

    /** As {@link #fit(double[][], MultiLabelData, LinearProbeSettings)} with an ND4J matrix {@code [samples, features]}. */
    public static LinearProbe fit(INDArray features, MultiLabelData labels, LinearProbeSettings settings) {
        if (features.rank() != 2) {
            throw new EvalInputException("features must be a matrix [samples, features], got rank " + features.rank());
        }
        return fit(features.toDoubleMatrix(), labels, settings);
    }

    /** Per-class fits, in class order. */
    public List<ClassFit> fits() {
        return fits;
    }

    /** The scaler learnt on the training features, or null without standardisation. */
    public StandardScaler scaler() {
        return scaler;
    }

    /** Positive-class probabilities {@code [sample][class]} (scikit-learn's {@code predict_proba[:, 1]}). */
    public double[][] predictProbabilities(double[][] featureRows) {
        int n = checkFeatures(featureRows, "features");
        if (featureRows[0].length != features) {
            throw new EvalInputException("features has " + featureRows[0].length + " columns, the probe was fitted on "
                    + features);
        }
        int p = features + (settings.fitIntercept() ? 1 : 0);
        INDArray x = design(featureRows, scaler, settings.fitIntercept(), p);
        int k = fits.size();
        double[] w = new double[p * k];
        for (int c = 0; c < k; c++) {
            ClassFit f = fits.get(c);
            for (int j = 0; j < features; j++) {
                w[j * k + c] = f.weights()[j];
            }
            if (settings.fitIntercept()) {
                w[features * k + c] = f.intercept();
            }
        }
        INDArray z = Nd4j.gemm(x, Nd4j.create(w, new long[] {p, k}, 'c'), false, false);
        double[][] out = z.toDoubleMatrix();
        for (double[] row : out) {
            for (int c = 0; c < k; c++) {
                row[c] = sigmoid(row[c]);
            }
        }
        return out;
    }

    /** As {@link #predictProbabilities(double[][])} for an ND4J matrix; returns {@code [samples, classes]} doubles. */
    public INDArray predictProbabilities(INDArray featureRows) {
        return Nd4j.createFromArray(predictProbabilities(featureRows.toDoubleMatrix()));
    }

    /** One round: objective and gradient of every active class at its trial point. */
    private static void evaluateRound(INDArray x, double[][] y, Lbfgs[] solvers, int[] active, int d,
                                      LinearProbeSettings settings, ForkJoinPool pool) {
        int n = y[0].length;
        int a = active.length;
        int p = (int) x.columns();
        double[] w = new double[p * a];
        for (int q = 0; q < a; q++) {
            double[] t = solvers[active[q]].point();
            for (int j = 0; j < p; j++) {
                w[j * a + q] = t[j];
            }
        }
        double[] z = Nd4j.gemm(x, Nd4j.create(w, new long[] {p, a}, 'c'), false, false).dup('c').data().asDouble();
        double[] loss = new double[a];
        pool.submit(() -> IntStream.range(0, a).parallel().forEach(q -> {
            double[] yc = y[active[q]];
            double sum = 0;
            for (int i = 0, idx = q; i < n; i++, idx += a) {
                double zi = z[idx];
                sum += softplus(zi) - yc[i] * zi;
                z[idx] = sigmoid(zi) - yc[i];
            }
            loss[q] = sum;
        })).join();
        double[] g = Nd4j.gemm(x, Nd4j.create(z, new long[] {n, a}, 'c'), true, false).dup('c').data().asDouble();
        double invN = 1.0 / n;
        double reg = 1.0 / (settings.c() * n);
        pool.submit(() -> IntStream.range(0, a).parallel().forEach(q -> {
            Lbfgs solver = solvers[active[q]];
            double[] t = solver.point();
            double[] grad = new double[p];
            double penalty = 0;
            for (int j = 0; j < p; j++) {
                grad[j] = g[j * a + q] * invN;
                if (j < d) {
                    grad[j] += reg * t[j];
                    penalty += t[j] * t[j];
                }
            }
            solver.tell(loss[q] * invN + 0.5 * reg * penalty, grad);
        })).join();
    }

    private static INDArray design(double[][] rows, StandardScaler scaler, boolean intercept, int p) {
        int n = rows.length;
        int d = rows[0].length;
        double[] flat = new double[n * p];
        for (int i = 0; i < n; i++) {
            double[] r = rows[i];
            int off = i * p;
            for (int j = 0; j < d; j++) {
                flat[off + j] = scaler == null ? r[j] : scaler.apply(j, r[j]);
            }
            if (intercept) {
                flat[off + d] = 1.0;
            }
        }
        return Nd4j.create(flat, new long[] {n, p}, 'c').castTo(DataType.DOUBLE);
    }

    private static int checkFeatures(double[][] f, String what) {
        if (f == null || f.length == 0) {
            throw new EvalInputException("no samples: " + what + " is empty");
        }
        int d = f[0] == null ? 0 : f[0].length;
        if (d == 0) {
            throw new EvalInputException(what + "[0] has no columns");
        }
        for (int i = 0; i < f.length; i++) {
            if (f[i] == null || f[i].length != d) {
                throw new EvalInputException(what + "[" + i + "] has " + (f[i] == null ? 0 : f[i].length)
                        + " columns, expected " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(f[i][j])) {
                    throw new EvalInputException(what + "[" + i + "][" + j + "] is " + f[i][j] + ": expected a finite number");
                }
            }
        }
        return f.length;
    }

    /** {@code log(1 + exp(z))} without overflow. */
    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    /** {@code 1 / (1 + exp(-z))} without overflow. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }
}
