package org.ecgchat.augment;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Test batches built from formulas, and their values read back as Java arrays. */
final class Batches {
    private Batches() {
    }

    interface Sample {
        double at(int record, int lead, int t);
    }

    static INDArray signals(int records, int leads, int samples, Sample f) {
        float[] data = new float[records * leads * samples];
        for (int b = 0, i = 0; b < records; b++) {
            for (int l = 0; l < leads; l++) {
                for (int t = 0; t < samples; t++) {
                    data[i++] = (float) f.at(b, l, t);
                }
            }
        }
        return Nd4j.create(data, new long[] {records, leads, samples}, DataType.FLOAT);
    }

    static INDArray gaussian(int records, int leads, int samples, long seed) {
        java.util.Random r = new java.util.Random(seed);
        return signals(records, leads, samples, (b, l, t) -> r.nextGaussian());
    }

    /** {@code [records, classes]} one-hot labels with class {@code record % classes}. */
    static INDArray oneHot(int records, int classes) {
        INDArray y = Nd4j.zeros(DataType.FLOAT, records, classes);
        for (int b = 0; b < records; b++) {
            y.putScalar(b, b % classes, 1f);
        }
        return y;
    }

    static float[][][] values(INDArray x) {
        long[] s = x.shape();
        float[] flat = Nd4j.toFlattened('c', x.castTo(DataType.FLOAT)).toFloatVector();
        float[][][] out = new float[(int) s[0]][(int) s[1]][(int) s[2]];
        for (int b = 0, i = 0; b < s[0]; b++) {
            for (int l = 0; l < s[1]; l++) {
                for (int t = 0; t < s[2]; t++) {
                    out[b][l][t] = flat[i++];
                }
            }
        }
        return out;
    }

    static float[] flat(INDArray x) {
        return Nd4j.toFlattened('c', x.castTo(DataType.FLOAT)).toFloatVector();
    }

    /** Exact, sample-for-sample equality (ND4J's equals allows 1e-5). */
    static void assertSameValues(INDArray actual, INDArray expected) {
        org.assertj.core.api.Assertions.assertThat(actual.shape()).isEqualTo(expected.shape());
        org.assertj.core.api.Assertions.assertThat(flat(actual)).isEqualTo(flat(expected));
    }

    static float[][] matrix(INDArray x) {
        return x.castTo(DataType.FLOAT).toFloatMatrix();
    }
}
