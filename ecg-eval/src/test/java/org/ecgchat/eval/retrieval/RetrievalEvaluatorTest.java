package org.ecgchat.eval.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.ecgchat.eval.EvalInputException;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** Retrieval ranks, worked by hand on four pairs with a duplicated report. */
class RetrievalEvaluatorTest {
    static final double[][] ECG = {{1, 0}, {0, 1}, {1, 1}, {-1, 0}};
    static final double[][] REPORTS = {{1, 0}, {0, 1}, {0.5, 0.5}, {0, -1}};
    // reports 0 and 2 are the same text: either is a hit for ECG 0 and ECG 2
    static final List<String> TEXTS = List.of("sinus rhythm", "atrial fibrillation", "sinus rhythm", "lbbb");

    /**
     * Dot products by hand. ECG to report: e0 best relevant 1, nothing else >= 1: rank 1; e1 rank 1;
     * e2 relevant r0 = r2 = 1 but r1 ties at 1: rank 2; e3 relevant r3 = 0, r1 ties at 0: rank 2.
     * Report to ECG: r0 rank 1; r1 (e1 = 1) tied by e2: rank 2; r2 (e2 = 1) rank 1; r3 (e3 = 0)
     * tied by e0: rank 2.
     */
    @Test
    void ranksCountDuplicatesAsHitsAndTiesAgainst() {
        RetrievalReport r = RetrievalEvaluator.evaluate(ECG, REPORTS, TEXTS, false);
        assertThat(r.ecgToReport().ranks()).containsExactly(1, 1, 2, 2);
        assertThat(r.reportToEcg().ranks()).containsExactly(1, 2, 1, 2);
        RetrievalMetrics m = r.ecgToReport();
        assertThat(m.recallAt1()).isEqualTo(0.5);
        assertThat(m.recallAt5()).isEqualTo(1.0);
        assertThat(m.recallAt10()).isEqualTo(1.0);
        assertThat(m.medianRank()).isEqualTo(1.5);
        assertThat(m.meanReciprocalRank()).isEqualTo(0.75);
    }

    @Test
    void withoutDuplicateGroupingTheSecondCopyIsAMiss() {
        List<String> distinct = List.of("a", "b", "c", "d");
        RetrievalReport r = RetrievalEvaluator.evaluate(ECG, REPORTS, distinct, false);
        // e0: own report r0 = 1, nothing else >= 1 (r2 = 0.5): rank 1; e2: own r2 = 1 tied by r0 and r1: rank 3
        assertThat(r.ecgToReport().ranks()).containsExactly(1, 1, 3, 2);
    }

    @Test
    void cosineIgnoresEmbeddingLength() {
        double[][] scaled = {{3, 0}, {0, 0.2}, {7, 7}, {-2, 0}};
        RetrievalReport a = RetrievalEvaluator.evaluate(ECG, REPORTS, TEXTS, true);
        RetrievalReport b = RetrievalEvaluator.evaluate(Nd4j.createFromArray(scaled), Nd4j.createFromArray(REPORTS),
                TEXTS, true);
        assertThat(b.ecgToReport().ranks()).containsExactly(a.ecgToReport().ranks());
        assertThat(b.reportToEcg().ranks()).containsExactly(a.reportToEcg().ranks());
    }

    @Test
    void medianOfOddCountAndRecallAtK() {
        RetrievalMetrics m = RetrievalMetrics.of(new int[] {1, 7, 3, 12, 5});
        assertThat(m.medianRank()).isEqualTo(5);
        assertThat(m.recallAt5()).isEqualTo(0.6);
        assertThat(m.recallAt10()).isEqualTo(0.8);
        assertThat(m.recallAt(12)).isEqualTo(1.0);
    }

    @Test
    void badInputs() {
        assertThatThrownBy(() -> RetrievalEvaluator.evaluate(ECG, new double[][] {{1, 0}}, TEXTS, true))
                .isInstanceOf(EvalInputException.class).hasMessageContaining("4 rows but report embeddings has 1");
        assertThatThrownBy(() -> RetrievalEvaluator.evaluate(ECG, REPORTS, TEXTS.subList(0, 3), true))
                .isInstanceOf(EvalInputException.class).hasMessageContaining("3 report texts for 4");
        assertThatThrownBy(() -> RetrievalEvaluator.evaluate(new double[][] {{0, 0}, {0, 1}, {1, 1}, {1, 0}}, REPORTS,
                TEXTS, true)).isInstanceOf(EvalInputException.class).hasMessageContaining("zero vector");
        assertThatThrownBy(() -> RetrievalEvaluator.evaluate(new double[][] {{Double.NaN, 0}, {0, 1}, {1, 1}, {1, 0}},
                REPORTS, TEXTS, false)).isInstanceOf(EvalInputException.class).hasMessageContaining("[0][0] is NaN");
    }
}
