package org.ecgchat.eval.probe;

/**
 * The More-Thuente line search (MINPACK-2 {@code dcsrch}/{@code dcstep}, More and Thuente 1994)
 * in reverse-communication form: the caller evaluates the function at {@link #step()} and passes
 * value and directional derivative to {@link #next(double, double)} until it reports a result.
 * Finds a step satisfying the strong Wolfe conditions
 * {@code f(a) <= f(0) + ftol a f'(0)} and {@code |f'(a)| <= gtol |f'(0)|}.
 */
final class MoreThuenteSearch {
    /** What the caller has to do next. */
    enum Status { EVALUATE, CONVERGED, WARNING }

    private static final double XTRAPL = 1.1;
    private static final double XTRAPU = 4.0;

    private final double ftol;
    private final double gtol;
    private final double xtol;
    private final double stpmin;
    private final double stpmax;

    private double stp;
    private boolean brackt;
    private int stage;
    private double finit;
    private double ginit;
    private double gtest;
    private double width;
    private double width1;
    private double stx;
    private double fx;
    private double gx;
    private double sty;
    private double fy;
    private double gy;
    private double stmin;
    private double stmax;

    MoreThuenteSearch(double ftol, double gtol, double xtol, double stpmin, double stpmax) {
        this.ftol = ftol;
        this.gtol = gtol;
        this.xtol = xtol;
        this.stpmin = stpmin;
        this.stpmax = stpmax;
    }

    /**
     * Starts a search from {@code f(0) = f0} with slope {@code g0 < 0} and first trial step {@code stp0}.
     */
    void start(double f0, double g0, double stp0) {
        if (!(g0 < 0)) {
            throw new IllegalStateException("line search needs a descent direction, slope " + g0);
        }
        stp = Math.min(Math.max(stp0, stpmin), stpmax);
        brackt = false;
        stage = 1;
        finit = f0;
        ginit = g0;
        gtest = ftol * ginit;
        width = stpmax - stpmin;
        width1 = 2 * width;
        stx = 0;
        fx = finit;
        gx = ginit;
        sty = 0;
        fy = finit;
        gy = ginit;
        stmin = 0;
        stmax = stp + XTRAPU * stp;
    }

    /** The step to evaluate next (or the accepted step once converged). */
    double step() {
        return stp;
    }

    /** Whether {@code f} at the current step satisfies the sufficient-decrease condition. */
    boolean sufficientDecrease(double f) {
        return f <= finit + stp * gtest;
    }

    /** Takes {@code f(step())} and {@code f'(step())}; returns what to do next. */
    Status next(double f, double g) {
        double ftest = finit + stp * gtest;
        if (stage == 1 && f <= ftest && g >= 0) {
            stage = 2;
        }
        if (brackt && (stp <= stmin || stp >= stmax)) {
            return Status.WARNING; // rounding errors prevent progress
        }
        if (brackt && stmax - stmin <= xtol * stmax) {
            return Status.WARNING; // interval of uncertainty below xtol
        }
        if (stp == stpmax && f <= ftest && g <= gtest) {
            return Status.WARNING;
        }
        if (stp == stpmin && (f > ftest || g >= gtest)) {
            return Status.WARNING;
        }
        if (f <= ftest && Math.abs(g) <= gtol * (-ginit)) {
            return Status.CONVERGED;
        }
        if (stage == 1 && f <= fx && f > ftest) {
            // the modified function psi(a) = f(a) - f(0) - a gtest until a step with f <= ftest, g >= 0
            // fx, fy, gx, gy hold psi's values while dcstep runs, then f's again
            fx -= stx * gtest;
            fy -= sty * gtest;
            gx -= gtest;
            gy -= gtest;
            step(f - stp * gtest, g - gtest);
            fx += stx * gtest;
            fy += sty * gtest;
            gx += gtest;
            gy += gtest;
        } else {
            step(f, g);
        }
        if (brackt) {
            if (Math.abs(sty - stx) >= 0.66 * width1) {
                stp = stx + 0.5 * (sty - stx);
            }
            width1 = width;
            width = Math.abs(sty - stx);
            stmin = Math.min(stx, sty);
            stmax = Math.max(stx, sty);
        } else {
            stmin = stp + XTRAPL * (stp - stx);
            stmax = stp + XTRAPU * (stp - stx);
        }
        stp = Math.min(Math.max(stp, stpmin), stpmax);
        if (brackt && (stp <= stmin || stp >= stmax || stmax - stmin <= xtol * stmax)) {
            stp = stx;
        }
        return Status.EVALUATE;
    }

