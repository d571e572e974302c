package org.ecgchat.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Mixup, RandomFlip and RandomTimeReverse. */
class MixingAndFlipTest {

    @Test
    void mixupBlendsPartnersAndLabelsWithOneLambda() {
        // record b is constant b + 1 on all leads: a mixed record is lambda*(b+1) + (1-lambda)*(p+1)
        int records = 32;
        INDArray x = Batches.signals(records, 2, 100, (b, l, t) -> b + 1);
        INDArray labels = Batches.oneHot(records, records);
        EcgBatch out = new Mixup(0.5, 0.5, 1.0).apply(EcgBatch.of(x, labels), 21L);
        float[][][] v = Batches.values(out.signals());
        float[][] y = Batches.matrix(out.labels());
        Double lambda = null;
        Set<Integer> partners = new HashSet<>();
        for (int b = 0; b < records; b++) {
            int partner = b;
            for (int c = 0; c < records; c++) {
                if (c != b && y[b][c] > 0) {
                    partner = c;
                }
            }
            partners.add(partner);
            if (partner == b) {
                assertThat(v[b][0][0]).isEqualTo(b + 1f);
                continue;
            }
            double l = y[b][b];
            assertThat((double) y[b][partner]).isCloseTo(1 - l, within(1e-6));
            if (lambda == null) {
                lambda = l;
            }
            assertThat(l).as("one lambda per call").isCloseTo(lambda, within(1e-6));
            for (float[] lead : v[b]) {
                for (float s : lead) {
                    assertThat((double) s).isCloseTo(l * (b + 1) + (1 - l) * (partner + 1), within(1e-4));
                }
            }
        }
        assertThat(partners).as("partners form a permutation").hasSize(records);
        assertThat(lambda).isNotNull();
    }

    @Test
    void flipNegatesWholeRecordsOrChosenLeads() {
        INDArray x = Batches.gaussian(200, 12, 50, 4);
        float[][][] in = Batches.values(x);
        float[][][] whole = Batches.values(new RandomFlip(false, new double[] {0.4}).apply(EcgBatch.of(x), 8L).signals());
        int flipped = 0;
        for (int b = 0; b < in.length; b++) {
            boolean negated = whole[b][0][0] == -in[b][0][0];
            flipped += negated ? 1 : 0;
            for (int l = 0; l < 12; l++) {
                for (int t = 0; t < 50; t++) {
                    assertThat(whole[b][l][t]).isEqualTo(negated ? -in[b][l][t] : in[b][l][t]);
                }
            }
        }
        assertThat(flipped).isBetween(20, 140);
        // per channel: only the chosen records have flipped leads, about prob[1] of their leads
        RandomGenerator rng = Augmenter.random(3);
        int leadsFlipped = 0;
        int recordsTouched = 0;
        for (int call = 0; call < 20; call++) {
            float[][][] perLead = Batches.values(new RandomFlip(true, new double[] {0.4, 0.25}).apply(EcgBatch.of(x), rng)
                    .signals());
            for (int b = 0; b < in.length; b++) {
                int n = 0;
                for (int l = 0; l < 12; l++) {
                    boolean negated = perLead[b][l][0] == -in[b][l][0];
                    assertThat(perLead[b][l][7]).isEqualTo(negated ? -in[b][l][7] : in[b][l][7]);
                    n += negated ? 1 : 0;
                }
                if (n > 0) {
                    recordsTouched++;
                    leadsFlipped += n;
                }
            }
        }
        assertThat(recordsTouched / (20.0 * in.length)).isCloseTo(0.39, within(0.04));
        assertThat(leadsFlipped / (12.0 * recordsTouched)).isCloseTo(0.255, within(0.03));
    }

    @Test
    void timeReverseMirrorsSignalsPerSampleLabelsAndPoints() {
        int samples = 300;
        INDArray x = Batches.gaussian(40, 3, samples, 6);
        INDArray perSample = Batches.signals(40, samples, 2, (b, t, c) -> t * 2 + c);
        java.util.List<int[]> points = new java.util.ArrayList<>();
        for (int b = 0; b < 40; b++) {
            points.add(new int[] {5, 100, 299});
        }
        EcgBatch out = new RandomTimeReverse(0.5).apply(new EcgBatch(x, perSample, points), 13L);
        float[][][] in = Batches.values(x);
        float[][][] v = Batches.values(out.signals());
        float[] y = Batches.flat(out.labels());
        int reversed = 0;
        for (int b = 0; b < 40; b++) {
            boolean r = v[b][0][0] == in[b][0][samples - 1] && v[b][0][0] != in[b][0][0];
            reversed += r ? 1 : 0;
            for (int l = 0; l < 3; l++) {
                for (int t = 0; t < samples; t++) {
                    assertThat(v[b][l][t]).isEqualTo(in[b][l][r ? samples - 1 - t : t]);
                }
            }
            int t = 10;
            assertThat(y[(b * samples + t) * 2 + 1]).isEqualTo((r ? samples - 1 - t : t) * 2 + 1f);
            assertThat(out.criticalPoints(b)).containsExactly(r ? new int[] {0, 199, 294} : new int[] {5, 100, 299});
        }
        assertThat(reversed).isBetween(8, 32);
    }

    @Test
    void mixingArgumentsAreChecked() {
        assertThatThrownBy(() -> new Mixup(0, 0.5, 0.5))
                .isInstanceOfSatisfying(AugmenterParameterException.class, e -> assertThat(e.parameter()).isEqualTo("alpha"));
        assertThatThrownBy(() -> new RandomFlip(true, new double[] {0.4, -1}))
                .isInstanceOfSatisfying(AugmenterParameterException.class, e -> assertThat(e.parameter()).isEqualTo("prob"));
        assertThatThrownBy(() -> new RandomTimeReverse(2))
                .isInstanceOfSatisfying(AugmenterParameterException.class, e -> assertThat(e.parameter()).isEqualTo("prob"));
    }
}
