package org.ecgchat.augment;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Labels travelling with a batch, held as a float32 c-ordered copy: {@code [records, classes]}
 * ({@code samples == 1}) or per-sample {@code [records, samples, classes]}. Immutable: every
 * operation returns new labels. Labels are small next to signals, so they are transformed eagerly.
 */
final class Labels {
    final int records;
    final int samples;
    final int classes;
    final boolean perSample;
    private final float[] values;

    private Labels(int records, int samples, int classes, boolean perSample, float[] values) {
        this.records = records;
        this.samples = samples;
        this.classes = classes;
        this.perSample = perSample;
        this.values = values;
    }

    static Labels of(INDArray labels) {
        if (labels.length() > Integer.MAX_VALUE) {
            throw new InvalidBatchException("labels", "more than 2^31-1 values");
        }
        boolean perSample = labels.rank() == 3;
        float[] values = Buffers.read(labels);
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new InvalidBatchException("labels", "value at flat index " + i + " is " + values[i]
                        + "; labels must be finite");
            }
        }
        long[] shape = labels.shape();
        return new Labels((int) shape[0], perSample ? (int) shape[1] : 1, (int) shape[labels.rank() - 1],
                perSample, values);
    }

    /** Writes these labels into {@code target}, which has their shape. */
    void writeTo(INDArray target) {
        Buffers.write(target, values);
    }

    INDArray toArray() {
        long[] shape = perSample ? new long[] {records, samples, classes} : new long[] {records, classes};
        return Buffers.create(values, shape);
    }

    /** Size of one record's labels. */
    int stride() {
        return samples * classes;
    }

    /** {@code own[b] * weight[b] + partner[b] * (1 - weight[b])}; records with partner[b] == b keep theirs. */
    Labels blend(int[] partner, double[] weight) {
        float[] out = values.clone();
        int stride = stride();
        for (int b = 0; b < records; b++) {
            if (partner[b] == b) {
                continue;
            }
            float w = (float) weight[b];
            int own = b * stride;
            int other = partner[b] * stride;
            for (int i = 0; i < stride; i++) {
                out[own + i] = w * values[own + i] + (1 - w) * values[other + i];
            }
        }
        return new Labels(records, samples, classes, perSample, out);
    }

    /** Per-sample labels of the partner inside {@code [start, end)} (in label samples), own elsewhere. */
    Labels cut(int[] partner, int[] start, int[] end) {
        float[] out = values.clone();
        int stride = stride();
        for (int b = 0; b < records; b++) {
            if (partner[b] != b && end[b] > start[b]) {
                System.arraycopy(values, partner[b] * stride + start[b] * classes, out,
                        b * stride + start[b] * classes, (end[b] - start[b]) * classes);
            }
        }
        return new Labels(records, samples, classes, perSample, out);
    }

    /** Replaces the chosen records' labels by {@code (1 - smoothing) * y + smoothing / classes}. */
    Labels smooth(boolean[] chosen, double smoothing) {
        float[] out = values.clone();
        float keep = (float) (1 - smoothing);
        float spread = (float) (smoothing / Math.max(1, classes));
        int stride = stride();
        for (int b = 0; b < records; b++) {
            if (chosen[b]) {
                for (int i = b * stride; i < (b + 1) * stride; i++) {
                    out[i] = keep * values[i] + spread;
                }
            }
        }
        return new Labels(records, samples, classes, perSample, out);
    }

    /**
     * Applies a per-record time map to per-sample labels: {@code maps[b]} (null = unchanged) turns
     * one record's class series {@code [samples]} into a new series of the same length.
     */
    Labels remapTime(TimeMap[] maps) {
        float[] out = values.clone();
        float[] series = new float[samples];
        float[] mapped = new float[samples];
        for (int b = 0; b < records; b++) {
            if (maps[b] == null) {
                continue;
            }
            for (int c = 0; c < classes; c++) {
                for (int t = 0; t < samples; t++) {
                    series[t] = values[(b * samples + t) * classes + c];
                }
                maps[b].apply(series, mapped);
                for (int t = 0; t < samples; t++) {
                    out[(b * samples + t) * classes + c] = mapped[t];
                }
            }
        }
        return new Labels(records, samples, classes, perSample, out);
    }

    /** Per-sample labels cut or zero-padded at the end to {@code newSamples}. */
    Labels resize(int newSamples) {
        float[] out = new float[records * newSamples * classes];
        int kept = Math.min(samples, newSamples) * classes;
        for (int b = 0; b < records; b++) {
            System.arraycopy(values, b * stride(), out, b * newSamples * classes, kept);
        }
        return new Labels(records, newSamples, classes, perSample, out);
    }

    /** Selects, record by record, these labels ({@code chosen[b]}) or {@code other}'s. */
    Labels select(boolean[] chosen, Labels other) {
        float[] out = other.values.clone();
        int stride = stride();
        for (int b = 0; b < records; b++) {
            if (chosen[b]) {
                System.arraycopy(values, b * stride, out, b * stride, stride);
            }
        }
        return new Labels(records, samples, classes, perSample, out);
    }

    /** A length-preserving transform of one series (reverse, stretch-or-compress). */
    interface TimeMap {
        void apply(float[] in, float[] out);
    }
}
