package org.ecgchat.eval.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.ecgchat.eval.EvalInputException;
import org.ecgchat.eval.classification.MultiLabelData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The probe reaches the optimum of scikit-learn's lbfgs objective
 * {@code 0.5 |w|^2 + C sum log-loss} (intercept unpenalised). scikit-learn cannot run here; the
 * optimum is checked against a worked closed-form case and an independent Newton solve.
 */
class LinearProbeTest {

    /**
     * x = [+1, -1], y = [1, 0], C = 1: by symmetry b = 0 and w solves w = 2 sigmoid(-w);
     * bisection in 50-digit decimal arithmetic (stdlib Python) gives
     * w = 0.674831614342399350902864..., p(x = 1) = 0.662584192828800324548567....
     */
    @Test
    void workedSymmetricExample() {
        LinearProbe probe = LinearProbe.fit(new double[][] {{1}, {-1}},
                MultiLabelData.fromRows(List.of("y"), new double[][] {{0}, {0}}, new double[][] {{1}, {0}}),
                LinearProbeSettings.defaults());
        ClassFit fit = probe.fits().get(0);
        assertThat(fit.weights()[0]).isCloseTo(0.67483161434239935, within(1e-8));
        assertThat(fit.intercept()).isCloseTo(0.0, within(1e-8));
        assertThat(probe.predictProbabilities(new double[][] {{1}})[0][0])
                .isCloseTo(0.66258419282880032, within(1e-9));
        assertThat(fit.converged()).isTrue();
    }

    @Test
    void matchesNewtonOptimumOnSyntheticData() {
        Synthetic s = Synthetic.make(400, 12, 3, 11);
        LinearProbeSettings settings = LinearProbeSettings.defaults().withC(0.7).withThreads(2);
        LinearProbe probe = LinearProbe.fit(s.x, s.labels, settings);
        Synthetic test = Synthetic.make(100, 12, 3, 12);
        double[][] p = probe.predictProbabilities(test.x);
        for (int c = 0; c < 3; c++) {
            double[] newton = Newton.solve(s.x, s.labels.labels(c), 0.7);
            ClassFit fit = probe.fits().get(c);
            assertThat(fit.converged()).as(fit.toString()).isTrue();
            for (int j = 0; j < 12; j++) {
                assertThat(fit.weights()[j]).isCloseTo(newton[j], within(1e-5));
            }
            assertThat(fit.intercept()).isCloseTo(newton[12], within(1e-5));
            for (int i = 0; i < test.x.length; i++) {
                double z = newton[12];
                for (int j = 0; j < 12; j++) {
                    z += test.x[i][j] * newton[j];
                }
                assertThat(p[i][c]).isCloseTo(LinearProbe.sigmoid(z), within(1e-7));
            }
            // the unscaled gradient at the probe's solution vanishes
            assertThat(Newton.gradientNorm(s.x, s.labels.labels(c), 0.7, fit)).isLessThan(1e-4);
        }
    }