    /**
     * {@code dcstep}: a safeguarded cubic/quadratic step; updates the interval [stx, sty] and
     * sets the next trial {@code stp} from the values at stx, sty (fields) and stp (arguments).
     */
    private void step(double fp, double dp) {
        double fxv = fx;
        double dx = gx;
        double fyv = fy;
        double dy = gy;
        double sgnd = dp * Math.signum(dx);
        double stpf;
        if (fp > fxv) {
            double theta = 3 * (fxv - fp) / (stp - stx) + dx + dp;
            double s = max3(theta, dx, dp);
            double gamma = s * Math.sqrt((theta / s) * (theta / s) - (dx / s) * (dp / s));
            if (stp < stx) {
                gamma = -gamma;
            }
            double p = (gamma - dx) + theta;
            double q = ((gamma - dx) + gamma) + dp;
            double r = p / q;
            double stpc = stx + r * (stp - stx);
            double stpq = stx + ((dx / ((fxv - fp) / (stp - stx) + dx)) / 2) * (stp - stx);
            stpf = Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2;
            brackt = true;
        } else if (sgnd < 0) {
            double theta = 3 * (fxv - fp) / (stp - stx) + dx + dp;
            double s = max3(theta, dx, dp);
            double gamma = s * Math.sqrt((theta / s) * (theta / s) - (dx / s) * (dp / s));
            if (stp > stx) {
                gamma = -gamma;
            }
            double p = (gamma - dp) + theta;
            double q = ((gamma - dp) + gamma) + dx;
            double r = p / q;
            double stpc = stp + r * (stx - stp);
            double stpq = stp + (dp / (dp - dx)) * (stx - stp);
            stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
            brackt = true;
        } else if (Math.abs(dp) < Math.abs(dx)) {
            double theta = 3 * (fxv - fp) / (stp - stx) + dx + dp;
            double s = max3(theta, dx, dp);
            double gamma = s * Math.sqrt(Math.max(0, (theta / s) * (theta / s) - (dx / s) * (dp / s)));
            if (stp > stx) {
                gamma = -gamma;
            }
            double p = (gamma - dp) + theta;
            double q = (gamma + (dx - dp)) + gamma;
            double r = p / q;
            double stpc;
            if (r < 0 && gamma != 0) {
                stpc = stp + r * (stx - stp);
            } else if (stp > stx) {
                stpc = stpmax;
            } else {
                stpc = stpmin;
            }
            double stpq = stp + (dp / (dp - dx)) * (stx - stp);
            if (brackt) {
                stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
                stpf = stp > stx ? Math.min(stp + 0.66 * (sty - stp), stpf) : Math.max(stp + 0.66 * (sty - stp), stpf);
            } else {
                stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
                stpf = Math.max(stpmin, Math.min(stpmax, stpf));
            }
        } else {
            if (brackt) {
                double theta = 3 * (fp - fyv) / (sty - stp) + dy + dp;
                double s = max3(theta, dy, dp);
                double gamma = s * Math.sqrt((theta / s) * (theta / s) - (dy / s) * (dp / s));
                if (stp > sty) {
                    gamma = -gamma;
                }
                double p = (gamma - dp) + theta;
                double q = ((gamma - dp) + gamma) + dy;
                stpf = stp + (p / q) * (sty - stp);
            } else {
                stpf = stp > stx ? stpmax : stpmin;
            }
        }
        // update the interval of uncertainty; the caller's fx/fy/gx/gy mirror these assignments
        if (fp > fxv) {
            sty = stp;
            fy = fp;
            gy = dp;
        } else {
            if (sgnd < 0) {
                sty = stx;
                fy = fxv;
                gy = dx;
            }
            stx = stp;
            fx = fp;
            gx = dp;
        }
        stp = stpf;
    }

    private static double max3(double a, double b, double c) {
        return Math.max(Math.abs(a), Math.max(Math.abs(b), Math.abs(c)));
    }
}
