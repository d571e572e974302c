package org.ecgchat.augment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A batch of ECGs as augmenters see it: signals {@code [batch, leads, samples]}, optional labels
 * that travel with the records, and optional critical points (sample indices such as R-peaks,
 * one array per record) that {@link RandomMasking} can mask around.
 *
 * <p>Labels are either per record {@code [batch, classes]} (one-hot, multi-hot or soft) or per
 * sample {@code [batch, labelSamples, classes]} (segmentation masks). Mixing augmenters blend
 * them; geometric augmenters ({@link StretchCompress}, {@link RandomTimeReverse}) move per-sample
 * labels and critical points with the signal. Augmenters return labels as float32.
 *
 * <p>The record holds references: an augmenter's {@code apply} never writes into them, its
 * {@code applyInPlace} does.
 *
 * @param signals        {@code [batch, leads, samples]}, any floating type
 * @param labels         {@code [batch, classes]} or {@code [batch, labelSamples, classes]}, or null
 * @param criticalPoints one array of sample indices per record, or null
 */
public record EcgBatch(INDArray signals, INDArray labels, List<int[]> criticalPoints) {

    /** Checks shapes (values are checked when augmenting) and copies the critical points. */
    public EcgBatch {
        if (signals == null) {
            throw new InvalidBatchException("signals", "missing (null)");
        }
        if (signals.rank() != 3) {
            throw new InvalidBatchException("signals", "expected rank 3 [batch, leads, samples], got shape "
                    + Arrays.toString(signals.shape()));
        }
        if (!signals.dataType().isFPType()) {
            throw new InvalidBatchException("signals", "expected a floating-point type, got " + signals.dataType());
        }
        long batch = signals.size(0);
        if (labels != null) {
            if (labels.rank() != 2 && labels.rank() != 3) {
                throw new InvalidBatchException("labels", "expected [batch, classes] or [batch, samples, classes]"
                        + " (one-hot class indices first), got shape " + Arrays.toString(labels.shape()));
            }
            if (labels.size(0) != batch) {
                throw new InvalidBatchException("labels", "holds " + labels.size(0)
                        + " records but signals hold " + batch);
            }
        }
        if (criticalPoints != null) {
            if (criticalPoints.size() != batch) {
                throw new InvalidBatchException("critical_points", "holds " + criticalPoints.size()
                        + " records but signals hold " + batch);
            }
            List<int[]> copy = new ArrayList<>(criticalPoints.size());
            for (int b = 0; b < criticalPoints.size(); b++) {
                int[] points = criticalPoints.get(b);
                if (points == null) {
                    throw new InvalidBatchException("critical_points", "record " + b + " is null (use an empty array)");
                }
                copy.add(points.clone());
            }
            criticalPoints = Collections.unmodifiableList(copy);
        }
    }

    /** A batch of signals only. */
    public static EcgBatch of(INDArray signals) {
        return new EcgBatch(signals, null, null);
    }

    /** A batch of signals with labels ({@code [batch, classes]} or {@code [batch, samples, classes]}). */
    public static EcgBatch of(INDArray signals, INDArray labels) {
        return new EcgBatch(signals, labels, null);
    }

    /** The same batch with critical points (one array of sample indices per record). */
    public EcgBatch withCriticalPoints(List<int[]> points) {
        return new EcgBatch(signals, labels, points);
    }

    /** Number of records. */
    public int size() {
        return (int) signals.size(0);
    }

    /** Number of leads per record. */
    public int leads() {
        return (int) signals.size(1);
    }

    /** Number of samples per lead. */
    public int samples() {
        return (int) signals.size(2);
    }

    /** True when labels travel with this batch. */
    public boolean hasLabels() {
        return labels != null;
    }

    /** The critical points of one record (a copy). */
    public int[] criticalPoints(int record) {
        if (criticalPoints == null) {
            throw new IllegalStateException("this batch carries no critical points");
        }
        return criticalPoints.get(record).clone();
    }
}
