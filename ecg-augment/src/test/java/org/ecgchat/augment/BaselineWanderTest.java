package org.ecgchat.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class BaselineWanderTest {

    /** Wander added to silence is the wander itself. */
    private static float[][][] wander(BaselineWander bw, int records, int leads, int samples, long seed) {
        INDArray zeros = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, records, leads, samples);
        return Batches.values(bw.apply(EcgBatch.of(zeros), seed).signals());
    }

    /** Share of a row's (Hann-windowed) energy at frequencies within [lowHz, highHz], by DFT. */
    private static double energyShareInBand(float[] row, double fs, double lowHz, double highHz) {
        int n = row.length;
        double[] x = new double[n];
        double total = 0;
        for (int t = 0; t < n; t++) {
            x[t] = row[t] * (0.5 - 0.5 * Math.cos(2 * Math.PI * t / (n - 1)));
            total += x[t] * x[t];
        }
        total *= n; // Parseval: sum over all bins of |X_k|^2
        double band = 0;
        int lowBin = (int) Math.max(0, Math.floor(lowHz * n / fs));
        int highBin = (int) Math.ceil(highHz * n / fs);
        for (int k = lowBin; k <= highBin; k++) {
            // X_k by rotating e^{-i 2 pi k t / n} one step per sample
            double stepCos = Math.cos(2 * Math.PI * k / n);
            double stepSin = -Math.sin(2 * Math.PI * k / n);
            double c = 1;
            double s = 0;
            double re = 0;
            double im = 0;
            for (int t = 0; t < n; t++) {
                re += x[t] * c;
                im += x[t] * s;
                double next = c * stepCos - s * stepSin;
                s = s * stepCos + c * stepSin;
                c = next;
            }
            band += (k == 0 ? 1 : 2) * (re * re + im * im);
        }
        return band / total;
    }

    @Test
    void wanderSpectrumLiesInTheConfiguredBand() {
        double fs = 500;
        int samples = 60_000; // 120 s: bins of 1/120 Hz resolve the 0.01-0.2 Hz band
        double bin = fs / samples;
        // default band: everything below 0.2 Hz (+ the Hann main lobe of two bins)
        float[][][] w = wander(new BaselineWander(fs), 2, 2, samples, 7);
        for (float[][] record : w) {
            for (float[] row : record) {
                assertThat(energyShareInBand(row, fs, 0, 0.2 + 2 * bin)).isGreaterThan(0.999);
            }
        }
        // a band away from zero checks the lower edge too
        BaselineWander band = new BaselineWander(0.5, 0, 1, 3.0, 1.0, 3, fs);
        for (float[][] record : wander(band, 2, 2, 12_000, 8)) {
            for (float[] row : record) {
                double wideBin = fs / 12_000;
                assertThat(energyShareInBand(row, fs, 1.0 - 2 * wideBin, 3.0 + 2 * wideBin)).isGreaterThan(0.999);
                assertThat(energyShareInBand(row, fs, 0, 0.9)).isLessThan(1e-3);
            }
        }
    }

    @Test
    void meanSquareMatchesTheAmplitudeAndLeadFactorLaws() {
        // E[w^2] = E[c^2] * sum_j E[a_j^2] / 2 (independent phases) = 1.25 * 3 * (0.5^2 / 3) / 2
        float[][][] w = wander(new BaselineWander(), 3000, 4, 100, 11);
        double sum = 0;
        long n = 0;
        for (float[][] record : w) {
            for (float[] row : record) {
                for (float v : row) {
                    sum += v * v;
                    n++;
                }
            }
        }
        assertThat(sum / n).isCloseTo(0.15625, org.assertj.core.data.Percentage.withPercentage(6));
    }

    @Test
    void peakOfOneFixedCosineFollowsTheLeadFactorLaw() {
        // k = 1, amplitude 0.3, 1 Hz over 2 s: a lead's peak is |c| * 0.3 with c ~ N(1, 0.5)
        BaselineWander bw = new BaselineWander(0.3, 0.3, 1, 1, 1, 1, 500);
        float[][][] w = wander(bw, 400, 3, 1000, 5);
        double[] peaks = Arrays.stream(w).flatMap(Arrays::stream).mapToDouble(row -> {
            double max = 0;
            for (float v : row) {
                max = Math.max(max, Math.abs(v));
            }
            return max / 0.3;
        }).toArray();
        NormalDistribution factor = NormalDistribution.of(1, 0.5);
        double p = KolmogorovSmirnovTest.withDefaults()
                .test(peaks, x -> factor.cumulativeProbability(x) - factor.cumulativeProbability(-x)).getPValue();
        assertThat(p).isGreaterThan(0.01);
        // and every record is one shape scaled per lead: rank one across leads
        for (float[][] record : w) {
            int peakAt = 0;
            for (int t = 0; t < record[0].length; t++) {
                if (Math.abs(record[0][t]) > Math.abs(record[0][peakAt])) {
                    peakAt = t;
                }
            }
            for (float[] row : record) {
                double ratio = row[peakAt] / record[0][peakAt];
                for (int t = 0; t < row.length; t += 37) {
                    assertThat((double) row[t]).isCloseTo(ratio * record[0][t], org.assertj.core.data.Offset.offset(1e-5));
                }
            }
        }
    }

    @Test
    void eachLeadIsExactlyASampledCosine() {
        // one cosine of fixed frequency: x[t-1] + x[t+1] = 2 cos(w) x[t] at every sample, block edges included
        double w = 2 * Math.PI * 3.0 / 500;
        float[][][] x = wander(new BaselineWander(0.5, 0.5, 1, 3, 3, 1, 500), 3, 2, 2000, 4);
        for (float[][] record : x) {
            for (float[] row : record) {
                for (int t = 1; t < row.length - 1; t++) {
                    assertThat((double) row[t - 1] + row[t + 1])
                            .isCloseTo(2 * Math.cos(w) * row[t], org.assertj.core.data.Offset.offset(2e-6));
                }
            }
        }
    }

    @Test
    void probabilityZeroLeavesTheBatchAsItWas() {
        INDArray x = Batches.gaussian(4, 12, 500, 3);
        INDArray before = x.dup();
        INDArray out = new BaselineWander(0.5, 0, 0, 0.2, 0.01, 3, 500).apply(EcgBatch.of(x), 1L).signals();
        Batches.assertSameValues(out, before);
        Batches.assertSameValues(x, before);
        assertThat(out).isNotSameAs(x);
    }

    @Test
    void badArgumentsNameTheParameter() {
        assertThatThrownBy(() -> new BaselineWander(0.5, 0, 1.5, 0.2, 0.01, 3, 500))
                .isInstanceOfSatisfying(AugmenterParameterException.class, e -> assertThat(e.parameter()).isEqualTo("p"));
        assertThatThrownBy(() -> new BaselineWander(0.5, 0.6, 1, 0.2, 0.01, 3, 500))
                .isInstanceOfSatisfying(AugmenterParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("min_amplitude"));
        assertThatThrownBy(() -> new BaselineWander(0.5, 0, 1, 300, 0.01, 3, 500))
                .isInstanceOfSatisfying(AugmenterParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("max_freq"));
        assertThatThrownBy(() -> new BaselineWander(0.5, 0, 1, 0.2, 0.01, 0, 500))
                .isInstanceOfSatisfying(AugmenterParameterException.class, e -> assertThat(e.parameter()).isEqualTo("k"));
    }
}
