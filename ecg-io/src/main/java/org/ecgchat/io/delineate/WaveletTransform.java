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

    /**
     * The white-noise gain of level {@code level} (from 1): the L2 norm of its equivalent filter,
     * {@code h} dilated by 1, 2, ..., 2^(level−2) and then {@code g} dilated by 2^(level−1). White
     * noise of standard deviation σ comes out of the level with standard deviation σ × this gain.
     */
    static double whiteNoiseGain(int level) {
        if (level < 1 || level > 30) {
            throw new IllegalArgumentException("wavelet level must lie in [1, 30], got " + level);
        }
        double[] filter = {1};
        for (int j = 1; j < level; j++) {
            filter = convolveDilated(filter, new double[] {1 / 8.0, 3 / 8.0, 3 / 8.0, 1 / 8.0}, 1 << (j - 1));
        }
        filter = convolveDilated(filter, new double[] {2, -2}, 1 << (level - 1));
        double sumSquares = 0;
        for (double c : filter) {
            sumSquares += c * c;
        }
        return Math.sqrt(sumSquares);
    }

    private static double[] convolveDilated(double[] a, double[] taps, int step) {
        double[] out = new double[a.length + (taps.length - 1) * step];
        for (int i = 0; i < a.length; i++) {
            for (int t = 0; t < taps.length; t++) {
                out[i + t * step] += a[i] * taps[t];
            }
        }
        return out;
    }
}
