package org.ecgchat.io.delineate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaveformFeaturesTest {

    private static final int NO = Beat.ABSENT;

    @Test
    void rendersExactlyTheOriginalText() {
        assertThat(new WaveformFeatures(934, 153, 154, 472, 488, 2336, 2419, 2384).render())
                .isEqualTo(" RR: 934 PR: 153 QRS: 154 QT/QTc: 472/488 P/R/T Wave: 2336/2419/2384");
        assertThat(WaveformFeatures.NONE.render()).isEqualTo(" RR: 0 PR: 0 QRS: 0 QT/QTc: 0/0 P/R/T Wave: 0/0/0");
    }

    @Test
    void usesTheOriginalDefinitionsAndSkipsBeatsMissingAPoint() {
        // at 500 Hz: PR = Q − P onset = 75 samples, QRS = S − Q = 30, QT = T offset − QRS onset = 330,
        // RR = 500; the third beat has no P (no PR) and no Q (its QRS runs from the onset: 35 samples)
        List<Beat> beats = List.of(
                new Beat(100, 125, 150, 170, 175, 190, 205, 215, 300, 400, 500),
                new Beat(600, 625, 650, 670, 675, 690, 705, 715, 800, 900, 1000),
                new Beat(NO, NO, NO, 1170, NO, 1190, 1205, 1215, 1300, 1400, 1500));
        WaveformFeatures f = WaveformFeatures.of(new Delineation(500, beats));
        // P/R/T Wave are mean sample indices: (125+625)/2, (190+690+1190)/3, (400+900+1400)/3
        assertThat(f).isEqualTo(new WaveformFeatures(1000, 150, 63, 660, 660, 375, 690, 900));
    }

    @Test
    void truncatesLikePythonsIntOfTheMeanTimes1000() {
        // 201 samples at 200 Hz = 1.005 s, and 1.005 × 1000 = 1004.9999999999999 in binary floating point
        List<Beat> beats = List.of(beat(0), beat(201));
        assertThat(WaveformFeatures.of(new Delineation(200, beats)).rr()).isEqualTo(1004);
    }

    @Test
    void averagesWithNumpysPairwiseSummation() {
        // ten RR intervals of 0.1 s: a running sum gives 0.9999999999999999 (→ 99 ms), numpy's pairwise sum 1.0
        List<Beat> beats = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            beats.add(beat(50 * i));
        }
        assertThat(WaveformFeatures.of(new Delineation(500, beats)).rr()).isEqualTo(100);
        double[] tenths = new double[10];
        java.util.Arrays.fill(tenths, 0.1);
        assertThat(WaveformFeatures.pairwiseSum(tenths, 0, 10)).isEqualTo(1.0);
        double running = 0;
        for (double v : tenths) {
            running += v;
        }
        assertThat(running).isEqualTo(0.9999999999999999);
    }

    @Test
    void pairwiseSumSplitsLongArraysInHalvesOfWholeBlocks() {
        double[] ones = new double[1000];
        java.util.Arrays.fill(ones, 1);
        assertThat(WaveformFeatures.pairwiseSum(ones, 0, 1000)).isEqualTo(1000);
        double[] ramp = new double[300];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i;
        }
        assertThat(WaveformFeatures.pairwiseSum(ramp, 0, 300)).isEqualTo(300 * 299 / 2.0);
    }

    @Test
    void missingWavesGiveZeroAndASingleBeatHasNoQtc() {
        WaveformFeatures f = WaveformFeatures.of(new Delineation(500, List.of(beat(1234))));
        assertThat(f).isEqualTo(new WaveformFeatures(0, 0, 0, 0, 0, 0, 1234, 0));
        assertThat(WaveformFeatures.of(new Delineation(500, List.of()))).isEqualTo(WaveformFeatures.NONE);
        assertThat(WaveformFeatures.of(new double[5000], 500)).isEqualTo(WaveformFeatures.NONE);
    }

    @Test
    void ofALeadRunsThePipelineAndCleansInvalidSamples() {
        PiecewiseEcg ecg = new PiecewiseEcg(500, 10, new double[] {0.8}, PiecewiseEcg.Shape.normal(), 0.01, 5);
        double[] lead = ecg.samples.clone();
        lead[10] = Double.NaN;
        WaveformFeatures f = WaveformFeatures.of(lead, 500);
        assertThat(f.rr()).isBetween(795, 805);
        // the original's PR runs from P onset to the Q peak (160 + 10 ms here), its QRS from the Q to
        // the S peak (10 and 77.5 ms into the complex: 67.5 ms)
        assertThat(f.pr()).isBetween(160, 180);
        assertThat(f.qrs()).isBetween(60, 75);
        assertThat(f.qt()).isBetween(338, 362); // 90 ms QRS + 100 ms ST + 160 ms T
        assertThat(f.qtc()).isCloseTo((int) (f.qt() / Math.sqrt(f.rr() / 1000.0)), org.assertj.core.api.Assertions.within(2));
    }

    @Test
    void jsonUsesTheOriginalColumnNames() throws Exception {
        String json = new ObjectMapper().writeValueAsString(new WaveformFeatures(1, 2, 3, 4, 5, 6, 7, 8));
        assertThat(json).isEqualTo("{\"RR_Interval\":1,\"PR_Interval\":2,\"QRS_Complex\":3,\"QT_Interval\":4,"
                + "\"QTc_Interval\":5,\"P_Wave_Peak\":6,\"R_Wave_Peak\":7,\"T_Wave_Peak\":8}");
        assertThat(new ObjectMapper().readValue(json, WaveformFeatures.class))
                .isEqualTo(new WaveformFeatures(1, 2, 3, 4, 5, 6, 7, 8));
    }

    private static Beat beat(int r) {
        return new Beat(NO, NO, NO, NO, NO, r, NO, NO, NO, NO, NO);
    }
}
