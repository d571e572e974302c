package org.ecgchat.eval.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.ecgchat.eval.EvalInputException;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** Per-class reports, macro averages and input validation of multi-label data. */
class ClassificationEvaluatorTest {

    // columns: A = sklearn doc example, B = all negative, C = constant scores (see BinaryCurveTest)
    static final double[][] SCORES = {{0.1, 0.3, 0.5}, {0.4, 0.2, 0.5}, {0.35, 0.9, 0.5}, {0.8, 0.1, 0.5}};
    static final int[][] LABELS = {{0, 0, 1}, {0, 0, 0}, {1, 0, 0}, {1, 0, 1}};

    @Test
    void perClassValuesAndMacroOverDefinedClasses() {
        ClassificationReport r = ClassificationEvaluator.defaults()
                .evaluate(MultiLabelData.fromRows(List.of("A", "B", "C"), SCORES, LABELS));
        ClassMetrics a = r.get("A");
        assertThat(a.auroc().getAsDouble()).isEqualTo(0.75);
        assertThat(a.averagePrecision().getAsDouble()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(a.maxF1().getAsDouble()).isCloseTo(0.8, within(1e-12));
        assertThat(a.decisionThreshold().getAsDouble()).isEqualTo(0.35);
        // > 0.35: 0.4(0), 0.8(1) => TP 1, FP 1, TN 1, FN 1
        assertThat(a.confusion().orElseThrow()).isEqualTo(new ConfusionMatrix(1, 1, 1, 1));

        ClassMetrics b = r.get("B");
        assertThat(b.auroc()).isEmpty();
        assertThat(b.averagePrecision()).isEmpty();
        assertThat(b.notes()).singleElement().asString().contains("no positive samples");

        ClassMetrics c = r.get("C");
        assertThat(c.auroc().getAsDouble()).isEqualTo(0.5);
        assertThat(c.averagePrecision().getAsDouble()).isEqualTo(0.5);

        MacroAverage auroc = r.macro(Metric.AUROC);
        assertThat(auroc.value().getAsDouble()).isEqualTo((0.75 + 0.5) / 2);
        assertThat(auroc.classesUsed()).isEqualTo(2);
        assertThat(auroc.undefinedClasses()).containsExactly("B");
    }

    @Test
    void fixedDecisionThresholdGivesSensitivityAndSpecificity() {
        ClassificationReport r = ClassificationEvaluator.defaults().withDecisionThreshold(0.3)
                .evaluate(MultiLabelData.fromRows(List.of("A", "B", "C"), SCORES, LABELS));
        // A, > 0.3: 0.4(0) 0.35(1) 0.8(1) => TP 2 FP 1 TN 1 FN 0
        assertThat(r.get("A").sensitivity().getAsDouble()).isEqualTo(1.0);
        assertThat(r.get("A").specificity().getAsDouble()).isEqualTo(0.5);
        // B has no positives: sensitivity undefined, specificity defined (0.9 > 0.3 is one FP of 4)
        assertThat(r.get("B").sensitivity()).isEmpty();
        assertThat(r.get("B").specificity().getAsDouble()).isEqualTo(0.75);
    }

    @Test
    void indArrayAdapterAgreesWithArrays() {
        MultiLabelData fromNd = MultiLabelData.fromIndArrays(List.of("A", "B", "C"),
                Nd4j.createFromArray(SCORES), Nd4j.createFromArray(LABELS).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT));
        ClassificationReport r = ClassificationEvaluator.defaults().evaluate(fromNd);
        assertThat(r.get("A").auroc().getAsDouble()).isEqualTo(0.75);
    }

