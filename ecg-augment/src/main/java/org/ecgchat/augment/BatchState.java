package org.ecgchat.augment;

import java.util.List;

/**
 * What an augmentation plan has built so far: the lazily evaluated signals, the labels (eagerly
 * transformed; null when the batch has none) and the critical points (null when absent).
 */
final class BatchState {
    final SourceSignal source;
    final Signal signals;
    final Labels labels;
    final int[][] points;

    private BatchState(SourceSignal source, Signal signals, Labels labels, int[][] points) {
        this.source = source;
        this.signals = signals;
        this.labels = labels;
        this.points = points;
    }

    static BatchState of(EcgBatch batch) {
        SourceSignal source = SourceSignal.of(batch.signals());
        Labels labels = batch.labels() == null ? null : Labels.of(batch.labels());
        int[][] points = null;
        List<int[]> given = batch.criticalPoints();
        if (given != null) {
            points = new int[given.size()][];
            for (int b = 0; b < points.length; b++) {
                points[b] = given.get(b).clone();
                for (int p : points[b]) {
                    if (p < 0 || p >= source.length) {
                        throw new InvalidBatchException("critical_points", "record " + b + " holds sample index "
                                + p + " outside [0, " + source.length + ")");
                    }
                }
            }
        }
        return new BatchState(source, source, labels, points);
    }

    BatchState withSignals(Signal next) {
        return new BatchState(source, next, labels, points);
    }

    BatchState withLabels(Labels next) {
        return new BatchState(source, signals, next, points);
    }

    BatchState withPoints(int[][] next) {
        return new BatchState(source, signals, labels, next);
    }

    int records() {
        return signals.records;
    }

    int leads() {
        return signals.leads;
    }

    int length() {
        return signals.length;
    }

    /** The labels, or an exception naming the augmenter that needs them. */
    Labels requireLabels(String augmenter) {
        if (labels == null) {
            throw new InvalidBatchException("labels", augmenter + " works on labels but the batch carries none");
        }
        return labels;
    }
}
