package org.ecgchat.eval.probe;

/**
 * Per-feature standardisation {@code (x - mean) / std} with the population standard deviation;
 * constant features keep scale 1 (scikit-learn's {@code StandardScaler}).
 */
public record StandardScaler(double[] mean, double[] scale) {

    /** Fits on rows {@code [sample][feature]}. */
    public static StandardScaler fit(double[][] x) {
        int d = x[0].length;
        double[] mean = new double[d];
        double[] m2 = new double[d];
        int n = 0;
        for (double[] row : x) {
            n++;
            for (int j = 0; j < d; j++) {
                // Welford: stable for large offsets
                double delta = row[j] - mean[j];
                mean[j] += delta / n;
                m2[j] += delta * (row[j] - mean[j]);
            }
        }
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(m2[j] / n);
            scale[j] = sd < 10 * Math.ulp(1.0) * Math.max(1.0, Math.abs(mean[j])) ? 1.0 : sd;
        }
        return new StandardScaler(mean, scale);
    }

    /** Standardises one value of feature {@code j}. */
    public double apply(int j, double v) {
        return (v - mean[j]) / scale[j];
    }
}