    @Test
    void multiClassOneVsRestAndConfusion() {
        double[][] s = {{0.7, 0.2, 0.1}, {0.1, 0.8, 0.1}, {0.3, 0.3, 0.4}, {0.5, 0.4, 0.1}};
        int[] y = {0, 1, 2, 1};
        MultiClassReport r = MultiClassReport.evaluate(List.of("x", "y", "z"), s, y, ClassificationEvaluator.defaults());
        assertThat(r.accuracy()).isEqualTo(0.75);
        assertThat(r.confusion()).isDeepEqualTo(new long[][] {{1, 0, 0}, {1, 1, 0}, {0, 0, 1}});
        // class x one-vs-rest: positive 0.7 vs negatives 0.1, 0.3, 0.5 => AUROC 1
        assertThat(r.oneVsRest().get("x").auroc().getAsDouble()).isEqualTo(1.0);
        assertThatThrownBy(() -> MultiClassReport.evaluate(List.of("x", "y", "z"), s, new int[] {0, 1, 3, 1},
                ClassificationEvaluator.defaults()))
                .isInstanceOf(EvalInputException.class).hasMessageContaining("labels[2] = 3");
    }

    @Test
    void badInputsNameThePosition() {
        assertThatThrownBy(() -> MultiLabelData.fromRows(null, new double[][] {{0.1, 0.2}}, new double[][] {{0, 2}}))
                .isInstanceOf(EvalInputException.class).hasMessageContaining("labels[0][1] (class 'class_1') is 2.0");
        assertThatThrownBy(() -> MultiLabelData.fromRows(null, new double[][] {{0.1, Double.NaN}},
                new double[][] {{0, 1}}))
                .isInstanceOf(EvalInputException.class).hasMessageContaining("scores[0][1]").hasMessageContaining("NaN");
        assertThatThrownBy(() -> MultiLabelData.fromRows(null, new double[][] {{0.1}, {0.2}}, new double[][] {{0}}))
                .isInstanceOf(EvalInputException.class).hasMessageContaining("2 rows (samples) but labels has 1");
        assertThatThrownBy(() -> MultiLabelData.fromRows(null, new double[0][], new double[0][]))
                .isInstanceOf(EvalInputException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> MultiLabelData.fromRows(null, new double[][] {{0.1, 0.2}, {0.3}},
                new double[][] {{0, 1}, {1}}))
                .isInstanceOf(EvalInputException.class).hasMessageContaining("scores[1] has 1 columns, expected 2");
        assertThatThrownBy(() -> MultiLabelData.fromRows(List.of("a", "a"), new double[][] {{0.1, 0.2}},
                new double[][] {{0, 1}}))
                .isInstanceOf(EvalInputException.class).hasMessageContaining("appears twice");
    }

    @Test
    void bootstrapIsSeededAndBracketsTheEstimate() {
        double[] s = BinaryCurveTest.lcgScores(300, 42, 20);
        int[] y = BinaryCurveTest.lcgLabels(300, 42, 20, 5);
        MultiLabelData d = MultiLabelData.single("lcg", s, y);
        var stat = Bootstrap.macro(ClassificationEvaluator.defaults().withParallel(false), Metric.AUROC);
        Bootstrap.Interval a = Bootstrap.percentile(d, stat, 200, 0.95, 7);
        Bootstrap.Interval b = Bootstrap.percentile(d, stat, 200, 0.95, 7);
        assertThat(a).isEqualTo(b);
        assertThat(a.estimate()).isCloseTo(23231.0 / 40000, within(1e-12));
        assertThat(a.lower()).isLessThan(a.estimate());
        assertThat(a.upper()).isGreaterThan(a.estimate());
        assertThat(a.resamples()).isEqualTo(200);
        assertThat(Bootstrap.percentile(d, stat, 200, 0.95, 8)).isNotEqualTo(a);
    }

    @Test
    void quantileIsNumpyLinear() {
        double[] v = {1, 2, 3, 4};
        // numpy.percentile([1,2,3,4], [2.5, 50, 97.5]) = [1.075, 2.5, 3.925]
        assertThat(Bootstrap.quantile(v, 0.025)).isCloseTo(1.075, within(1e-12));
        assertThat(Bootstrap.quantile(v, 0.5)).isCloseTo(2.5, within(1e-12));
        assertThat(Bootstrap.quantile(v, 0.975)).isCloseTo(3.925, within(1e-12));
    }
}
