package org.ecgchat.io.preprocess;

/** The odd (point-symmetric) edge extension that zero-phase filters use to tame edge transients. */
final class OddExtension {

    private OddExtension() {}

    /** {@code [2x0 − x[edge..1], x, 2x[n−1] − x[n−2..n−1−edge]]}, scipy's {@code odd_ext}. */
    static double[] extend(double[] x, int edge) {
        int n = x.length;
        double[] ext = new double[n + 2 * edge];
        double first = x[0], last = x[n - 1];
        for (int i = 0; i < edge; i++) {
            ext[i] = 2 * first - x[edge - i];
            ext[edge + n + i] = 2 * last - x[n - 2 - i];
        }
        System.arraycopy(x, 0, ext, edge, n);
        return ext;
    }
}
