package org.ecgchat.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** StretchCompress, RandomRenormalize and LabelSmooth. */
class ResamplingAndLabelTest {

    /** PyTorch's F.interpolate(linear, align_corners=True) of one row, written out independently. */
    private static double[] interpolate(float[] x, int newLength) {
        double[] y = new double[newLength];
        for (int i = 0; i < newLength; i++) {
            double position = i * (x.length - 1.0) / (newLength - 1.0);
            int k = Math.min((int) Math.floor(position), x.length - 2);
            double w = position - k;
            y[i] = (1 - w) * x[k] + w * x[k + 1];
        }
        return y;
    }

    @Test
    void stretchCompressKeepsTheLengthAndResamplesLinearly() {
        int samples = 1000;
        double ratio = 0.06;
        INDArray x = Batches.signals(60, 2, samples, (b, l, t) -> Math.sin(0.01 * t * (l + 1)) + b);
        EcgBatch out = new StretchCompress(6, 1.0).apply(EcgBatch.of(x), 17L);
        assertThat(out.signals().shape()).containsExactly(60, 2, samples);
        float[][][] in = Batches.values(x);
        float[][][] v = Batches.values(out.signals());
        int stretched = 0;
        int compressed = 0;
        for (int b = 0; b < in.length; b++) {
            // find the new length whose resampling (cut or padded in the middle) reproduces the record
            Integer match = null;
            for (int n = (int) Math.floor(samples * (1 - 2 * ratio)); n <= Math.ceil(samples * (1 + 2 * ratio)); n++) {
                int half = Math.abs(n - samples) / 2;
                boolean all = true;
                for (int l = 0; l < 2 && all; l++) {
                    double[] y = interpolate(in[b][l], n);
                    for (int t = 0; t < samples && all; t++) {
                        int i = n >= samples ? t + half : t - half;
                        double expected = i < 0 || i >= n ? 0 : y[i];
                        all = Math.abs(v[b][l][t] - expected) < 1e-4;
                    }
                }
                if (all) {
                    match = n;
                    break;
                }
            }
            assertThat(match).as("record %d is a stretch or compress of its input", b).isNotNull();
            stretched += match > samples ? 1 : 0;
            compressed += match < samples ? 1 : 0;
        }
        assertThat(stretched).isBetween(15, 45);
        assertThat(compressed).isBetween(15, 45);
    }

    @Test
    void stretchCompressMovesPerSampleLabelsAndCriticalPoints() {
        int samples = 400;
        INDArray ramp = Batches.signals(30, 1, samples, (b, l, t) -> t);
        INDArray labels = Batches.signals(30, samples, 1, (b, t, c) -> t);
        List<int[]> points = new ArrayList<>();
        for (int b = 0; b < 30; b++) {
            points.add(new int[] {100, 200, 300});
        }
        EcgBatch out = new StretchCompress(0.1, 1.0).apply(new EcgBatch(ramp, labels, points), 4L);
        float[][][] v = Batches.values(out.signals());
        float[] y = Batches.flat(out.labels());
        for (int b = 0; b < 30; b++) {
            for (int t = 0; t < samples; t++) {
                assertThat(y[b * samples + t]).isEqualTo(v[b][0][t]);
            }
            // a ramp's value is the input position a sample came from: points land where it equals them
            for (int p : out.criticalPoints(b)) {
                double source = v[b][0][p];
                assertThat(Math.min(Math.min(Math.abs(source - 100), Math.abs(source - 200)), Math.abs(source - 300)))
                        .isLessThan(1.2);
            }
        }
    }

