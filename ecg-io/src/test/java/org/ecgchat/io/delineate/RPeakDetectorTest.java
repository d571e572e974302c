package org.ecgchat.io.delineate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RPeakDetectorTest {

    @Test
    void findsEveryRPeakOfARegularRhythmWithin10Ms() {
        for (double fs : new double[] {250, 360, 500, 1000}) {
            PiecewiseEcg ecg = new PiecewiseEcg(fs, 10, new double[] {0.8, 0.85, 0.75}, PiecewiseEcg.Shape.normal(),
                    0.01, 1);
            int[] peaks = RPeakDetector.detect(EcgCleaner.clean(ecg.samples, fs), fs);
            assertThat(peaks).as("%s Hz", fs).hasSize(ecg.truth.size());
            for (int i = 0; i < peaks.length; i++) {
                assertThat(Math.abs(peaks[i] - ecg.truth.get(i).rPeak()) * 1000 / fs).as("beat %d at %s Hz", i, fs)
                        .isLessThanOrEqualTo(10);
            }
        }
    }

    @Test
    void tallTWavesAreNotCountedAsBeats() {
        PiecewiseEcg.Shape tallT = new PiecewiseEcg.Shape(0.1, 0.1, 0.06, 0, 0.02, 0.5, 0.04, -0.6, 0.03, 0.06,
                0.9, 0.16);
        PiecewiseEcg ecg = new PiecewiseEcg(500, 10, new double[] {1.3}, tallT, 0.01, 2);
        int[] peaks = RPeakDetector.detect(EcgCleaner.clean(ecg.samples, 500), 500);
        assertThat(peaks).hasSize(ecg.truth.size());
    }

    @Test
    void entirelyNegativeComplexesAreDetected() {
        PiecewiseEcg.Shape qs = new PiecewiseEcg.Shape(0.1, 0.1, 0.06, 0, 0.02, -1.2, 0.06, 0, 0.02, 0.1, -0.2, 0.16);
        PiecewiseEcg ecg = new PiecewiseEcg(360, 10, new double[] {0.9}, qs, 0.005, 3);
        int[] peaks = RPeakDetector.detect(EcgCleaner.clean(ecg.samples, 360), 360);
        assertThat(peaks).hasSize(ecg.truth.size());
        for (int i = 0; i < peaks.length; i++) {
            assertThat(Math.abs(peaks[i] - ecg.truth.get(i).rPeak())).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void aPWaveNearlyAsLargeAsALowVoltageQrsIsNotTakenForTheBeat() {
        // P 0.15 mV over 80 ms before a 0.3 mV R: the P's gradient stretch comes first and is long
        PiecewiseEcg.Shape lowVoltage = new PiecewiseEcg.Shape(0.15, 0.08, 0.04, -0.03, 0.02, 0.3, 0.035, -0.08, 0.025,
                0.1, 0.12, 0.16);
        PiecewiseEcg ecg = new PiecewiseEcg(500, 10, new double[] {0.85}, lowVoltage, 0.005, 5);
        int[] peaks = RPeakDetector.detect(EcgCleaner.clean(ecg.samples, 500), 500);
        assertThat(peaks).hasSize(ecg.truth.size());
        for (int i = 0; i < peaks.length; i++) {
            assertThat(Math.abs(peaks[i] - ecg.truth.get(i).rPeak()) * 1000 / 500.0).as("beat %d", i)
                    .isLessThanOrEqualTo(10);
        }
    }

    @Test
    void aPWaveWhoseQrsIsCutOffByTheEndOfTheRecordIsNoBeat() {
        PiecewiseEcg.Shape shape = new PiecewiseEcg.Shape(0.1, 0.1, 0.06, -0.03, 0.02, 0.5, 0.04, -0.08, 0.025, 0.1,
                0.3, 0.16);
        PiecewiseEcg ecg = new PiecewiseEcg(500, 11, new double[] {0.9}, shape, 0.005, 4);
        Beat last = ecg.truth.get(ecg.truth.size() - 1);
        double[] lead = Arrays.copyOf(ecg.samples, last.qrsOnset() - 2);
        int[] peaks = RPeakDetector.detect(EcgCleaner.clean(lead, 500), 500);
        assertThat(peaks).hasSize(ecg.truth.size() - 1);
        assertThat(peaks[peaks.length - 1]).isEqualTo(ecg.truth.get(ecg.truth.size() - 2).rPeak());
    }

    @Test
    void aFlatLineHasNoBeatsAndATooShortLeadIsRejected() {
        assertThat(RPeakDetector.detect(new double[5000], 500)).isEmpty();
        assertThatThrownBy(() -> RPeakDetector.detect(new double[100], 500)).hasMessageContaining("750");
    }

    @Test
    void boxcarIsTheCentredMovingAverageWithRepeatedEdges() {
        double[] x = {1, 2, 3, 4, 5, 6};
        // size 2 averages x[i-1] and x[i]; size 3 averages x[i-1..i+1]
        assertThat(RPeakDetector.boxcar(x, 2)).containsExactly(1, 1.5, 2.5, 3.5, 4.5, 5.5);
        assertThat(RPeakDetector.boxcar(x, 3)).containsExactly(4 / 3.0, 2, 3, 4, 5, 17 / 3.0);
    }
}
