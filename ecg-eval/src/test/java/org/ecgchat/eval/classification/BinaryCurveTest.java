package org.ecgchat.eval.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.ecgchat.eval.EvalInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Binary metrics equal scikit-learn's {@code roc_auc_score}, {@code average_precision_score} and
 * the original ECG-Chat max-F1 (argmax of F1 over {@code precision_recall_curve}).
 *
 * <p>Reference values: scikit-learn cannot run here, so they were computed by a throwaway
 * stdlib-Python re-implementation of scikit-learn's documented algorithms in exact rational
 * arithmetic ({@code fractions.Fraction}): AUROC as the Mann-Whitney statistic with ties = 1/2
 * over all positive/negative pairs, AP = sum_k (R_k - R_(k-1)) P_k over distinct thresholds,
 * max-F1 with the original's float expression {@code 2*r*p/(r+p)} in ascending-threshold order
 * and the first maximum, accuracy of {@code score > threshold} as an exact fraction. The
 * "sklearn_doc" row is also scikit-learn's own documentation example (AUROC 0.75, AP 0.83...).
 */
class BinaryCurveTest {

    static Stream<Arguments> referenceTable() {
        return Stream.of(
                // name, scores, labels, auroc, ap, maxF1, threshold, accuracy
                Arguments.of("sklearn_doc", new double[] {0.1, 0.4, 0.35, 0.8}, new int[] {0, 0, 1, 1},
                        3.0 / 4, 5.0 / 6, 0.8, 0.35, 1.0 / 2),
                Arguments.of("ties", new double[] {0.9, 0.8, 0.8, 0.8, 0.5, 0.5, 0.3, 0.3, 0.3, 0.1},
                        new int[] {1, 1, 0, 1, 0, 1, 0, 0, 1, 0}, 39.0 / 50, 67.0 / 90, 0.7272727272727272, 0.5,
                        7.0 / 10),
                Arguments.of("constant", new double[] {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5},
                        new int[] {1, 0, 0, 1, 0, 0, 0}, 1.0 / 2, 2.0 / 7, 0.4444444444444445, 0.5, 5.0 / 7),
                Arguments.of("perfect_reversed", new double[] {0.1, 0.2, 0.3, 0.4}, new int[] {1, 1, 0, 0},
                        0.0, 5.0 / 12, 0.6666666666666666, 0.1, 1.0 / 4),
                Arguments.of("tied_top", new double[] {1, 1, 1, 0, 0}, new int[] {1, 0, 1, 0, 0},
                        5.0 / 6, 2.0 / 3, 0.8, 1.0, 3.0 / 5),
                Arguments.of("lcg300", lcgScores(300, 42, 20), lcgLabels(300, 42, 20, 5),
                        23231.0 / 40000, 0.7556963035764747, 0.8099173553719008, 0.05, 52.0 / 75),
                Arguments.of("lcg1000", lcgScores(1000, 7, 50), lcgLabels(1000, 7, 50, 9),
                        60923.0 / 123318, 0.44304857603719333, 0.6292789512017479, 0.06, 123.0 / 250));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceTable")
    void matchesScikitLearnReference(String name, double[] scores, int[] labels, double auroc, double ap,
                                     double maxF1, double threshold, double accuracy) {
        BinaryCurve curve = BinaryCurve.of(scores, toBoolean(labels));
        assertThat(curve.auroc()).isCloseTo(auroc, within(1e-9));
        assertThat(curve.averagePrecision()).isCloseTo(ap, within(1e-9));
        MaxF1 m = curve.maxF1();
        assertThat(m.f1()).isCloseTo(maxF1, within(1e-9));
        assertThat(m.threshold()).isEqualTo(threshold);
        assertThat(m.accuracy()).isCloseTo(accuracy, within(1e-9));
    }

    /** scikit-learn's documentation example of {@code precision_recall_curve}. */
    @Test
    void precisionRecallCurveMatchesScikitLearnDocs() {
        BinaryCurve curve = BinaryCurve.of(new double[] {0.1, 0.4, 0.35, 0.8}, toBoolean(new int[] {0, 0, 1, 1}));
        PrecisionRecallCurve pr = PrecisionRecallCurve.of(curve);
        assertThat(pr.precision()).containsExactly(new double[] {0.5, 2.0 / 3, 0.5, 1.0, 1.0}, within(1e-12));
        assertThat(pr.recall()).containsExactly(1.0, 1.0, 0.5, 0.5, 0.0);
        assertThat(pr.thresholds()).containsExactly(0.1, 0.35, 0.4, 0.8);
    }

    /** scikit-learn's documentation example of {@code roc_curve} (labels 1/2 with pos_label=2). */
    @Test
    void rocCurveMatchesScikitLearnDocs() {
        BinaryCurve curve = BinaryCurve.of(new double[] {0.1, 0.4, 0.35, 0.8}, toBoolean(new int[] {0, 0, 1, 1}));
        RocCurve roc = RocCurve.of(curve, true);
        assertThat(roc.falsePositiveRate()).containsExactly(0.0, 0.0, 0.5, 0.5, 1.0);
        assertThat(roc.truePositiveRate()).containsExactly(0.0, 0.5, 0.5, 1.0, 1.0);
        assertThat(roc.thresholds()).containsExactly(Double.POSITIVE_INFINITY, 0.8, 0.4, 0.35, 0.1);
    }

    @Test
    void dropIntermediateRemovesCollinearPointsOnly() {
        // scores 4..1 all positive-first then negatives: (0,0)->(0,.5)->(0,1)->(.5,1)->(1,1); middle points collinear
        BinaryCurve curve = BinaryCurve.of(new double[] {4, 3, 2, 1}, toBoolean(new int[] {1, 1, 0, 0}));
        assertThat(RocCurve.of(curve, false).thresholds()).hasSize(5);
        RocCurve dropped = RocCurve.of(curve, true);
        assertThat(dropped.falsePositiveRate()).containsExactly(0.0, 0.0, 0.0, 1.0);
        assertThat(dropped.truePositiveRate()).containsExactly(0.0, 0.5, 1.0, 1.0);
    }

    @Test
    void confusionUsesStrictlyGreaterRule() {
        BinaryCurve curve = BinaryCurve.of(new double[] {0.9, 0.8, 0.8, 0.8, 0.5, 0.5, 0.3, 0.3, 0.3, 0.1},
                toBoolean(new int[] {1, 1, 0, 1, 0, 1, 0, 0, 1, 0}));
        // > 0.5: 0.9(1) 0.8(1) 0.8(0) 0.8(1) => TP 3, FP 1; TN 4, FN 2
        assertThat(curve.confusionAbove(0.5)).isEqualTo(new ConfusionMatrix(3, 1, 4, 2));
        assertThat(curve.confusionAbove(0.5).sensitivity()).isEqualTo(3.0 / 5);
        assertThat(curve.confusionAbove(0.5).specificity()).isEqualTo(4.0 / 5);
        assertThat(curve.confusionAbove(1.0)).isEqualTo(new ConfusionMatrix(0, 0, 5, 5));
        assertThat(curve.confusionAbove(0.0)).isEqualTo(new ConfusionMatrix(5, 5, 0, 0));
        assertThat(curve.confusionAbove(Double.NEGATIVE_INFINITY)).isEqualTo(new ConfusionMatrix(5, 5, 0, 0));
    }

    @Test
    void negativeZeroTiesWithPositiveZero() {
        BinaryCurve curve = BinaryCurve.of(new double[] {-0.0, 0.0}, toBoolean(new int[] {1, 0}));
        assertThat(curve.size()).isEqualTo(1);
        assertThat(curve.auroc()).isEqualTo(0.5);
    }

    @Test
    void singleClassMetricsAreUndefinedNotNaN() {
        BinaryCurve noPositives = BinaryCurve.of(new double[] {0.1, 0.2}, new boolean[] {false, false});
        assertThatThrownBy(noPositives::auroc).isInstanceOf(UndefinedMetricException.class)
                .hasMessageContaining("0 positive and 2 negative");
        assertThatThrownBy(noPositives::averagePrecision).isInstanceOf(UndefinedMetricException.class);
        assertThatThrownBy(noPositives::maxF1).isInstanceOf(UndefinedMetricException.class);
        BinaryCurve noNegatives = BinaryCurve.of(new double[] {0.1, 0.2}, new boolean[] {true, true});
        assertThatThrownBy(noNegatives::auroc).isInstanceOf(UndefinedMetricException.class);
        assertThat(noNegatives.averagePrecision()).isEqualTo(1.0);
    }

    @Test
    void badInputIsRejectedWithPosition() {
        assertThatThrownBy(() -> BinaryCurve.of(new double[] {0.1, Double.NaN}, new boolean[] {true, false}))
                .isInstanceOf(EvalInputException.class).hasMessageContaining("scores[1] is NaN");
        assertThatThrownBy(() -> BinaryCurve.of(new double[] {0.1}, new boolean[] {true, false}))
                .isInstanceOf(EvalInputException.class).hasMessageContaining("1 entries but labels has 2");
        assertThatThrownBy(() -> BinaryCurve.of(new double[0], new boolean[0]))
                .isInstanceOf(EvalInputException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> BinaryCurve.of(new double[] {Double.POSITIVE_INFINITY}, new boolean[] {true}))
                .isInstanceOf(EvalInputException.class).hasMessageContaining("finite");
    }

    /** The generator of the reference script (a 31-bit LCG) so Java and Python see the same data. */
    static double[] lcgScores(int n, long seed, int levels) {
        double[] s = new double[n];
        long x = seed;
        for (int i = 0; i < n; i++) {
            x = (1103515245L * x + 12345) % 2147483648L;
            s[i] = (double) ((x >> 8) % levels) / levels;
            x = (1103515245L * x + 12345) % 2147483648L;
        }
        return s;
    }

    static int[] lcgLabels(int n, long seed, int levels, int posMod) {
        int[] y = new int[n];
        long x = seed;
        for (int i = 0; i < n; i++) {
            x = (1103515245L * x + 12345) % 2147483648L;
            double s = (double) ((x >> 8) % levels) / levels;
            x = (1103515245L * x + 12345) % 2147483648L;
            y[i] = ((x >> 8) % posMod) < ((x >> 20) % 3 + (s * levels) % 7) ? 1 : 0;
        }
        return y;
    }

    static boolean[] toBoolean(int[] y) {
        boolean[] b = new boolean[y.length];
        for (int i = 0; i < y.length; i++) {
            b[i] = y[i] == 1;
        }
        return b;
    }
}