    @Test
    void standardisationEqualsFittingOnStandardisedFeatures() {
        Synthetic s = Synthetic.make(300, 5, 2, 3);
        double[][] shifted = new double[s.x.length][5];
        for (int i = 0; i < s.x.length; i++) {
            for (int j = 0; j < 5; j++) {
                shifted[i][j] = 100 + 30 * j + (j + 1) * 7.0 * s.x[i][j];
            }
        }
        LinearProbe scaled = LinearProbe.fit(shifted, s.labels, LinearProbeSettings.defaults().withStandardize(true));
        StandardScaler sc = scaled.scaler();
        double[][] manual = new double[shifted.length][5];
        for (int i = 0; i < shifted.length; i++) {
            for (int j = 0; j < 5; j++) {
                manual[i][j] = sc.apply(j, shifted[i][j]);
            }
        }
        LinearProbe plain = LinearProbe.fit(manual, s.labels, LinearProbeSettings.defaults());
        double[][] a = scaled.predictProbabilities(shifted);
        double[][] b = plain.predictProbabilities(manual);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).containsExactly(b[i], within(1e-9));
        }
        // population standard deviation of the standardised columns is 1
        double m2 = 0;
        for (double[] r : manual) {
            m2 += r[2] * r[2];
        }
        assertThat(m2 / manual.length).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void indArrayAdapterGivesSameProbabilities() {
        Synthetic s = Synthetic.make(200, 4, 2, 5);
        LinearProbe probe = LinearProbe.fit(Nd4j.createFromArray(s.x), s.labels, LinearProbeSettings.defaults());
        double[][] viaArrays = probe.predictProbabilities(s.x);
        double[][] viaNd = probe.predictProbabilities(Nd4j.createFromArray(s.x)).toDoubleMatrix();
        assertThat(viaNd[7]).containsExactly(viaArrays[7], within(1e-15));
    }

    @Test
    void rejectsSingleClassTrainingLabelsAndBadFeatures() {
        MultiLabelData allNegative = MultiLabelData.fromRows(List.of("AFIB"), new double[][] {{0}, {0}},
                new double[][] {{0}, {0}});
        assertThatThrownBy(() -> LinearProbe.fit(new double[][] {{1}, {2}}, allNegative, LinearProbeSettings.defaults()))
                .isInstanceOf(EvalInputException.class).hasMessageContaining("class 'AFIB' has only negative");
        MultiLabelData ok = MultiLabelData.fromRows(List.of("a"), new double[][] {{0}, {0}}, new double[][] {{0}, {1}});
        assertThatThrownBy(() -> LinearProbe.fit(new double[][] {{1}, {Double.NaN}}, ok, LinearProbeSettings.defaults()))
                .isInstanceOf(EvalInputException.class).hasMessageContaining("features[1][0] is NaN");
        assertThatThrownBy(() -> LinearProbe.fit(new double[][] {{1}}, ok, LinearProbeSettings.defaults()))
                .isInstanceOf(EvalInputException.class).hasMessageContaining("1 rows but labels has 2");
    }

    /** Seeded synthetic features with labels from a noisy linear model. */
    record Synthetic(double[][] x, MultiLabelData labels) {
        static Synthetic make(int n, int d, int k, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            SplittableRandom truth = new SplittableRandom(99);
            double[][] w = new double[k][d];
            for (double[] wc : w) {
                for (int j = 0; j < d; j++) {
                    wc[j] = truth.nextGaussian();
                }
            }
            double[][] x = new double[n][d];
            double[][] y = new double[n][k];
            double[][] s = new double[n][k];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    x[i][j] = r.nextGaussian();
                }
                for (int c = 0; c < k; c++) {
                    double z = 0.3 * (c - 1);
                    for (int j = 0; j < d; j++) {
                        z += w[c][j] * x[i][j];
                    }
                    y[i][c] = r.nextDouble() < LinearProbe.sigmoid(z) ? 1 : 0;
                }
            }
            return new Synthetic(x, MultiLabelData.fromRows(null, s, y));
        }
    }

    /** Damped Newton on the unscaled objective, to machine precision, as an independent reference. */
    static final class Newton {
        static double[] solve(double[][] x, boolean[] y, double c) {
            int d = x[0].length;
            int p = d + 1;
            double[] w = new double[p];
            for (int it = 0; it < 100; it++) {
                double[] g = new double[p];
                double[][] h = new double[p][p];
                for (int j = 0; j < d; j++) {
                    g[j] = w[j];
                    h[j][j] = 1;
                }
                for (int i = 0; i < x.length; i++) {
                    double z = w[d];
                    for (int j = 0; j < d; j++) {
                        z += x[i][j] * w[j];
                    }
                    double s = LinearProbe.sigmoid(z);
                    double r = c * (s - (y[i] ? 1 : 0));
                    double dw = c * s * (1 - s);
                    for (int a = 0; a < p; a++) {
                        double xa = a < d ? x[i][a] : 1;
                        g[a] += r * xa;
                        for (int b = 0; b < p; b++) {
                            h[a][b] += dw * xa * (b < d ? x[i][b] : 1);
                        }
                    }
                }
                double[] step = gauss(h, g);
                double max = 0;
                for (int a = 0; a < p; a++) {
                    w[a] -= step[a];
                    max = Math.max(max, Math.abs(g[a]));
                }
                if (max < 1e-13) {
                    break;
                }
            }
            return w;
        }

        static double gradientNorm(double[][] x, boolean[] y, double c, ClassFit fit) {
            int d = x[0].length;
            double[] g = new double[d + 1];
            for (int j = 0; j < d; j++) {
                g[j] = fit.weights()[j];
            }
            for (int i = 0; i < x.length; i++) {
                double z = fit.intercept();
                for (int j = 0; j < d; j++) {
                    z += x[i][j] * fit.weights()[j];
                }
                double r = c * (LinearProbe.sigmoid(z) - (y[i] ? 1 : 0));
                for (int j = 0; j < d; j++) {
                    g[j] += r * x[i][j];
                }
                g[d] += r;
            }
            double m = 0;
            for (double v : g) {
                m = Math.max(m, Math.abs(v));
            }
            return m;
        }

        private static double[] gauss(double[][] a, double[] b) {
            int n = b.length;
            double[][] m = new double[n][n + 1];
            for (int i = 0; i < n; i++) {
                System.arraycopy(a[i], 0, m[i], 0, n);
                m[i][n] = b[i];
            }
            for (int col = 0; col < n; col++) {
                int piv = col;
                for (int r = col + 1; r < n; r++) {
                    if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) {
                        piv = r;
                    }
                }
                double[] t = m[col];
                m[col] = m[piv];
                m[piv] = t;
                for (int r = col + 1; r < n; r++) {
                    double f = m[r][col] / m[col][col];
                    for (int k = col; k <= n; k++) {
                        m[r][k] -= f * m[col][k];
                    }
                }
            }
            double[] xs = new double[n];
            for (int i = n - 1; i >= 0; i--) {
                double s = m[i][n];
                for (int k = i + 1; k < n; k++) {
                    s -= m[i][k] * xs[k];
                }
                xs[i] = s / m[i][i];
            }
            return xs;
        }
    }
}
