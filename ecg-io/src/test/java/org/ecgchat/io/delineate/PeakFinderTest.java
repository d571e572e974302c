package org.ecgchat.io.delineate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeakFinderTest {

    @Test
    void localMaximaFollowScipysConventions() {
        // flat tops report their middle sample (rounded down); the ends are never peaks
        assertThat(PeakFinder.localMaxima(new double[] {0, 1, 1, 1, 0})).containsExactly(2);
        assertThat(PeakFinder.localMaxima(new double[] {0, 1, 1, 0})).containsExactly(1);
        assertThat(PeakFinder.localMaxima(new double[] {3, 1, 2, 1, 4})).containsExactly(2);
        assertThat(PeakFinder.localMaxima(new double[] {0, 1, 1, 2})).isEmpty();
    }

    @Test
    void prominenceIsTheHeightAboveTheHigherOfTheTwoBases() {
        double[] x = {0, 2, 1, 3, 0};
        assertThat(PeakFinder.prominence(x, 1)).isEqualTo(1); // bases 0 (left) and 1 (before the 3)
        assertThat(PeakFinder.prominence(x, 3)).isEqualTo(3);
    }
}
