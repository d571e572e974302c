package org.ecgchat.io.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ZeroPhaseFilterTest {

    private static final double FS = 500;

    @Test
    void secondOrderLowPassAtAQuarterOfTheRateHasTheTextbookCoefficients() {
        // bilinear Butterworth with K = tan(π/4) = 1: b = [1, 2, 1] / (2 + √2), a2 = (2 − √2) / (2 + √2)
        double[] s = Butterworth.lowPass(2, 25, 100).sections()[0];
        double d = 2 + Math.sqrt(2);
        assertThat(s[0]).isCloseTo(1 / d, within(1e-15));
        assertThat(s[1]).isCloseTo(2 / d, within(1e-15));
        assertThat(s[2]).isCloseTo(1 / d, within(1e-15));
        assertThat(s[4]).isCloseTo(0, within(1e-15));
        assertThat(s[5]).isCloseTo((2 - Math.sqrt(2)) / d, within(1e-15));
    }

    @Test
    void butterworthMagnitudesFollowTheBilinearButterworthFormula() {
        for (int order : new int[] {1, 2, 5, 8}) {
            SecondOrderSections lp = Butterworth.lowPass(order, 40, FS);
            SecondOrderSections hp = Butterworth.highPass(order, 0.5, FS);
            SecondOrderSections bp = Butterworth.bandPass(order, 0.5, 40, FS);
            double wl = 4 * Math.tan(Math.PI * 0.5 / FS), wh = 4 * Math.tan(Math.PI * 40 / FS);
            for (double f : new double[] {0.05, 0.3, 0.5, 1, 10, 39, 40, 41, 60, 100, 240}) {
                double w = 4 * Math.tan(Math.PI * f / FS);
                assertThat(lp.magnitude(f, FS)).as("LP order %d at %s Hz", order, f)
                        .isCloseTo(1 / Math.sqrt(1 + Math.pow(w / wh, 2 * order)), within(1e-9));
                assertThat(hp.magnitude(f, FS)).as("HP order %d at %s Hz", order, f)
                        .isCloseTo(1 / Math.sqrt(1 + Math.pow(wl / w, 2 * order)), within(1e-9));
                double q = (w * w - wl * wh) / (w * (wh - wl));
                assertThat(bp.magnitude(f, FS)).as("BP order %d at %s Hz", order, f)
                        .isCloseTo(1 / Math.sqrt(1 + Math.pow(q, 2 * order)), within(1e-9));
            }
        }
    }

    @Test
    void forwardBackwardFilteringSquaresTheMagnitudeWithZeroPhase() {
        SecondOrderSections lp = Butterworth.lowPass(4, 40, FS);
        for (double f : new double[] {5, 30, 40, 45}) {
            double[] x = tone(f, 0.3, 10 * (int) FS);
            double[] y = lp.filtfilt(x);
            double gain = Math.pow(lp.magnitude(f, FS), 2);
            // away from the edges the output is the same cosine scaled by |H|², not shifted at all
            for (int n = 1000; n < 4000; n++) {
                assertThat(y[n]).as("sample %d at %s Hz", n, f).isCloseTo(gain * x[n], within(1e-9));
            }
        }
    }

    @Test
    void constantsAndLinesPassALowPassUnchangedAndAHighPassRemovesConstants() {
        double[] c = new double[2000];
        java.util.Arrays.fill(c, 1.75);
        double[] lp = Butterworth.lowPass(5, 40, FS).filtfilt(c);
        double[] hp = Butterworth.highPass(5, 0.5, FS).filtfilt(c);
        for (int n = 0; n < c.length; n++) {
            assertThat(lp[n]).isCloseTo(1.75, within(1e-12));
            assertThat(hp[n]).isCloseTo(0, within(1e-12));
        }
        double[] line = new double[3000];
        for (int n = 0; n < line.length; n++) {
            line[n] = 0.01 * n - 3;
        }
        double[] y = Butterworth.lowPass(3, 25, FS).filtfilt(line);
        for (int n = 500; n < 2500; n++) {
            assertThat(y[n]).isCloseTo(line[n], within(1e-9));
        }
    }

    @Test
    void notchRemovesPowerLineHumAndKeepsTheEcgBand() {
        SecondOrderSections notch = SecondOrderSections.notch(50, 30, FS);
        assertThat(notch.magnitude(50, FS)).isCloseTo(0, within(1e-12));
        assertThat(notch.magnitude(50 + 50 / 30.0 / 2, FS)).isCloseTo(Math.sqrt(0.5), within(5e-3));
        double[] hum = tone(50, 0, 5000), ecgBand = tone(10, 0, 5000);
        double[] y = new Notch(50, 30.0).apply(new EcgSignal(new double[][] {hum, ecgBand}, FS)).samples()[0];
        double[] z = new Notch(50, 30.0).apply(new EcgSignal(new double[][] {ecgBand}, FS)).samples()[0];
        for (int n = 1500; n < 3500; n++) {
            assertThat(Math.abs(y[n])).isLessThan(1e-4); // ≥ 80 dB down
            assertThat(z[n]).isCloseTo(ecgBand[n], within(2e-3));
        }
    }

    @Test
    void filterStepsReadFromJsonAndRejectImpossibleEdges() {
        Preprocessor p = Preprocessor.fromJson("[{\"type\":\"highpass\",\"cutoff\":0.5},"
                + "{\"type\":\"lowpass\",\"cutoff\":40,\"order\":4},{\"type\":\"bandpass\",\"low\":1,\"high\":30},"
                + "{\"type\":\"notch\",\"frequency\":60}]");
        assertThat(p.steps()).containsExactly(new HighPass(0.5, 5), new LowPass(40, 4), new BandPass(1, 30, 3),
                new Notch(60, 30));
        assertThat(Preprocessor.fromJson(p.toJson())).isEqualTo(p);
        EcgSignal s = new EcgSignal(new double[][] {tone(5, 0, 1000)}, 100);
        assertThatThrownBy(() -> new LowPass(60, 4).apply(s)).hasMessageContaining("Nyquist frequency 50.0 Hz");
        assertThatThrownBy(() -> new HighPass(0.5, 0)).hasMessageContaining("order");
        assertThatThrownBy(() -> new BandPass(40, 1, 3)).hasMessageContaining("low must be below high");
        EcgSignal tooShort = new EcgSignal(new double[][] {{1, 2, 3, 4, 5}}, 500, List.of("II"));
        assertThatThrownBy(() -> new HighPass(0.5, 5).apply(tooShort)).hasMessageContaining("too short");
    }

    @Test
    void transferFunctionFiltfiltOfAMovingAverageIsATriangle() {
        // forward-backward 3-tap mean = 5-tap triangle [1 2 3 2 1] / 9 in the interior
        TransferFunction ma = new TransferFunction(new double[] {1, 1, 1}, new double[] {3});
        double[] x = new double[40];
        x[20] = 9;
        double[] y = ma.filtfilt(x);
        assertThat(java.util.Arrays.copyOfRange(y, 17, 24)).containsExactly(
                new double[] {0, 1, 2, 3, 2, 1, 0}, within(1e-12));
    }

    @Test
    void causalFilteringStartsFromRestAndSectionsMatchTheirTransferFunction() {
        TransferFunction ma = new TransferFunction(new double[] {1, 1, 1}, new double[] {3});
        assertThat(ma.filter(new double[] {3, 3, 3, 3})).containsExactly(new double[] {1, 2, 3, 3}, within(1e-15));
        double[] s = Butterworth.lowPass(2, 40, FS).sections()[0];
        TransferFunction biquad = new TransferFunction(new double[] {s[0], s[1], s[2]}, new double[] {1, s[4], s[5]});
        double[] x = tone(7, 0.3, 300);
        assertThat(Butterworth.lowPass(2, 40, FS).filter(x)).containsExactly(biquad.filter(x), within(1e-12));
    }

    static double[] tone(double f, double phase, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.cos(2 * Math.PI * f * i / FS + phase);
        }
        return x;
    }
}
