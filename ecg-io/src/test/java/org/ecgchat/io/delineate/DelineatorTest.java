package org.ecgchat.io.delineate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class DelineatorTest {

    private static final List<String> NAMES = List.of("P onset", "P peak", "P offset", "QRS onset", "R peak",
            "QRS offset", "T onset", "T peak", "T offset");
    private static final List<ToIntFunction<Beat>> POINTS = List.of(Beat::pOnset, Beat::pPeak, Beat::pOffset,
            Beat::qrsOnset, Beat::rPeak, Beat::qrsOffset, Beat::tOnset, Beat::tPeak, Beat::tOffset);

    @Test
    void recoversKnownBoundariesWithin10MsAtEveryRate() {
        for (double fs : new double[] {100, 250, 257, 360, 500, 1000}) {
            PiecewiseEcg ecg = new PiecewiseEcg(fs, 10, new double[] {0.82, 0.9, 0.78}, PiecewiseEcg.Shape.normal(),
                    0.01, 7);
            Delineation d = Delineator.delineate(ecg.samples, fs);
            assertThat(d.beats()).as("%s Hz", fs).hasSize(ecg.truth.size());
            // 10 ms; below 500 Hz plus one sample, since truth and result are both whole samples
            double tolerance = fs >= 500 ? 10 : 10 + 1000 / fs;
            for (int i = 1; i < ecg.truth.size() - 1; i++) { // edge beats may be cut by the filters
                Beat got = d.beats().get(i), want = ecg.truth.get(i);
                for (int k = 0; k < POINTS.size(); k++) {
                    int g = POINTS.get(k).applyAsInt(got), w = POINTS.get(k).applyAsInt(want);
                    assertThat(g).as("%s of beat %d at %s Hz", NAMES.get(k), i, fs).isNotEqualTo(Beat.ABSENT);
                    assertThat(Math.abs(g - w) * 1000 / fs).as("%s of beat %d at %s Hz (got %d, want %d)",
                            NAMES.get(k), i, fs, g, w).isLessThanOrEqualTo(tolerance);
                }
            }
        }
    }

    @Test
    void intervalsOfFirstDegreeAvBlockAndWideQrsAreRecovered() {
        PiecewiseEcg.Shape block = new PiecewiseEcg.Shape(0.15, 0.11, 0.22, -0.1, 0.03, 1.0, 0.07, -0.4, 0.05, 0.08,
                0.3, 0.18);
        PiecewiseEcg ecg = new PiecewiseEcg(500, 10, new double[] {1.1}, block, 0.01, 9);
        Delineation d = Delineator.delineate(ecg.samples, 500);
        for (int i = 1; i < ecg.truth.size() - 1; i++) {
            Beat got = d.beats().get(i), want = ecg.truth.get(i);
            assertThat(got.prIntervalMs(500)).isCloseTo(want.prIntervalMs(500), org.assertj.core.api.Assertions.within(10.0));
            assertThat(got.qrsDurationMs(500)).isCloseTo(want.qrsDurationMs(500), org.assertj.core.api.Assertions.within(10.0));
            assertThat(got.qtIntervalMs(500)).isCloseTo(want.qtIntervalMs(500), org.assertj.core.api.Assertions.within(10.0));
        }
    }

    @Test
    void qAndSAreTheNegativeDeflectionsAroundR() {
        PiecewiseEcg ecg = new PiecewiseEcg(500, 10, new double[] {0.9}, PiecewiseEcg.Shape.normal(), 0.005, 11);
        Beat b = Delineator.delineate(ecg.samples, 500).beats().get(3);
        Beat want = ecg.truth.get(3);
        assertThat(Math.abs(b.qPeak() - want.qPeak())).isLessThanOrEqualTo(3);
        assertThat(Math.abs(b.sPeak() - want.sPeak())).isLessThanOrEqualTo(3);
        PiecewiseEcg.Shape noQ = new PiecewiseEcg.Shape(0.15, 0.1, 0.06, 0, 0.02, 1.2, 0.05, -0.3, 0.03, 0.1, 0.3, 0.16);
        PiecewiseEcg rs = new PiecewiseEcg(500, 10, new double[] {0.9}, noQ, 0.005, 12);
        assertThat(Delineator.delineate(rs.samples, 500).beats().get(3).qPeak()).isEqualTo(Beat.ABSENT);
    }

    @Test
    void rPeaksMustLieInsideTheLeadInOrder() {
        double[] lead = new double[1000];
        assertThatThrownBy(() -> Delineator.delineate(lead, 500, new int[] {10, 5}))
                .hasMessageContaining("R peak 1 at sample 5");
        assertThatThrownBy(() -> Delineator.delineate(lead, 500, new int[] {1000}))
                .hasMessageContaining("outside the lead of 1000 samples");
        assertThat(Delineator.delineate(lead, 500, new int[0]).beats()).isEmpty();
    }
}
