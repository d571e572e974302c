package org.ecgchat.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The original's training and evaluation transforms, determinism and in-place evaluation. */
class PipelineTest {

    /** Every built-in, each certain to act, so every code path takes part. */
    private static Augmenter everything() {
        return new Compose(new BaselineWander(), new CutMix(), new RandomMasking(500, 0, new double[] {0.08, 0.18},
                new double[] {0.6, 0.15}), new Mixup(0.5, 0.5, 1), new RandomFlip(), new RandomRenormalize(),
                new StretchCompress(6, 1), new RandomTimeReverse(), new LabelSmooth(),
                new Normalize(new double[] {0.1}, new double[] {2}), new Resize(1200));
    }

    private static EcgBatch batch() {
        return EcgBatch.of(Batches.gaussian(16, 12, 1000, 42), Batches.oneHot(16, 5));
    }

    private static EcgBatch inPool(int threads, Augmenter augmenter, EcgBatch batch, long seed) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(() -> augmenter.apply(batch, seed)).get();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void sameSeedGivesTheSameBatchOnAnyThreadCount() throws Exception {
        EcgBatch in = batch();
        EcgBatch one = inPool(1, everything(), in, 123);
        EcgBatch three = inPool(3, everything(), in, 123);
        EcgBatch common = everything().apply(in, 123);
        Batches.assertSameValues(three.signals(), one.signals());
        Batches.assertSameValues(common.signals(), one.signals());
        Batches.assertSameValues(three.labels(), one.labels());
        EcgBatch other = everything().apply(in, 124);
        assertThat(Batches.flat(other.signals())).isNotEqualTo(Batches.flat(one.signals()));
        assertThat(one.signals().shape()).containsExactly(16, 12, 1200);
    }

    @Test
    void inputsAreNeverModifiedButInPlaceWritesTheSameResult() {
        EcgBatch in = batch();
        INDArray signals = in.signals().dup();
        INDArray labels = in.labels().dup();
        // a chain whose records read only themselves is written over the input directly...
        Augmenter local = new Compose(new BaselineWander(), new RandomMasking(500), new RandomFlip(),
                new StretchCompress(), new RandomTimeReverse(), new RandomRenormalize(), new LabelSmooth());
        // ...a mixing one through a copy
        Augmenter mixing = new Compose(new BaselineWander(), new CutMix(), new Mixup(), new LabelSmooth());
        for (Augmenter augmenter : new Augmenter[] {local, mixing}) {
            EcgBatch fresh = augmenter.apply(in, 9L);
            Batches.assertSameValues(in.signals(), signals);
            Batches.assertSameValues(in.labels(), labels);
            EcgBatch target = EcgBatch.of(signals.dup(), labels.dup());
            EcgBatch written = augmenter.applyInPlace(target, Augmenter.random(9));
            assertThat(written.signals()).isSameAs(target.signals());
            Batches.assertSameValues(target.signals(), fresh.signals());
            Batches.assertSameValues(target.labels(), fresh.labels());
        }
    }

    @Test
    void trainingTransformsAreTheOriginalThreeThenNormaliseAndResize() {
        Compose training = EcgTransform.training();
        assertThat(training.transforms()).containsExactly(
                new RandomApply(0.5, new BaselineWander(500)),
                new RandomApply(0.5, new CutMix()),
                new RandomApply(0.3, new RandomMasking(500)),
                Normalize.identity(12),
                new Resize(5000));
        // over many batches each step acts on about its share of calls
        INDArray x = Batches.gaussian(4, 12, 5000, 1);
        int changed = 0;
        for (long seed = 0; seed < 40; seed++) {
            if (!java.util.Arrays.equals(Batches.flat(training.apply(EcgBatch.of(x), seed).signals()), Batches.flat(x))) {
                changed++;
            }
        }
        // P(nothing acts) = 0.5 * 0.5 * 0.7 = 0.175
        assertThat(changed).isBetween(26, 39);
    }

    @Test
    void evaluationNormalisesPerLeadAndPadsOrCrops() {
        double[] mean = new double[12];
        double[] std = new double[12];
        for (int l = 0; l < 12; l++) {
            mean[l] = l;
            std[l] = l + 1;
        }
        Compose evaluation = EcgTransform.evaluation(5000, new Normalize(mean, std));
        INDArray shortBatch = Batches.signals(2, 12, 4000, (b, l, t) -> l + (l + 1) * Math.sin(t * 0.01));
        float[][][] padded = Batches.values(evaluation.apply(EcgBatch.of(shortBatch), 0L).signals());
        assertThat(padded[0][0]).hasSize(5000);
        for (int l = 0; l < 12; l++) {
            assertThat((double) padded[1][l][1234]).isCloseTo(Math.sin(12.34), within(1e-5));
            assertThat(padded[1][l][4000]).isZero();
            assertThat(padded[1][l][4999]).isZero();
        }
        INDArray longBatch = Batches.signals(2, 12, 6000, (b, l, t) -> l + (l + 1) * t);
        float[][][] cropped = Batches.values(evaluation.apply(EcgBatch.of(longBatch), 0L).signals());
        assertThat(cropped[1][11]).hasSize(5000);
        assertThat(cropped[1][11][4999]).isEqualTo(4999f);
    }

    @Test
    void perRecordRandomApplyLeavesUnchosenRecordsUntouched() {
        EcgBatch in = EcgBatch.of(Batches.gaussian(200, 2, 100, 5));
        float[][][] x = Batches.values(in.signals());
        float[][][] out = Batches.values(new RandomApply(java.util.List.of(new BaselineWander()), 0.3, true)
                .apply(in, 77L).signals());
        int touched = 0;
        for (int b = 0; b < x.length; b++) {
            boolean same = java.util.Arrays.equals(x[b][0], out[b][0]) && java.util.Arrays.equals(x[b][1], out[b][1]);
            touched += same ? 0 : 1;
        }
        assertThat(touched).isBetween(40, 80);
    }

    @Test
    void otherInputLayoutsAndTypesAreRead() {
        INDArray c = Batches.gaussian(3, 4, 50, 2);
        INDArray fortran = c.dup('f');
        INDArray doubles = c.castTo(DataType.DOUBLE);
        INDArray view = Nd4j.concat(0, c, c).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(3, 6));
        Augmenter augmenter = new Compose(new BaselineWander(), new RandomFlip());
        EcgBatch expected = augmenter.apply(EcgBatch.of(c), 5L);
        for (INDArray x : new INDArray[] {fortran, doubles, view}) {
            Batches.assertSameValues(augmenter.apply(EcgBatch.of(x), 5L).signals(), expected.signals());
        }
        assertThat(expected.signals().dataType()).isEqualTo(DataType.FLOAT);
    }
}
