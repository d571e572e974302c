package org.ecgchat.io.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolyphaseResamplerTest {

    private static final int[] RATES = {100, 250, 257, 360, 500, 1000};

    @Test
    void aToneWellBelowNyquistKeepsAmplitudeAndPhaseBetweenEveryPairOfRates() {
        for (int from : RATES) {
            for (int to : RATES) {
                double f = 0.3 * Math.min(from, to) / 2;
                double[] x = sampled(f, from, 3 * from);
                double[] y = PolyphaseResampler.between(from, to).apply(x);
                assertThat(y).hasSize((int) Math.ceil(3.0 * to));
                double err = 0;
                for (int j = to / 2; j < y.length - to / 2; j++) {
                    err = Math.max(err, Math.abs(y[j] - Math.sin(2 * Math.PI * f * j / to + 0.4)));
                }
                assertThat(err).as("%d -> %d Hz, %s Hz tone", from, to, f).isLessThan(2e-4);
            }
        }
    }

    @Test
    void tonesUpTo90PercentOfTheNewNyquistPassWithTinyRipple() {
        double[] x = sampled(112.5, 500, 2000); // 0.9 × 125 Hz
        double[] y = PolyphaseResampler.between(500, 250).apply(x);
        for (int j = 200; j < 800; j++) {
            assertThat(y[j]).isCloseTo(Math.sin(2 * Math.PI * 112.5 * j / 250 + 0.4), within(1e-3));
        }
    }

    @Test
    void aliasesAreSuppressedByAtLeast60Decibels() {
        // would fold to 90 Hz, 65 Hz and 40 Hz at 250 Hz; to 160 Hz at 360 Hz
        for (double f : new double[] {160, 185, 210}) {
            assertThat(interiorPeak(PolyphaseResampler.between(500, 250).apply(sampled(f, 500, 3000)), 250))
                    .as("%s Hz tone", f).isLessThan(1e-3);
        }
        assertThat(interiorPeak(PolyphaseResampler.between(500, 360).apply(sampled(200, 500, 3000)), 360))
                .isLessThan(1e-3);
        assertThat(interiorPeak(PolyphaseResampler.between(360, 257).apply(sampled(150, 360, 3000)), 257))
                .isLessThan(1e-3);
    }

    @Test
    void upThenDownReturnsTheBandLimitedSignal() {
        double[] x = new double[5000];
        for (int n = 0; n < x.length; n++) {
            double t = n / 500.0;
            x[n] = Math.sin(2 * Math.PI * 1.1 * t) + 0.5 * Math.sin(2 * Math.PI * 17 * t + 1)
                    + 0.2 * Math.cos(2 * Math.PI * 60 * t);
        }
        for (int mid : new int[] {1000, 360, 250, 257}) {
            double[] back = PolyphaseResampler.between(mid, 500).apply(PolyphaseResampler.between(500, mid).apply(x));
            assertThat(back).hasSize(x.length);
            for (int n = 500; n < 4500; n++) {
                assertThat(back[n]).as("via %d Hz, sample %d", mid, n).isCloseTo(x[n], within(5e-4));
            }
        }
    }

    @Test
    void factorsAreReducedAndEqualRatesCopy() {
        PolyphaseResampler r = PolyphaseResampler.between(500, 360);
        assertThat(r.up()).isEqualTo(18);
        assertThat(r.down()).isEqualTo(25);
        assertThat(r.outputLength(5000)).isEqualTo(3600);
        assertThat(r.outputLength(1)).isEqualTo(1);
        double[] x = {1, 2, 3};
        assertThat(PolyphaseResampler.of(7, 7).apply(x)).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> PolyphaseResampler.between(500, 256.5)).hasMessageContaining("256.5");
        assertThatThrownBy(() -> PolyphaseResampler.of(0, 1)).hasMessageContaining("positive");
    }

    @Test
    void resampleStepChangesTheRateAndKeepsLeadNames() {
        EcgSignal s = new EcgSignal(new double[][] {sampled(5, 500, 5000), sampled(7, 500, 5000)}, 500,
                List.of("I", "II"));
        EcgSignal r = Preprocessor.fromJson("[{\"type\":\"resample\",\"fs\":100}]").apply(s);
        assertThat(r.samplingFrequency()).isEqualTo(100);
        assertThat(r.length()).isEqualTo(1000);
        assertThat(r.leadNames()).containsExactly("I", "II");
        assertThat(r.samples()[1][500]).isCloseTo(Math.sin(2 * Math.PI * 7 * 5 + 0.4), within(1e-4));
    }

    private static double[] sampled(double f, double fs, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(2 * Math.PI * f * i / fs + 0.4);
        }
        return x;
    }

    private static double interiorPeak(double[] y, int fs) {
        double peak = 0;
        for (int j = fs / 2; j < y.length - fs / 2; j++) {
            peak = Math.max(peak, Math.abs(y[j]));
        }
        return peak;
    }
}
