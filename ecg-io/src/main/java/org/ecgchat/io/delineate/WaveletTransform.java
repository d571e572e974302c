package org.ecgchat.io.delineate;

/**
 * The undecimated ("à trous") dyadic wavelet transform with the quadratic-spline wavelet of
 * Martínez et al. (2004): low-pass {@code h = [1, 3, 3, 1] / 8}, high-pass {@code g = [2, −2]},
 * both dilated by {@code 2^(j−1)} at level j. Level j is proportional to the derivative of the
 * signal smoothed over about {@code 2^j} samples, so zero crossings mark wave peaks and modulus
 * maxima mark steepest slopes. Outputs are shifted to compensate the filter delays (a residual
 * half sample remains) and the signal is extended with its edge values.
 */
final class WaveletTransform {

    private WaveletTransform() {}

    /** Levels 1..{@code levels} of the transform: {@code result[j - 1][n]}. */
    static double[][] compute(double[] x, int levels) {
        int n = x.length;
        int pad = 4 << levels;
        double[] a = new double[n + 2 * pad];
        for (int i = 0; i < a.length; i++) {
            a[i] = x[Math.min(n - 1, Math.max(0, i - pad))];
        }
        double[][] out = new double[levels][n];
        double[] next = new double[a.length];
        for (int j = 1; j <= levels; j++) {
            int step = 1 << (j - 1);
            int shift = (1 << j) - 1; // causal delay of level j is 2^j − 1.5 samples
            double[] w = out[j - 1];
            for (int i = 0; i < n; i++) {
                int m = i + pad + shift;
                w[i] = 2 * (a[m] - a[m - step]);
            }
            if (j < levels) {
                for (int m = 0; m < a.length; m++) {
                    next[m] = (a[m] + 3 * a[Math.max(0, m - step)] + 3 * a[Math.max(0, m - 2 * step)]
                            + a[Math.max(0, m - 3 * step)]) / 8;
                }
                double[] t = a;
                a = next;
                next = t;
            }
        }
        return out;
    }
}
