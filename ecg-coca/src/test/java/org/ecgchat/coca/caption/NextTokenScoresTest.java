package org.ecgchat.coca.caption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Hugging Face processors and warpers on hand-computed rows. */
class NextTokenScoresTest {

    private static final float X = NextTokenScores.REMOVED;

    private static float[] logs(double... p) {
        float[] r = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            r[i] = (float) Math.log(p[i]);
        }
        return r;
    }

    @Test
    void minLengthRemovesTheEndTokenOnlyBelowTheMinimum() {
        float[] row = {1, 2, 3};
        NextTokenScores.minLength(row, 4, 5, 2);
        assertThat(row).containsExactly(1, 2, X);
        float[] kept = {1, 2, 3};
        NextTokenScores.minLength(kept, 5, 5, 2);
        assertThat(kept).containsExactly(1, 2, 3);
    }

    @Test
    void repetitionPenaltyDividesPositiveAndMultipliesNegativeScoresOncePerToken() {
        float[] row = {2, -1, 3};
        NextTokenScores.repetitionPenalty(row, new int[] {0, 1, 0}, 2f);
        assertThat(row).containsExactly(1, -2, 3);
    }

    @Test
    void diversitySubtractsThePenaltyPerEarlierChoice() {
        float[] row = {0, 0, 0, 1, 1};
        NextTokenScores.diversity(row, new int[] {3, 3, 4, 9}, 3, 0.5f);
        assertThat(row).containsExactly(0, 0, 0, 0, 0.5f);
    }

    @Test
    void topKKeepsTheKHighestAndTiesWithTheKth() {
        float[] row = {1, 5, 3, 3, 2};
        NextTokenScores.topK(row, 2);
        assertThat(row).containsExactly(X, 5, 3, 3, X);
        float[] all = {1, 2};
        NextTokenScores.topK(all, 5);
        assertThat(all).containsExactly(1, 2);
    }

    @Test
    void topPKeepsTheSmallestSetAboveTheMass() {
        // ascending 0.05, 0.15, 0.3, 0.5: cumulative 0.05, 0.2, 0.5, 1
        float[] row = logs(0.3, 0.05, 0.5, 0.15);
        NextTokenScores.topP(row, 0.75);
        assertThat(row[1]).isEqualTo(X);
        assertThat(row[3]).isEqualTo(X);
        assertThat(row[0]).isEqualTo((float) Math.log(0.3));
        assertThat(row[2]).isEqualTo((float) Math.log(0.5));
        float[] top = logs(0.3, 0.05, 0.5, 0.15);
        NextTokenScores.topP(top, 0.1);
        assertThat(top).containsExactly(X, X, (float) Math.log(0.5), X);
        float[] all = logs(0.3, 0.05, 0.5, 0.15);
        NextTokenScores.topP(all, 1.0);
        assertThat(all).doesNotContain(X);
    }

    @Test
    void argmaxTakesTheFirstOfEqualMaxima() {
        assertThat(NextTokenScores.argmax(new float[] {1, 4, 2, 4})).isEqualTo(1);
    }

    @Test
    void logSoftmaxNormalises() {
        float[] row = {0, (float) Math.log(3)};
        NextTokenScores.logSoftmax(row);
        assertThat(row[0]).isCloseTo((float) Math.log(0.25), within(1e-6f));
        assertThat(row[1]).isCloseTo((float) Math.log(0.75), within(1e-6f));
    }

    @Test
    void samplingFollowsTheTemperedSoftmaxAndNeverPicksRemovedTokens() {
        SplittableRandom random = new SplittableRandom(3);
        float[] row = {X, (float) Math.log(0.7), (float) Math.log(0.3), X};
        int n = 20000;
        int ones = 0;
        int tempered = 0;
        for (int i = 0; i < n; i++) {
            int t = NextTokenScores.sample(row, 1.0, random);
            assertThat(t).isBetween(1, 2);
            ones += t == 1 ? 1 : 0;
            tempered += NextTokenScores.sample(row, 2.0, random) == 1 ? 1 : 0;
        }
        assertThat(ones / (double) n).isCloseTo(0.7, within(0.015));
        // temperature 2: probabilities proportional to sqrt(0.7) and sqrt(0.3)
        assertThat(tempered / (double) n).isCloseTo(Math.sqrt(0.7) / (Math.sqrt(0.7) + Math.sqrt(0.3)), within(0.015));
    }
}