    @Test
    void renormalizedRecordsGetTheDrawnMeanAndStd() {
        INDArray x = Batches.signals(400, 3, 500, (b, l, t) -> 3 + 2 * Math.sin(0.05 * t + b) + 0.5 * l);
        EcgBatch out = new RandomRenormalize().apply(EcgBatch.of(x), 31L);
        float[][][] in = Batches.values(x);
        float[][][] v = Batches.values(out.signals());
        List<double[]> drawn = new ArrayList<>();
        for (int b = 0; b < in.length; b++) {
            if (v[b][0][0] == in[b][0][0]) {
                continue;
            }
            double sum = 0;
            double squares = 0;
            int n = 0;
            for (float[] lead : v[b]) {
                for (float s : lead) {
                    sum += s;
                    n++;
                }
            }
            double mean = sum / n;
            for (float[] lead : v[b]) {
                for (float s : lead) {
                    squares += (s - mean) * (s - mean);
                }
            }
            drawn.add(new double[] {mean, Math.sqrt(squares / (n - 1))});
        }
        // about half the records; m ~ N(0.025, 0.3 * 0.075), s ~ N(0.2, 0.3 * 0.12)
        assertThat(drawn.size()).isBetween(120, 280);
        double[] m = drawn.stream().mapToDouble(d -> d[0]).toArray();
        double[] s = drawn.stream().mapToDouble(d -> d[1]).toArray();
        assertThat(mean(m)).isCloseTo(0.025, within(0.004));
        assertThat(sd(m)).isCloseTo(0.0225, within(0.004));
        assertThat(mean(s)).isCloseTo(0.2, within(0.006));
        assertThat(sd(s)).isCloseTo(0.036, within(0.006));
    }

    private static double mean(double[] a) {
        return java.util.Arrays.stream(a).average().orElseThrow();
    }

    private static double sd(double[] a) {
        double m = mean(a);
        return Math.sqrt(java.util.Arrays.stream(a).map(v -> (v - m) * (v - m)).sum() / (a.length - 1));
    }

    @Test
    void labelSmoothingKeepsRowsSummingToOne() {
        int classes = 7;
        INDArray labels = Batches.oneHot(50, classes);
        EcgBatch out = new LabelSmooth(0.1, 1.0).apply(EcgBatch.of(Nd4j.zeros(DataType.FLOAT, 50, 1, 10), labels), 2L);
        float[][] y = Batches.matrix(out.labels());
        for (int b = 0; b < 50; b++) {
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += y[b][c];
                assertThat((double) y[b][c]).isCloseTo(c == b % classes ? 0.9 + 0.1 / classes : 0.1 / classes,
                        within(1e-6));
            }
            assertThat(sum).isCloseTo(1.0, within(1e-6));
        }
        // with prob 0.5 only some rows change, and every row still sums to one
        RandomGenerator rng = Augmenter.random(8);
        float[][] half = Batches.matrix(new LabelSmooth().apply(EcgBatch.of(Nd4j.zeros(DataType.FLOAT, 50, 1, 10),
                labels), rng).labels());
        int smoothed = 0;
        for (float[] row : half) {
            double sum = 0;
            for (float v : row) {
                sum += v;
            }
            assertThat(sum).isCloseTo(1.0, within(1e-6));
            smoothed += row[0] != 0 && row[0] != 1 ? 1 : 0;
        }
        assertThat(smoothed).isBetween(10, 40);
    }

    @Test
    void badArgumentsAndMissingLabelsAreNamed() {
        assertThatThrownBy(() -> new StretchCompress(60, 0.5))
                .isInstanceOfSatisfying(AugmenterParameterException.class, e -> assertThat(e.parameter()).isEqualTo("ratio"));
        assertThatThrownBy(() -> new LabelSmooth(1.5, 0.5))
                .isInstanceOfSatisfying(AugmenterParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("smoothing"));
        assertThatThrownBy(() -> new RandomRenormalize(new double[] {0, 1}, new double[] {-1, 1}, false, 0.5))
                .isInstanceOfSatisfying(AugmenterParameterException.class, e -> assertThat(e.parameter()).isEqualTo("std"));
        assertThatThrownBy(() -> new LabelSmooth().apply(EcgBatch.of(Nd4j.zeros(DataType.FLOAT, 2, 1, 10)), 1L))
                .isInstanceOfSatisfying(InvalidBatchException.class, e -> assertThat(e.tensor()).isEqualTo("labels"));
    }
}
