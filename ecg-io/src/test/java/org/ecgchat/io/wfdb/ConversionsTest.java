package org.ecgchat.io.wfdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast physical conversion gives exactly C's {@code (double)(v - baseline) / gain}. */
class ConversionsTest {

    private static void assertExact(double gain, int baseline, int lo, int hi) {
        SignalSpec spec = new SignalSpec("x.dat", 16, 1, 0, 0, gain, baseline, null, 16, 0, 0,
                java.util.OptionalInt.empty(), 0, "x");
        Conversions.Scale s = Conversions.Scale.of(spec);
        for (int v = lo; v <= hi; v++) {
            double expected = ((double) v - baseline) / gain;
            double actual = s.apply(v);
            if (Double.doubleToRawLongBits(actual) != Double.doubleToRawLongBits(expected)) {
                assertThat(actual).as("gain %s baseline %d value %d", gain, baseline, v).isEqualTo(expected);
            }
        }
    }

    @Test
    void corpusGainsOverTheWhole16BitRange() {
        double[] gains = {200, 1000, 1716, 1206, 1229, 1368, 698, 1372, 1572, 2259, 2317, 2074, 1457, 2963.77, 12.84,
            7247, 10520, 12530, 29, 24, 32.7675, -19.3447902992, 13.335, 39.8, 2.4011e-11, 6.8094e-14, 1.0001, 0.0166};
        for (double g : gains) {
            assertExact(g, 0, -32768, 32767);
            assertExact(g, 1024, -2048, 2047);
        }
    }

    @Test
    void randomGainsAndBaselines() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 300; i++) {
            double gain = Math.exp(random.nextDouble(-30, 30)) * (random.nextBoolean() ? 1 : -1);
            int baseline = random.nextInt(-40000, 40000);
            assertExact(gain, baseline, -32768, 32767);
        }
    }

    @Test
    void extremeGainsFallBackToDivision() {
        assertExact(0x1p-600, 3, -5000, 5000);
        assertExact(0x1p600, 3, -5000, 5000);
    }
}
