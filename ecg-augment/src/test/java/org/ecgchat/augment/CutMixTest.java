package org.ecgchat.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class CutMixTest {
    private static final int RECORDS = 64;
    private static final int LEADS = 3;
    private static final int SAMPLES = 5000;

    /** Sample t of record b holds b * 10000 + t on every lead, so every value names its origin. */
    private static INDArray tagged() {
        return Batches.signals(RECORDS, LEADS, SAMPLES, (b, l, t) -> b * 10_000 + t);
    }

    /** Where a record's samples came from: the partner and its interval, or null when untouched. */
    private record Cut(int partner, int start, int end) {
    }

    private static Cut[] cuts(float[][][] out) {
        Cut[] cuts = new Cut[out.length];
        for (int b = 0; b < out.length; b++) {
            float[] row = out[b][0];
            int start = -1;
            int end = -1;
            int partner = -1;
            for (int t = 0; t < row.length; t++) {
                int origin = Math.round(row[t]) / 10_000;
                check(Math.round(row[t]) % 10_000 == t, "sample position kept", b, t);
                if (origin != b) {
                    if (start < 0) {
                        start = t;
                        partner = origin;
                    }
                    check(end < 0, "one contiguous interval", b, t);
                    check(origin == partner, "one partner", b, t);
                } else if (start >= 0 && end < 0) {
                    end = t;
                }
            }
            if (start >= 0) {
                cuts[b] = new Cut(partner, start, end < 0 ? row.length : end);
            }
            for (float[] lead : out[b]) {
                check(java.util.Arrays.equals(lead, row), "all leads cut alike", b, 0);
            }
        }
        return cuts;
    }

    private static void check(boolean holds, String what, int record, int t) {
        if (!holds) {
            throw new AssertionError(what + " fails at record " + record + ", sample " + t);
        }
    }

    @Test
    void intervalLengthsFollowTheBetaLaw() {
        RandomGenerator rng = Augmenter.random(2024);
        INDArray x = tagged();
        List<Double> shares = new ArrayList<>();
        for (int call = 0; call < 25; call++) {
            for (Cut cut : cuts(Batches.values(new CutMix().apply(EcgBatch.of(x), rng).signals()))) {
                if (cut != null) {
                    shares.add((cut.end - cut.start) / (double) SAMPLES);
                }
            }
        }
        double[] sample = shares.stream().mapToDouble(Double::doubleValue).toArray();
        assertThat(sample.length).isGreaterThan(1000);
        KolmogorovSmirnovTest ks = KolmogorovSmirnovTest.withDefaults();
        BetaDistribution expected = BetaDistribution.of(0.5, 0.5);
        assertThat(ks.test(sample, expected::cumulativeProbability).getPValue()).isGreaterThan(0.01);
        // the test has power: a different Beta law is rejected
        BetaDistribution other = BetaDistribution.of(0.8, 0.8);
        assertThat(ks.test(sample, other::cumulativeProbability).getPValue()).isLessThan(1e-4);
    }

    @Test
    void mixedLabelsWeighByTheInterval() {
        // class c = record c: a mixed row shows exactly the two records' shares
        INDArray labels = Batches.oneHot(RECORDS, RECORDS);
        EcgBatch out = new CutMix().apply(EcgBatch.of(tagged(), labels), 5L);
        Cut[] cuts = cuts(Batches.values(out.signals()));
        float[][] y = Batches.matrix(out.labels());
        int mixed = 0;
        for (int b = 0; b < RECORDS; b++) {
            double partnerShare = cuts[b] == null ? 0 : (cuts[b].end - cuts[b].start) / (double) SAMPLES;
            assertThat((double) y[b][b]).isCloseTo(1 - partnerShare, within(1e-6));
            if (cuts[b] != null) {
                mixed++;
                assertThat((double) y[b][cuts[b].partner]).isCloseTo(partnerShare, within(1e-6));
            }
            double sum = 0;
            for (float v : y[b]) {
                sum += v;
            }
            assertThat(sum).isCloseTo(1, within(1e-6));
        }
        assertThat(mixed).isGreaterThan(RECORDS / 2);
    }

    @Test
    void perSampleLabelsAndCriticalPointsFollowTheCut() {
        // per-sample labels [B, T, 1] tagged like the signals; critical points every 500 samples
        INDArray perSample = Batches.signals(RECORDS, SAMPLES, 1, (b, t, c) -> b * 10_000 + t);
        List<int[]> points = new ArrayList<>();
        for (int b = 0; b < RECORDS; b++) {
            points.add(new int[] {250 + b, 750 + b, 1250 + b, 1750 + b, 2250 + b, 2750 + b, 3250 + b, 3750 + b});
        }
        EcgBatch out = new CutMix().apply(new EcgBatch(tagged(), perSample, points), 9L);
        float[][][] signals = Batches.values(out.signals());
        float[] labels = Batches.flat(out.labels());
        for (int b = 0; b < RECORDS; b++) {
            for (int t = 0; t < SAMPLES; t++) {
                check(labels[b * SAMPLES + t] == signals[b][0][t], "label follows its sample", b, t);
            }
            for (int p : out.criticalPoints(b)) {
                int origin = Math.round(signals[b][0][p]) / 10_000;
                assertThat(p - 250 - origin).as("point of the record the sample came from").isIn(0, 500, 1000,
                        1500, 2000, 2500, 3000, 3500);
            }
        }
    }

    @Test
    void inputIsNotModifiedAndBadArgumentsAreNamed() {
        INDArray x = tagged();
        INDArray before = x.dup();
        new CutMix().apply(EcgBatch.of(x), 1L);
        Batches.assertSameValues(x, before);
        assertThatThrownBy(() -> new CutMix(1, -0.5, 0.5, 1))
                .isInstanceOfSatisfying(AugmenterParameterException.class, e -> assertThat(e.parameter()).isEqualTo("alpha"));
        assertThatThrownBy(() -> new CutMix(0, 0.5, 0.5, 1))
                .isInstanceOfSatisfying(AugmenterParameterException.class, e -> assertThat(e.parameter()).isEqualTo("num_mix"));
        assertThatThrownBy(() -> new CutMix(1, 0.5, 0.5, -0.1))
                .isInstanceOfSatisfying(AugmenterParameterException.class, e -> assertThat(e.parameter()).isEqualTo("prob"));
    }

    @Test
    void probabilityZeroMixesNothing() {
        INDArray x = tagged();
        INDArray labels = Batches.oneHot(RECORDS, 5);
        EcgBatch out = new CutMix(1, 0.5, 0.5, 0).apply(EcgBatch.of(x, labels), 3L);
        Batches.assertSameValues(out.signals(), x);
        Batches.assertSameValues(out.labels(), labels);
    }
}
