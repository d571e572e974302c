package org.ecgchat.io.delineate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WaveletTransformTest {

    @Test
    void whiteNoiseGainIsTheNormOfEachLevelsImpulseResponse() {
        int levels = 8;
        double[] impulse = new double[4096];
        impulse[2048] = 1;
        double[][] response = WaveletTransform.compute(impulse, levels);
        for (int level = 1; level <= levels; level++) {
            double sumSquares = 0;
            for (double v : response[level - 1]) {
                sumSquares += v * v;
            }
            assertThat(WaveletTransform.whiteNoiseGain(level)).as("level %d", level)
                    .isCloseTo(Math.sqrt(sumSquares), within(1e-12));
        }
        assertThat(WaveletTransform.whiteNoiseGain(1)).isCloseTo(Math.sqrt(8), within(1e-15)); // g = [2, -2]
    }

    @Test
    void levelsOutsideTheTransformAreRefused() {
        assertThatThrownBy(() -> WaveletTransform.whiteNoiseGain(0)).hasMessageContaining("[1, 30], got 0");
    }
}
