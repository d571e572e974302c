package org.ecgchat.io.dataset.loader;

import java.util.List;
import java.util.Objects;
import org.ecgchat.io.dataset.DatasetRecord;

/**
 * One batch of the data loader: signals {@code [B, leads, T]} as a flat C-order float array
 * (lead-major within a record, as {@code INDArray.create(signals, shape)} expects), labels
 * {@code [B, C]} the same way, and the reports and records of the batch. The arrays are the
 * batch's own; nothing else holds them.
 *
 * @param epoch   the epoch the batch belongs to
 * @param index   the batch's position in its epoch
 * @param records the records, in batch order
 * @param leads   leads per record
 * @param length  samples per lead
 * @param signals {@code records.size() × leads × length} floats
 * @param classes columns of the label matrix (0 for a dataset without labels)
 * @param labels  {@code records.size() × classes} 0/1 floats
 */
public record EcgBatch(int epoch, int index, List<DatasetRecord> records, int leads, int length, float[] signals,
                       int classes, float[] labels) {

    public EcgBatch {
        records = List.copyOf(records);
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(labels, "labels");
        if (signals.length != (long) records.size() * leads * length) {
            throw new IllegalArgumentException(signals.length + " signal values for " + records.size() + " × " + leads
                    + " × " + length);
        }
        if (labels.length != (long) records.size() * classes) {
            throw new IllegalArgumentException(labels.length + " label values for " + records.size() + " × " + classes);
        }
    }

    /** Number of records in the batch. */
    public int size() {
        return records.size();
    }

    /** {@code [B, leads, T]}. */
    public long[] shape() {
        return new long[] {records.size(), leads, length};
    }

    /** {@code [B, C]}. */
    public long[] labelShape() {
        return new long[] {records.size(), classes};
    }

    /** The reports, in batch order. */
    public List<String> reports() {
        return records.stream().map(DatasetRecord::report).toList();
    }

    /** The value of record {@code b}, lead {@code l}, sample {@code t}. */
    public float signal(int b, int l, int t) {
        Objects.checkIndex(b, records.size());
        Objects.checkIndex(l, leads);
        Objects.checkIndex(t, length);
        return signals[(b * leads + l) * length + t];
    }
}
