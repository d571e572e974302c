package org.ecgchat.eval.probe;

import java.util.Arrays;

/**
 * Limited-memory BFGS (Nocedal 1980, Liu and Nocedal 1989) with a More-Thuente line search, in
 * ask/tell form: the caller evaluates the objective at {@link #point()} and reports value and
 * gradient with {@link #tell(double, double[])}. The ask/tell form lets the linear probe
 * evaluate many independent problems with one matrix product per round.
 */
public final class Lbfgs {

    /**
     * Solver settings.
     *
     * @param memory            number of correction pairs kept (scipy's {@code maxcor}, default 10)
     * @param gradientTolerance stop when {@code max_i |g_i| <= gradientTolerance} (scipy's {@code gtol})
     * @param functionTolerance stop when {@code (f_old - f) / max(|f_old|, |f|, 1) <= functionTolerance}
     * @param maxIterations     iteration limit
     * @param maxLineSearch     function evaluations allowed per line search
     */
    public record Settings(int memory, double gradientTolerance, double functionTolerance, int maxIterations,
                           int maxLineSearch) {
        public Settings {
            if (memory < 1 || maxIterations < 1 || maxLineSearch < 1) {
                throw new IllegalArgumentException("memory, maxIterations and maxLineSearch must be positive");
            }
            if (!(gradientTolerance >= 0) || !(functionTolerance >= 0)) {
                throw new IllegalArgumentException("tolerances must be non-negative");
            }
        }
    }

    /** Where the solver stands. */
    public enum Status {
        /** Evaluate {@link #point()} and call {@link #tell(double, double[])}. */
        RUNNING,
        /** Gradient below tolerance. */
        CONVERGED_GRADIENT,
        /** Relative decrease of the objective below tolerance. */
        CONVERGED_FUNCTION,
        /** Iteration limit reached. */
        MAX_ITERATIONS,
        /** No further decrease possible in floating point (line search failed from steepest descent). */
        LINE_SEARCH_FAILED;

        /** Whether the solver has stopped. */
        public boolean finished() {
            return this != RUNNING;
        }
    }

    private static final double FTOL_WOLFE = 1e-3;
    private static final double GTOL_WOLFE = 0.9;
    private static final double XTOL = 0.1;

    private final Settings settings;
    private final int n;
    private final double[] x;
    private final double[] g;
    private double f;
    private final double[] d;
    private final double[] trial;
    private final double[][] s;
    private final double[][] y;
    private final double[] rho;
    private final double[] alpha;
    private int stored;
    private int newest = -1;
    private int iterations;
    private int evaluations;
    private int lineSearchEvaluations;
    private double slope0;
    private boolean started;
    private Status status = Status.RUNNING;
    private final MoreThuenteSearch search;

    /** Starts from {@code x0} (copied). */
    public Lbfgs(double[] x0, Settings settings) {
        this.settings = settings;
        this.n = x0.length;
        this.x = x0.clone();
        this.g = new double[n];
        this.d = new double[n];
        this.trial = x0.clone();
        this.s = new double[settings.memory()][n];
        this.y = new double[settings.memory()][n];
        this.rho = new double[settings.memory()];
        this.alpha = new double[settings.memory()];
        this.search = new MoreThuenteSearch(FTOL_WOLFE, GTOL_WOLFE, XTOL, 1e-20, 1e20);
    }

    /** The point to evaluate next; while finished, the solution. Do not modify. */
    public double[] point() {
        return status.finished() ? x : trial;
    }

    /** The current iterate (best accepted point). */
    public double[] solution() {
        return x.clone();
    }

    /** Objective at the current iterate. */
    public double value() {
        return f;
    }

    /** {@code max_i |g_i|} at the current iterate. */
    public double gradientNorm() {
        return maxAbs(g);
    }

    /** Iterations done. */
    public int iterations() {
        return iterations;
    }

    /** Objective evaluations done. */
    public int evaluations() {
        return evaluations;
    }

    /** Current status. */
    public Status status() {
        return status;
    }

