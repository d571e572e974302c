package org.ecgchat.eval.probe;

/**
 * Settings of the linear probe. The defaults are scikit-learn's {@code LogisticRegression()}
 * (C = 1, intercept, L-BFGS with 10 correction pairs) except that the solver runs to a much
 * tighter tolerance and more iterations, so the result is the optimum rather than
 * scikit-learn's early stop after 100 iterations.
 *
 * @param c           inverse regularisation strength: objective {@code 0.5 |w|^2 + C sum log-loss}
 * @param fitIntercept learn an unpenalised intercept
 * @param standardize scale every feature to zero mean and unit (population) variance on the
 *                    training set first, as scikit-learn's {@code StandardScaler}
 * @param solver      L-BFGS settings; the gradient tolerance applies to the objective divided by
 *                    {@code C n} (mean log-loss plus {@code |w|^2 / (2 C n)}), as in scikit-learn
 * @param threads     threads for the per-class work (the matrix products use BLAS threads)
 */
public record LinearProbeSettings(double c, boolean fitIntercept, boolean standardize, Lbfgs.Settings solver,
                                  int threads) {

    public LinearProbeSettings {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("C must be positive and finite, got " + c);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** C = 1, intercept, no standardisation, tolerance 1e-8, at most 1000 iterations. */
    public static LinearProbeSettings defaults() {
        return new LinearProbeSettings(1.0, true, false,
                new Lbfgs.Settings(10, 1e-8, 64 * Math.ulp(1.0), 1000, 50),
                Runtime.getRuntime().availableProcessors());
    }

    /** The same settings with standardisation on or off. */
    public LinearProbeSettings withStandardize(boolean on) {
        return new LinearProbeSettings(c, fitIntercept, on, solver, threads);
    }

    /** The same settings with another C. */
    public LinearProbeSettings withC(double newC) {
        return new LinearProbeSettings(newC, fitIntercept, standardize, solver, threads);
    }

    /** The same settings with other solver settings. */
    public LinearProbeSettings withSolver(Lbfgs.Settings s) {
        return new LinearProbeSettings(c, fitIntercept, standardize, s, threads);
    }

    /** The same settings with another thread count. */
    public LinearProbeSettings withThreads(int t) {
        return new LinearProbeSettings(c, fitIntercept, standardize, solver, t);
    }
}
