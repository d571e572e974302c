package org.ecgchat.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class BadInputTest {

    @Test
    void batchesOfTheWrongRankOrTypeAreRejected() {
        assertThatThrownBy(() -> EcgBatch.of(Nd4j.zeros(DataType.FLOAT, 12, 5000)))
                .isInstanceOfSatisfying(InvalidBatchException.class, e -> {
                    assertThat(e.tensor()).isEqualTo("signals");
                    assertThat(e.getMessage()).contains("rank 3").contains("[12, 5000]");
                });
        assertThatThrownBy(() -> EcgBatch.of(Nd4j.zeros(DataType.INT, 2, 12, 50)))
                .isInstanceOfSatisfying(InvalidBatchException.class, e -> assertThat(e.tensor()).isEqualTo("signals"));
        assertThatThrownBy(() -> EcgBatch.of(Nd4j.zeros(DataType.FLOAT, 2, 12, 50), Nd4j.zeros(DataType.FLOAT, 3, 4)))
                .isInstanceOfSatisfying(InvalidBatchException.class, e -> assertThat(e.tensor()).isEqualTo("labels"));
        assertThatThrownBy(() -> EcgBatch.of(Nd4j.zeros(DataType.FLOAT, 2, 12, 50), Nd4j.zeros(DataType.FLOAT, 2)))
                .isInstanceOfSatisfying(InvalidBatchException.class, e -> assertThat(e.tensor()).isEqualTo("labels"));
        assertThatThrownBy(() -> EcgBatch.of(Nd4j.zeros(DataType.FLOAT, 2, 12, 50)).withCriticalPoints(List.of(new int[0])))
                .isInstanceOfSatisfying(InvalidBatchException.class,
                        e -> assertThat(e.tensor()).isEqualTo("critical_points"));
        EcgBatch outside = EcgBatch.of(Nd4j.zeros(DataType.FLOAT, 1, 12, 50)).withCriticalPoints(List.of(new int[] {50}));
        assertThatThrownBy(() -> new RandomMasking(500).apply(outside, 1L))
                .isInstanceOfSatisfying(InvalidBatchException.class,
                        e -> assertThat(e.getMessage()).contains("critical_points").contains("50"));
    }

    @Test
    void nonFiniteSamplesAreReportedWithTheirPosition() {
        INDArray x = Batches.gaussian(3, 12, 500, 1);
        x.putScalar(new long[] {1, 7, 321}, Float.NaN);
        INDArray before = x.dup();
        for (Augmenter augmenter : new Augmenter[] {new CutMix(), new Resize(100), EcgTransform.training()}) {
            assertThatThrownBy(() -> augmenter.apply(EcgBatch.of(x), 3L))
                    .isInstanceOfSatisfying(InvalidBatchException.class, e -> {
                        assertThat(e.tensor()).isEqualTo("signals");
                        assertThat(e.getMessage()).contains("[1, 7, 321]").contains("NaN");
                    });
        }
        // in place: the batch is checked before anything is written
        assertThatThrownBy(() -> new BaselineWander().applyInPlace(EcgBatch.of(x), Augmenter.random(1)))
                .isInstanceOf(InvalidBatchException.class);
        assertThat(Batches.flat(x)).isEqualTo(Batches.flat(before));
        x.putScalar(new long[] {1, 7, 321}, Float.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> new RandomFlip().apply(EcgBatch.of(x), 3L))
                .hasMessageContaining("-Infinity");
        INDArray labels = Batches.oneHot(3, 2);
        labels.putScalar(2, 1, Float.NaN);
        assertThatThrownBy(() -> new Mixup().apply(EcgBatch.of(Batches.gaussian(3, 1, 10, 1), labels), 3L))
                .isInstanceOfSatisfying(InvalidBatchException.class, e -> assertThat(e.tensor()).isEqualTo("labels"));
    }

    @Test
    void probabilitiesOutsideTheUnitIntervalNameTheirParameter() {
        assertThatThrownBy(() -> new RandomApply(1.01, new CutMix()))
                .isInstanceOfSatisfying(AugmenterParameterException.class, e -> {
                    assertThat(e.augmenter()).isEqualTo("RandomApply");
                    assertThat(e.parameter()).isEqualTo("p");
                });
        assertThatThrownBy(() -> new RandomRenormalize(new double[] {0, 1}, new double[] {1, 2}, false, Double.NaN))
                .isInstanceOfSatisfying(AugmenterParameterException.class, e -> assertThat(e.parameter()).isEqualTo("prob"));
        assertThatThrownBy(() -> new Normalize(new double[] {0, 0}, new double[] {1, 0}))
                .isInstanceOfSatisfying(AugmenterParameterException.class, e -> assertThat(e.parameter()).isEqualTo("std"));
        assertThatThrownBy(() -> new Resize(0))
                .isInstanceOfSatisfying(AugmenterParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("seq_length"));
    }

    @Test
    void mismatchesBetweenArgumentsAndBatchAreNamed() {
        EcgBatch eightLeads = EcgBatch.of(Nd4j.zeros(DataType.FLOAT, 2, 8, 500));
        assertThatThrownBy(() -> EcgTransform.evaluation().apply(eightLeads, 1L))
                .isInstanceOfSatisfying(AugmenterParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("mean");
                    assertThat(e.getMessage()).contains("12").contains("8 leads");
                });
        EcgBatch intLabels = EcgBatch.of(Nd4j.zeros(DataType.FLOAT, 2, 1, 50), Nd4j.zeros(DataType.INT, 2, 3));
        assertThatThrownBy(() -> new Mixup(0.5, 0.5, 1).applyInPlace(intLabels, Augmenter.random(1)))
                .isInstanceOfSatisfying(InvalidBatchException.class, e -> assertThat(e.tensor()).isEqualTo("labels"));
        assertThatThrownBy(() -> new Resize(40).applyInPlace(intLabels, Augmenter.random(1)))
                .isInstanceOf(InvalidBatchException.class).hasMessageContaining("[2, 1, 40]");
    }
}