    /**
     * Reports the objective value and gradient at {@link #point()}.
     *
     * @return the new status
     */
    public Status tell(double value, double[] gradient) {
        if (status.finished()) {
            return status;
        }
        if (gradient.length != n) {
            throw new IllegalArgumentException("gradient has " + gradient.length + " entries, expected " + n);
        }
        evaluations++;
        if (!started) {
            started = true;
            f = value;
            System.arraycopy(gradient, 0, g, 0, n);
            if (!Double.isFinite(f)) {
                throw new IllegalStateException("objective is " + f + " at the starting point");
            }
            if (maxAbs(g) <= settings.gradientTolerance()) {
                return status = Status.CONVERGED_GRADIENT;
            }
            beginIteration(1.0 / Math.sqrt(dot(g, g)));
            return status;
        }
        lineSearchEvaluations++;
        double slope = dot(gradient, d);
        MoreThuenteSearch.Status ls = Double.isFinite(value)
                ? search.next(value, slope)
                : MoreThuenteSearch.Status.WARNING;
        boolean accept = ls == MoreThuenteSearch.Status.CONVERGED
                || (ls == MoreThuenteSearch.Status.WARNING && Double.isFinite(value) && value < f
                    && search.sufficientDecrease(value));
        if (accept) {
            acceptStep(value, gradient, search.step());
            return status;
        }
        if (ls == MoreThuenteSearch.Status.WARNING || lineSearchEvaluations >= settings.maxLineSearch()) {
            if (Double.isFinite(value) && value < f) {
                acceptStep(value, gradient, search.step());
            } else if (stored > 0) {
                // the curvature pairs misled the search: forget them and retry along -g
                stored = 0;
                newest = -1;
                beginIteration(1.0 / Math.sqrt(dot(g, g)));
            } else {
                status = Status.LINE_SEARCH_FAILED;
            }
            return status;
        }
        setTrial(search.step());
        return status;
    }

    private void acceptStep(double value, double[] gradient, double step) {
        double fOld = f;
        int next = (newest + 1) % settings.memory();
        double[] sk = s[next];
        double[] yk = y[next];
        for (int i = 0; i < n; i++) {
            sk[i] = step * d[i];
            yk[i] = gradient[i] - g[i];
            x[i] += sk[i];
        }
        System.arraycopy(gradient, 0, g, 0, n);
        f = value;
        double sy = dot(sk, yk);
        if (sy > 1e-10 * dot(yk, yk)) {
            // keep only pairs that preserve positive definiteness
            rho[next] = 1.0 / sy;
            newest = next;
            stored = Math.min(stored + 1, settings.memory());
        }
        iterations++;
        if (maxAbs(g) <= settings.gradientTolerance()) {
            status = Status.CONVERGED_GRADIENT;
        } else if ((fOld - f) / Math.max(Math.max(Math.abs(fOld), Math.abs(f)), 1.0)
                <= settings.functionTolerance()) {
            status = Status.CONVERGED_FUNCTION;
        } else if (iterations >= settings.maxIterations()) {
            status = Status.MAX_ITERATIONS;
        } else {
            beginIteration(1.0);
        }
    }

    /** Two-loop recursion for {@code d = -H g}, then a new line search starting at {@code step0}. */
    private void beginIteration(double step0) {
        for (int i = 0; i < n; i++) {
            d[i] = -g[i];
        }
        int m = settings.memory();
        for (int k = 0, j = newest; k < stored; k++, j = (j - 1 + m) % m) {
            alpha[j] = rho[j] * dot(s[j], d);
            axpy(-alpha[j], y[j], d);
        }
        if (stored > 0) {
            double[] yn = y[newest];
            scale(d, 1.0 / (rho[newest] * dot(yn, yn)));
        }
        for (int k = 0, j = (newest - stored + 1 + m) % m; k < stored; k++, j = (j + 1) % m) {
            double beta = rho[j] * dot(y[j], d);
            axpy(alpha[j] - beta, s[j], d);
        }
        slope0 = dot(g, d);
        if (!(slope0 < 0)) {
            // numerical loss of descent: fall back to steepest descent
            stored = 0;
            newest = -1;
            for (int i = 0; i < n; i++) {
                d[i] = -g[i];
            }
            slope0 = dot(g, d);
            step0 = 1.0 / Math.sqrt(-slope0);
        }
        lineSearchEvaluations = 0;
        search.start(f, slope0, stored == 0 ? Math.min(step0, 1.0 / Math.sqrt(-slope0)) : step0);
        setTrial(search.step());
    }

    private void setTrial(double step) {
        for (int i = 0; i < n; i++) {
            trial[i] = x[i] + step * d[i];
        }
    }

    static double dot(double[] a, double[] b) {
        double s0 = 0;
        double s1 = 0;
        int i = 0;
        for (; i + 1 < a.length; i += 2) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
        }
        if (i < a.length) {
            s0 += a[i] * b[i];
        }
        return s0 + s1;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static void scale(double[] v, double a) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= a;
        }
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double e : v) {
            m = Math.max(m, Math.abs(e));
        }
        return m;
    }

    @Override
    public String toString() {
        return "Lbfgs[status=" + status + ", iterations=" + iterations + ", f=" + f + ", |g|=" + maxAbs(g)
                + ", x=" + Arrays.toString(Arrays.copyOf(x, Math.min(n, 4))) + "...]";
    }
}
