package org.ecgchat.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class RandomMaskingTest {
    private static final int SAMPLES = 5000;
    private static final int W0 = 40; // round(0.08 s * 500 Hz)
    private static final int W1 = 90; // round(0.18 s * 500 Hz)

    /** Masked samples of each record (lead 0), after checking that all leads are masked alike. */
    private static boolean[][] masked(EcgBatch out) {
        float[][][] v = Batches.values(out.signals());
        boolean[][] masked = new boolean[v.length][];
        for (int b = 0; b < v.length; b++) {
            masked[b] = new boolean[v[b][0].length];
            for (int t = 0; t < v[b][0].length; t++) {
                masked[b][t] = v[b][0][t] == 0f;
                for (float[] lead : v[b]) {
                    if ((lead[t] == 0f) != masked[b][t]) {
                        throw new AssertionError("leads masked differently at record " + b + ", sample " + t);
                    }
                }
            }
        }
        return masked;
    }

    /**
     * Expected masked share of a masked record, computed from the law: about
     * N((T - w1) * 0.5 / w1, (T - w1) * min(p1 / 4, 0.1) / w1) centres uniform on [w1/2, T - w1/2),
     * radii randint(w0, w1) / 2; sample t is covered unless every centre misses it.
     */
    private static double expectedCoverage(double p1) {
        int pop = SAMPLES - W1;
        double mean = pop * 0.5 / W1;
        double sd = pop * Math.min(p1 / 4, 0.1) / W1;
        NormalDistribution count = NormalDistribution.of(mean, sd);
        double[] pn = new double[pop + 1];
        for (int n = 0; n <= pop; n++) {
            pn[n] = count.cumulativeProbability(n + 0.5) - count.cumulativeProbability(n - 0.5);
        }
        double total = 0;
        for (int t = 0; t < SAMPLES; t++) {
            double hit = 0;
            for (int v = W0; v <= W1; v++) {
                int r = v / 2;
                // centres u + w1/2 with u in [0, pop) covering t: t - r < u + 45 <= t + r
                int lo = Math.max(0, t - r + 1 - W1 / 2);
                int hi = Math.min(pop - 1, t + r - W1 / 2);
                hit += Math.max(0, hi - lo + 1) / (double) pop / (W1 - W0 + 1);
            }
            double missAll = 0;
            for (int n = 0; n <= pop; n++) {
                if (pn[n] > 1e-12) {
                    missAll += pn[n] * Math.pow(1 - hit, n);
                }
            }
            total += 1 - missAll;
        }
        return total / SAMPLES;
    }

    @Test
    void maskedSharesMatchTheRecordProbabilityAndTheWindowLaw() {
        RandomGenerator rng = Augmenter.random(77);
        INDArray ones = Nd4j.ones(DataType.FLOAT, 64, 2, SAMPLES);
        RandomMasking masking = new RandomMasking(500);
        int records = 0;
        int maskedRecords = 0;
        double coverage = 0;
        for (int call = 0; call < 60; call++) {
            for (boolean[] record : masked(masking.apply(EcgBatch.of(ones), rng))) {
                records++;
                int count = 0;
                for (boolean m : record) {
                    count += m ? 1 : 0;
                }
                if (count > 0) {
                    maskedRecords++;
                    coverage += count / (double) SAMPLES;
                }
            }
        }
        assertThat(maskedRecords / (double) records).isCloseTo(0.3, within(0.03));
        assertThat(coverage / maskedRecords).isCloseTo(expectedCoverage(0.15), within(0.01));
    }

    @Test
    void windowsAroundCriticalPointsHaveTheConfiguredWidthsAndShare() {
        // points 400 apart never share a window (widest is 90 samples)
        int[] grid = new int[12];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = 200 + 400 * i;
        }
        List<int[]> points = new ArrayList<>();
        for (int b = 0; b < 64; b++) {
            points.add(grid);
        }
        EcgBatch batch = EcgBatch.of(Nd4j.ones(DataType.FLOAT, 64, 1, SAMPLES)).withCriticalPoints(points);
        RandomGenerator rng = Augmenter.random(99);
        RandomMasking masking = new RandomMasking(500, 0, new double[] {0.08, 0.18}, new double[] {0.5, 0.15});
        List<Integer> radii = new ArrayList<>();
        List<Integer> perRecord = new ArrayList<>();
        for (int call = 0; call < 30; call++) {
            for (boolean[] record : masked(masking.apply(batch, rng))) {
                int windows = 0;
                for (int t = 0; t < SAMPLES; t++) {
                    if (record[t] && (t == 0 || !record[t - 1])) {
                        int end = t;
                        while (end < SAMPLES && record[end]) {
                            end++;
                        }
                        int centre = (t + end) / 2;
                        assertThat((t + end) % 2).as("even width").isZero();
                        assertThat(grid).contains(centre);
                        radii.add((end - t) / 2);
                        windows++;
                    }
                }
                if (windows > 0) {
                    perRecord.add(windows);
                }
            }
        }
        // radius = randint(40, 90) / 2: mean of floor(v / 2) over v = 40..90
        double expectedRadius = 0;
        for (int v = W0; v <= W1; v++) {
            expectedRadius += (v / 2) / (double) (W1 - W0 + 1);
        }
        assertThat(radii).allSatisfy(r -> assertThat(r).isBetween(W0 / 2, W1 / 2));
        assertThat(radii.stream().mapToInt(Integer::intValue).average().orElseThrow())
                .isCloseTo(expectedRadius, within(0.5));
        // windows per masked record: round(clip(N(12 * 0.15, 0.1 * 12), 0, 12)), given at least one
        NormalDistribution n = NormalDistribution.of(12 * 0.15, 1.2);
        double mean = 0;
        double positive = 0;
        for (int k = 1; k <= 12; k++) {
            double pk = (k == 12 ? 1 : n.cumulativeProbability(k + 0.5)) - n.cumulativeProbability(k - 0.5);
            mean += k * pk;
            positive += pk;
        }
        assertThat(perRecord.stream().mapToInt(Integer::intValue).average().orElseThrow())
                .isCloseTo(mean / positive, within(0.15));
    }

    @Test
    void windowWiderThanTheSignalIsRejectedByName() {
        EcgBatch shortBatch = EcgBatch.of(Nd4j.ones(DataType.FLOAT, 2, 12, 50));
        assertThatThrownBy(() -> new RandomMasking(500).apply(shortBatch, 1L))
                .isInstanceOfSatisfying(AugmenterParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("mask_width");
                    assertThat(e.getMessage()).contains("90 samples").contains("50 samples");
                });
        assertThatThrownBy(() -> new RandomMasking(500, 0, new double[] {0.08, 0.18}, new double[] {0.3, 1.2}))
                .isInstanceOfSatisfying(AugmenterParameterException.class, e -> assertThat(e.parameter()).isEqualTo("prob"));
        assertThatThrownBy(() -> new RandomMasking(500, 0, new double[] {0.2, 0.1}, new double[] {0.3}))
                .isInstanceOfSatisfying(AugmenterParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("mask_width"));
    }
}
