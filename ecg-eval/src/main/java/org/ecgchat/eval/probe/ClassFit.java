package org.ecgchat.eval.probe;

/**
 * The fitted logistic regression of one class and how the solver ended.
 *
 * @param name         class name
 * @param weights      coefficients on the (standardised, if enabled) features
 * @param intercept    intercept (0 without one)
 * @param status       solver status
 * @param iterations   L-BFGS iterations
 * @param gradientNorm {@code max |gradient|} of the scaled objective at the solution
 * @param objective    {@code 0.5 |w|^2 + C sum log-loss} at the solution
 */
public record ClassFit(String name, double[] weights, double intercept, Lbfgs.Status status, int iterations,
                       double gradientNorm, double objective) {

    /** Whether the solver met one of its convergence criteria. */
    public boolean converged() {
        return status == Lbfgs.Status.CONVERGED_GRADIENT || status == Lbfgs.Status.CONVERGED_FUNCTION
                || status == Lbfgs.Status.LINE_SEARCH_FAILED && gradientNorm < 1e-6;
    }
}
