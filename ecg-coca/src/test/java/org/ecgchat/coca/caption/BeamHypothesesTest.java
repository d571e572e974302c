package org.ecgchat.coca.caption;

import static org.assertj.core.api.Assertions.assertThat;

import org.ecgchat.coca.caption.CaptionSettings.EarlyStopping;
import org.junit.jupiter.api.Test;

/** Hugging Face's finished-hypotheses bookkeeping and stopping rules, on hand-computed scores. */
class BeamHypothesesTest {

    @Test
    void keepsTheBestAndKnowsTheWorst() {
        BeamHypotheses h = new BeamHypotheses(2, 1.0, EarlyStopping.HEURISTIC, 10);
        h.add(new int[] {1, 3, 3}, -2.0, 4);   // -0.5
        h.add(new int[] {1, 3}, -3.0, 3);      // -1.0
        h.add(new int[] {1, 4, 4}, -8.0, 4);   // -2.0: worse than both, not kept
        assertThat(h.beams()).extracting(BeamHypotheses.Hypothesis::score).containsExactly(-0.5, -1.0);
        h.add(new int[] {1, 5, 5}, -0.4, 4);   // -0.1 replaces -1.0
        assertThat(h.beams()).extracting(BeamHypotheses.Hypothesis::score).containsExactly(-0.5, -0.1);
    }

    @Test
    void lengthPenaltyDividesByAPowerOfTheLength() {
        BeamHypotheses h = new BeamHypotheses(1, 2.0, EarlyStopping.HEURISTIC, 10);
        h.add(new int[] {1, 3, 3}, -8.0, 4);
        assertThat(h.beams().get(0).score()).isEqualTo(-0.5);
    }

    @Test
    void stoppingRules() {
        BeamHypotheses heuristic = full(EarlyStopping.HEURISTIC);
        // worst kept -1.0; a running beam with sum -3.5 at length 4 could reach -0.875 > -1.0
        assertThat(heuristic.isDone(-3.5, 4)).isFalse();
        assertThat(heuristic.isDone(-5.0, 4)).isTrue();
        assertThat(full(EarlyStopping.FIRST).isDone(-3.5, 4)).isTrue();
        // never (length penalty > 0): the best a running beam could reach is over the maximum length 10
        assertThat(full(EarlyStopping.NEVER).isDone(-5.0, 4)).isFalse();
        assertThat(full(EarlyStopping.NEVER).isDone(-20.0, 4)).isTrue();
        BeamHypotheses notFull = new BeamHypotheses(2, 1.0, EarlyStopping.FIRST, 10);
        notFull.add(new int[] {1}, -1.0, 2);
        assertThat(notFull.isDone(-100, 4)).isFalse();
    }

    private static BeamHypotheses full(EarlyStopping stopping) {
        BeamHypotheses h = new BeamHypotheses(2, 1.0, stopping, 10);
        h.add(new int[] {1, 3, 3}, -2.0, 4);
        h.add(new int[] {1, 3}, -3.0, 3);
        return h;
    }
}
