package org.ecgchat.io.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Specifications of the generator: determinism, lead identities, and for every condition the
 * property that defines it, measured on the generated signal itself (not on the model's
 * parameters), over many seeds.
 */
class SyntheticEcgGeneratorTest {

    private static final int SEEDS = 25;
    private static final SyntheticEcgGenerator CLEAN = new SyntheticEcgGenerator(SynthConfig.DEFAULT);
    private static final SyntheticEcgGenerator NOISY =
            new SyntheticEcgGenerator(SynthConfig.DEFAULT.withNoise(new NoiseLevels(0.2, 0.05, 60, 0.03)));

    private static void forSeeds(String conditions, Consumer<SyntheticEcg> check) {
        Diagnosis dx = Diagnosis.parse(conditions);
        for (int seed = 0; seed < SEEDS; seed++) {
            SyntheticEcg ecg = CLEAN.generate(dx, new SplittableRandom(seed));
            try {
                check.accept(ecg);
            } catch (AssertionError e) {
                throw new AssertionError(conditions + " seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }

    // ---- determinism and shape

    @Test
    void sameSeedGivesBitIdenticalRecordsAndAnotherSeedDoesNot() {
        Diagnosis dx = Diagnosis.parse("AFIB,PVC");
        SyntheticEcg a = NOISY.generate(dx, new SplittableRandom(42));
        SyntheticEcg b = NOISY.generate(dx, new SplittableRandom(42));
        SyntheticEcg c = NOISY.generate(dx, new SplittableRandom(43));
        assertThat(Arrays.deepEquals(a.signals(), b.signals())).isTrue();
        assertThat(a.beats()).isEqualTo(b.beats());
        assertThat(a.measurements()).isEqualTo(b.measurements());
        assertThat(a.report()).isEqualTo(b.report());
        assertThat(Arrays.deepEquals(a.signals(), c.signals())).isFalse();
    }

    @Test
    void recordsAre12Leads500Hz10Seconds() {
        SyntheticEcg ecg = CLEAN.generate(Diagnosis.parse("SR"), new SplittableRandom(1));
        assertThat(ecg.leadNames()).containsExactly("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6");
        assertThat(ecg.signals()).hasDimensions(12, 5000);
        assertThat(ecg.samplingFrequency()).isEqualTo(500);
        assertThat(ecg.duration()).isEqualTo(10);
        SyntheticEcg at250 = new SyntheticEcgGenerator(new SynthConfig(250, 8, NoiseLevels.NONE))
                .generate(Diagnosis.parse("SR"), new SplittableRandom(1));
        assertThat(at250.signals()).hasDimensions(12, 2000);
    }

    @Test
    void configurationsThatCannotWorkAreRefused() {
        assertThatThrownBy(() -> new SynthConfig(500, 2, NoiseLevels.NONE))
                .hasMessageContaining("duration must lie in [4, 600.0] s, got 2.0");
        assertThatThrownBy(
                () -> new SyntheticEcgGenerator(new SynthConfig(100, 10, new NoiseLevels(0, 0.1, 60, 0))))
                .hasMessageContaining("powerline at 60.0 Hz cannot be sampled at 100.0 Hz");
        assertThatThrownBy(() -> new NoiseLevels(-1, 0, 50, 0))
                .hasMessageContaining("baseline wander noise must be a finite amplitude >= 0 mV, got -1.0");
    }

    // ---- physiological consistency of the leads

    @Test
    void einthovenAndGoldbergerIdentitiesHoldOnNoisyRecords() {
        SyntheticEcg ecg = NOISY.generate(Diagnosis.parse("SR,RBBB,PVC"), new SplittableRandom(5));
        double[] i = ecg.lead("I"), ii = ecg.lead("II");
        for (int n = 0; n < ecg.length(); n++) {
            assertThat(ecg.lead("III")[n]).isEqualTo(ii[n] - i[n]);
            assertThat(ecg.lead("aVR")[n]).isEqualTo(-(i[n] + ii[n]) / 2);
            assertThat(ecg.lead("aVL")[n]).isEqualTo(i[n] - ii[n] / 2);
            assertThat(ecg.lead("aVF")[n]).isEqualTo(ii[n] - i[n] / 2);
            // the augmented leads sum to zero, as their definition on the electrodes implies
            assertThat(ecg.lead("aVR")[n] + ecg.lead("aVL")[n] + ecg.lead("aVF")[n]).isCloseTo(0, within(1e-12));
        }
    }

    @Test
    void allLeadsAreProjectionsOfOneCardiacDipole() {
        // Dower coefficients, written out independently of LeadField: recover the dipole from
        // I, V2 and V6, then predict the five other independent leads from it.
        double[][] dower = {
            {0.632, -0.235, 0.059}, {0.235, 1.066, -0.132}, {-0.515, 0.157, -0.917}, {0.044, 0.164, -1.387},
            {0.882, 0.098, -1.277}, {1.213, 0.127, -0.601}, {1.125, 0.127, -0.086}, {0.831, 0.076, 0.230},
        };
        String[] names = {"I", "II", "V1", "V2", "V3", "V4", "V5", "V6"};
        double[][] m = {dower[0], dower[3], dower[7]};
        double[][] inv = invert3(m);
        SyntheticEcg ecg = CLEAN.generate(Diagnosis.parse("SR,LBBB"), new SplittableRandom(9));
        double energy = 0;
        for (int n = 0; n < ecg.length(); n++) {
            double[] leads = {ecg.lead("I")[n], ecg.lead("V2")[n], ecg.lead("V6")[n]};
            double[] d = new double[3];
            for (int r = 0; r < 3; r++) {
                d[r] = inv[r][0] * leads[0] + inv[r][1] * leads[1] + inv[r][2] * leads[2];
            }
            for (int l = 0; l < 8; l++) {
                double predicted = dower[l][0] * d[0] + dower[l][1] * d[1] + dower[l][2] * d[2];
                assertThat(ecg.lead(names[l])[n]).isCloseTo(predicted, within(1e-9));
            }
            energy += Math.abs(d[0]) + Math.abs(d[1]) + Math.abs(d[2]);
        }
        assertThat(energy).isGreaterThan(100); // the dipole is not trivially zero
    }

    private static double[][] invert3(double[][] a) {
        double det = a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int i1 = (j + 1) % 3, i2 = (j + 2) % 3, j1 = (i + 1) % 3, j2 = (i + 2) % 3;
                r[i][j] = (a[i1][j1] * a[i2][j2] - a[i1][j2] * a[i2][j1]) / det;
            }
        }
        return r;
    }

    // ---- ground truth is the truth of the signal

    @Test
    void fiducialsAreTheEdgesOfTheWaves() {
        forSeeds("SR", ecg -> {
            double fs = ecg.samplingFrequency();
            List<BeatAnnotation> beats = ecg.beats();
            for (int k = 0; k + 1 < beats.size(); k++) {
                BeatAnnotation b = beats.get(k), next = beats.get(k + 1);
                // every lead is exactly isoelectric from the end of T to the next P wave
                for (long n = (long) Math.ceil(b.tEnd() * fs) + 1; n < (long) Math.floor(next.pOnset() * fs); n++) {
                    if (n >= 0 && n < ecg.length()) {
                        for (double[] lead : ecg.signals()) {
                            assertThat(lead[(int) n]).isZero();
                        }
                    }
                }
                // ... and so is the PR segment between P end and QRS onset
                for (long n = (long) Math.ceil(b.pEnd() * fs) + 1; n < (long) Math.floor(b.qrsOnset() * fs); n++) {
                    if (n >= 0) {
                        assertThat(Math.abs(ecg.lead("V5")[(int) n])).isZero();
                    }
                }
                // while the waves themselves leave the baseline within 4 ms of their onsets
                assertThat(activity(ecg, b.pOnset() + 0.004)).isGreaterThan(1e-4);
                assertThat(activity(ecg, b.qrsOnset() + 0.004)).isGreaterThan(1e-3);
                assertThat(activity(ecg, b.tEnd() - 0.004)).isGreaterThan(1e-4);
                assertThat(b.pOnset()).isLessThan(b.pPeak()).isLessThan(b.pEnd()).isLessThan(b.qrsOnset());
                assertThat(b.qrsOnset()).isLessThan(b.rPeak()).isLessThan(b.qrsEnd()).isLessThan(b.tPeak()).isLessThan(b.tEnd());
            }
        });
    }

    /** Sum of |lead| over all leads at the sample nearest to t (s). */
    private static double activity(SyntheticEcg ecg, double t) {
        int n = (int) Math.round(t * ecg.samplingFrequency());
        double s = 0;
        if (n >= 0 && n < ecg.length()) {
            for (double[] lead : ecg.signals()) {
                s += Math.abs(lead[n]);
            }
        }
        return n < 0 || n >= ecg.length() ? 1 : s;
    }

    @Test
    void measurementsSummariseTheBeats() {
        forSeeds("SR,1AVB", ecg -> {
            EcgMeasurements m = ecg.measurements();
            List<BeatAnnotation> beats = ecg.beats();
            double rr = (beats.get(beats.size() - 1).qrsOnset() - beats.get(0).qrsOnset()) / (beats.size() - 1);
            // the first beat's RR reaches back before the record, so allow one beat of difference
            assertThat(m.rr()).isCloseTo(rr * 1000, within(0.1 * rr * 1000));
            assertThat(m.pr()).isCloseTo(beats.stream().mapToDouble(BeatAnnotation::prInterval).average().orElseThrow() * 1000,
                    within(1e-9));
            assertThat(m.qtc()).isCloseTo(m.qt() / Math.sqrt(m.rr() / 1000), within(1e-9));
            assertThat(m.heartRate()).isCloseTo(60000 / m.rr(), within(1e-9));
        });
    }

    // ---- rhythms

    @Test
    void normalSinusRhythmIsRegularWithNormalRateAndIntervals() {
        forSeeds("SR", ecg -> {
            EcgMeasurements m = ecg.measurements();
            assertThat(m.heartRate()).isBetween(60.0, 100.0);
            assertThat(rmssdOverMean(ecg)).isLessThan(0.06);
            assertThat(ecg.beats()).allMatch(BeatAnnotation::hasPWave);
            assertThat(m.pr()).isBetween(120.0, 200.0);
            assertThat(m.qrs()).isBetween(70.0, 110.0);
            assertThat(m.qtc()).isBetween(360.0, 470.0);
            assertThat(m.qrsAxis()).isBetween(-30.0, 100.0);
            for (BeatAnnotation b : ecg.beats()) {
                assertThat((b.pEnd() - b.pOnset()) * 1000).isBetween(80.0, 120.0);
            }
            assertThat(ecg.report()).isEqualTo("sinus rhythm. normal ecg.");
        });
    }

    @Test
    void bradycardiaIsSlowerThan60AndTachycardiaFasterThan100() {
        forSeeds("SBRAD", ecg -> {
            assertThat(ecg.measurements().heartRate()).isBetween(38.0, 60.0);
            assertThat(ecg.report()).startsWith("sinus bradycardia.");
        });
        forSeeds("STACH", ecg -> {
            assertThat(ecg.measurements().heartRate()).isBetween(100.0, 150.0);
            assertThat(ecg.report()).startsWith("sinus tachycardia.");
        });
    }

    @Test
    void atrialFibrillationIsIrregularWithoutPWavesAndWithFibrillatoryWaves() {
        forSeeds("AFIB", ecg -> {
            assertThat(ecg.beats()).noneMatch(BeatAnnotation::hasPWave);
            assertThat(rmssdOverMean(ecg)).isGreaterThan(0.1);
            assertThat(Double.isNaN(ecg.measurements().pr())).isTrue();
            // f waves: V1 is never flat between T end and the next QRS
            List<BeatAnnotation> beats = ecg.beats();
            double fs = ecg.samplingFrequency();
            double[] v1 = ecg.lead("V1");
            for (int k = 0; k + 1 < beats.size(); k++) {
                int from = (int) Math.ceil(beats.get(k).tEnd() * fs) + 1;
                int to = (int) Math.floor(beats.get(k + 1).qrsOnset() * fs) - 1;
                if (to - from >= 100) { // at least one f wave cycle
                    assertThat(stdev(Arrays.copyOfRange(v1, from, to))).isGreaterThan(0.01);
                }
            }
            assertThat(ecg.report()).startsWith("atrial fibrillation");
        });
        forSeeds("SR", ecg -> assertThat(rmssdOverMean(ecg)).isLessThan(0.06));
    }

    private static double rmssdOverMean(SyntheticEcg ecg) {
        List<Double> rr = new ArrayList<>();
        for (int k = 1; k < ecg.beats().size(); k++) {
            rr.add(ecg.beats().get(k).qrsOnset() - ecg.beats().get(k - 1).qrsOnset());
        }
        double sum = 0, mean = rr.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        for (int k = 1; k < rr.size(); k++) {
            sum += Math.pow(rr.get(k) - rr.get(k - 1), 2);
        }
        return Math.sqrt(sum / (rr.size() - 1)) / mean;
    }

    // ---- conduction

    @Test
    void firstDegreeAvBlockProlongsEveryPrBeyond200Ms() {
        forSeeds("1AVB", ecg -> {
            for (BeatAnnotation b : ecg.beats()) {
                assertThat(b.prInterval() * 1000).isBetween(210.0, 320.0);
            }
            assertThat(ecg.report()).contains("first degree av block");
        });
    }

    @Test
    void leftBundleBranchBlockIsWideNegativeInV1BroadPositiveInIAndV6WithDiscordantT() {
        forSeeds("LBBB", ecg -> {
            assertThat(ecg.measurements().qrs()).isGreaterThanOrEqualTo(120);
            for (BeatAnnotation b : dominantBeats(ecg)) {
                double[] v1 = qrs(ecg, "V1", b);
                assertThat(max(Arrays.copyOf(v1, (int) (0.4 * v1.length)))).as("no more than a tiny r in V1").isLessThan(0.1);
                assertThat(min(v1)).as("deep QS/rS in V1").isLessThan(-0.5);
                for (String lead : List.of("I", "V6")) {
                    double[] x = qrs(ecg, lead, b);
                    assertThat(min(Arrays.copyOf(x, x.length / 3))).as("no septal q in " + lead).isGreaterThan(-0.05);
                    assertThat(positiveSeconds(x, ecg.samplingFrequency())).as("broad R in " + lead).isGreaterThan(0.06);
                    assertThat(value(ecg, lead, b.tPeak())).as("T opposite to the QRS in " + lead).isLessThan(0);
                }
            }
            assertThat(ecg.report()).contains("left bundle branch block");
        });
    }

    @Test
    void rightBundleBranchBlockIsWideWithLateRInV1AndWideSInIAndV6() {
        forSeeds("RBBB", ecg -> {
            assertThat(ecg.measurements().qrs()).isGreaterThanOrEqualTo(120);
            for (BeatAnnotation b : dominantBeats(ecg)) {
                double[] v1 = qrs(ecg, "V1", b);
                double[] late = Arrays.copyOfRange(v1, (int) (0.6 * v1.length), v1.length);
                assertThat(max(late)).as("terminal R' in V1").isGreaterThan(0.2);
                assertThat(max(late)).as("R' taller than the initial r").isGreaterThan(max(Arrays.copyOf(v1, v1.length / 4)));
                for (String lead : List.of("I", "V6")) {
                    double[] x = qrs(ecg, lead, b);
                    assertThat(min(Arrays.copyOfRange(x, (int) (0.6 * x.length), x.length))).as("wide S in " + lead)
                            .isLessThan(-0.1);
                }
                assertThat(value(ecg, "V1", b.tPeak())).as("T inverted in V1").isLessThan(0);
            }
            assertThat(ecg.report()).contains("right bundle branch block");
        });
        forSeeds("SR", ecg -> assertThat(ecg.measurements().qrs()).isLessThan(110));
    }

    // ---- ST segment

    @Test
    void stElevationRaisesTheStSegmentAtJPlus60AndStDepressionLowersIt() {
        forSeeds("STE", ecg -> {
            assertThat(maxSt(ecg)).isGreaterThanOrEqualTo(0.15);
            assertThat(ecg.report()).contains("st segments are elevated in");
        });
        forSeeds("STD", ecg -> {
            assertThat(minSt(ecg)).isLessThanOrEqualTo(-0.12);
            assertThat(maxSt(ecg)).as("only aVR rises (reciprocal)").isLessThan(0.3);
            assertThat(ecg.report()).contains("st segments are depressed in");
        });
        forSeeds("SR", ecg -> {
            assertThat(maxSt(ecg)).isLessThan(0.02);
            assertThat(minSt(ecg)).isGreaterThan(-0.02);
        });
    }

    /** Highest ST level at J+60 ms over leads, averaged over beats, measured on the signal. */
    private static double maxSt(SyntheticEcg ecg) {
        return Arrays.stream(stLevels(ecg)).max().orElseThrow();
    }

    private static double minSt(SyntheticEcg ecg) {
        return Arrays.stream(stLevels(ecg)).min().orElseThrow();
    }

    private static double[] stLevels(SyntheticEcg ecg) {
        double[] st = new double[12];
        List<BeatAnnotation> beats = dominantBeats(ecg);
        for (int l = 0; l < 12; l++) {
            for (BeatAnnotation b : beats) {
                st[l] += value(ecg, ecg.leadNames().get(l), b.qrsEnd() + 0.06) / beats.size();
            }
            assertThat(st[l]).isCloseTo(ecg.measurements().stLevels().get(l), within(0.01));
        }
        return st;
    }

    // ---- ectopy

    @Test
    void prematureVentricularComplexesAreWideEarlyWithoutPAndFollowedByACompensatoryPause() {
        forSeeds("PVC", ecg -> {
            List<BeatAnnotation> beats = ecg.beats();
            long pvcs = beats.stream().filter(b -> b.type() == BeatType.VENTRICULAR_PREMATURE).count();
            // the sinus cycle: median RR between consecutive normal beats
            double sinusRr = java.util.stream.IntStream.range(1, beats.size())
                    .filter(k -> isNormal(beats, k) && isNormal(beats, k - 1))
                    .mapToDouble(k -> beats.get(k).qrsOnset() - beats.get(k - 1).qrsOnset()).sorted()
                    .skip((beats.size() - 1 - 2 * pvcs) / 2).findFirst().orElseThrow();
            int checked = 0;
            for (int k = 1; k + 1 < beats.size(); k++) {
                BeatAnnotation v = beats.get(k);
                if (v.type() != BeatType.VENTRICULAR_PREMATURE || !isNormal(beats, k - 1) || !isNormal(beats, k + 1)) {
                    continue;
                }
                checked++;
                assertThat(v.hasPWave()).isFalse();
                assertThat(v.qrsDuration()).isGreaterThanOrEqualTo(0.12);
                double coupling = v.qrsOnset() - beats.get(k - 1).qrsOnset();
                double pause = beats.get(k + 1).qrsOnset() - v.qrsOnset();
                assertThat(coupling).as("premature").isLessThan(0.75 * sinusRr);
                assertThat(pause).as("pause after the PVC").isGreaterThan(sinusRr);
                // Fully compensatory: the sinus node keeps its schedule, so the two intervals span two
                // sinus cycles; a reset node would give coupling + one cycle, 1.52-1.68 cycles.
                assertThat(coupling + pause).as("fully compensatory pause").isBetween(1.8 * sinusRr, 2.25 * sinusRr);
                double pp = 0;
                for (String lead : ecg.leadNames()) {
                    pp = Math.max(pp, max(qrs(ecg, lead, v)) - min(qrs(ecg, lead, v)));
                }
                assertThat(pp).as("bizarre, large complex").isGreaterThan(1.0);
            }
            assertThat(pvcs).isBetween(1L, 3L);
            assertThat(checked).isPositive();
            assertThat(ecg.report()).startsWith("premature ventricular contraction(s). sinus rhythm.");
        });
    }

    private static boolean isNormal(List<BeatAnnotation> beats, int k) {
        return beats.get(k).type() == BeatType.NORMAL;
    }

    // ---- voltage

    @Test
    void lowVoltageMeansEveryLimbLeadBelowHalfAMillivoltAndEveryPrecordialBelowOne() {
        forSeeds("LVOLT", ecg -> {
            double[] pp = peakToPeak(ecg);
            for (int l = 0; l < 12; l++) {
                assertThat(pp[l]).as(ecg.leadNames().get(l)).isLessThan(LeadField.isLimbLead(l) ? 0.5 : 1.0);
            }
            assertThat(ecg.report()).contains("low qrs voltages");
        });
        for (String other : List.of("SR", "AFIB", "LBBB", "RBBB", "STE")) {
            forSeeds(other, ecg -> {
                double[] pp = peakToPeak(ecg);
                assertThat(Arrays.stream(pp, 0, 6).max().orElseThrow()).as("some limb lead").isGreaterThan(0.6);
                assertThat(Arrays.stream(pp, 6, 12).max().orElseThrow()).as("some precordial lead").isGreaterThan(1.2);
            });
        }
    }

    private static double[] peakToPeak(SyntheticEcg ecg) {
        double[] pp = new double[12];
        for (BeatAnnotation b : dominantBeats(ecg)) {
            for (int l = 0; l < 12; l++) {
                double[] x = qrs(ecg, ecg.leadNames().get(l), b);
                pp[l] = Math.max(pp[l], max(x) - min(x));
            }
        }
        return pp;
    }

    // ---- noise

    @Test
    void noiseControlsAddWhatTheyPromise() {
        Diagnosis dx = Diagnosis.parse("SR");
        SyntheticEcg clean = CLEAN.generate(dx, new SplittableRandom(3));
        double[] base = clean.lead("V3");

        double[] emg = diff(gen(new NoiseLevels(0, 0, 50, 0.05), dx).lead("V3"), base);
        assertThat(stdev(emg)).isCloseTo(0.05, within(0.008));
        assertThat(amplitudeAt(emg, 500, 1)).as("EMG has little power below 20 Hz").isLessThan(0.005);

        double[] hum = diff(gen(new NoiseLevels(0, 0.1, 60, 0), dx).lead("V3"), base);
        assertThat(amplitudeAt(hum, 500, 60)).isBetween(0.05, 0.1);
        assertThat(amplitudeAt(hum, 500, 50)).isLessThan(0.002);

        double[] wander = diff(gen(new NoiseLevels(0.3, 0, 50, 0), dx).lead("V3"), base);
        assertThat(max(wander) - min(wander)).isBetween(0.05, 0.6);
        assertThat(amplitudeAt(wander, 500, 10)).isLessThan(0.001);
    }

    private static SyntheticEcg gen(NoiseLevels levels, Diagnosis dx) {
        return new SyntheticEcgGenerator(SynthConfig.DEFAULT.withNoise(levels)).generate(dx, new SplittableRandom(3));
    }

    /** Amplitude of the sinusoid at f Hz in x (DFT magnitude x 2/N). */
    private static double amplitudeAt(double[] x, double fs, double f) {
        double re = 0, im = 0;
        for (int n = 0; n < x.length; n++) {
            re += x[n] * Math.cos(2 * Math.PI * f * n / fs);
            im -= x[n] * Math.sin(2 * Math.PI * f * n / fs);
        }
        return 2 * Math.hypot(re, im) / x.length;
    }

    // ---- helpers

    private static List<BeatAnnotation> dominantBeats(SyntheticEcg ecg) {
        return ecg.beats().stream().filter(b -> b.type() == BeatType.NORMAL && b.isWithin(ecg.duration())).toList();
    }

    private static double[] qrs(SyntheticEcg ecg, String lead, BeatAnnotation b) {
        double fs = ecg.samplingFrequency();
        return Arrays.copyOfRange(ecg.lead(lead), (int) Math.ceil(b.qrsOnset() * fs), (int) Math.floor(b.qrsEnd() * fs) + 1);
    }

    private static double value(SyntheticEcg ecg, String lead, double t) {
        double x = t * ecg.samplingFrequency();
        int i = (int) Math.floor(x);
        double[] s = ecg.lead(lead);
        return s[i] + (s[i + 1] - s[i]) * (x - i);
    }

    private static double positiveSeconds(double[] x, double fs) {
        return Arrays.stream(x).filter(v -> v > 0.05).count() / fs;
    }

    private static double max(double[] x) {
        return Arrays.stream(x).max().orElseThrow();
    }

    private static double min(double[] x) {
        return Arrays.stream(x).min().orElseThrow();
    }

    private static double stdev(double[] x) {
        double mean = Arrays.stream(x).average().orElseThrow();
        return Math.sqrt(Arrays.stream(x).map(v -> (v - mean) * (v - mean)).average().orElseThrow());
    }

    private static double[] diff(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }
}
