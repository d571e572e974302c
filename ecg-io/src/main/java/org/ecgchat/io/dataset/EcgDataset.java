package org.ecgchat.io.dataset;

import java.util.AbstractList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A dataset of ECG records with random access: what the data loader shuffles and batches. Every
 * reader of this package returns one. Implementations are immutable and safe to read from many
 * threads; {@link #get(int)} may build the record on demand (the MIMIC-IV-ECG index does, to stay
 * small at 800,000 records).
 */
public interface EcgDataset {

    /** A short name for logs and errors, e.g. {@code "ptb-xl test"}. */
    String name();

    /** The label set of every record's {@link DatasetRecord#labels()}. */
    LabelSet labelSet();

    /** Number of records. */
    int size();

    /** The record at {@code index} (0-based). */
    DatasetRecord get(int index);

    /** The records in order. */
    default Stream<DatasetRecord> stream() {
        return IntStream.range(0, size()).mapToObj(this::get);
    }

    /** A read-only list view (records are built as they are read). */
    default List<DatasetRecord> asList() {
        return new AbstractList<>() {
            @Override
            public DatasetRecord get(int index) {
                return EcgDataset.this.get(index);
            }

            @Override
            public int size() {
                return EcgDataset.this.size();
            }
        };
    }

    /** A dataset of records held in memory. */
    static EcgDataset of(String name, LabelSet labelSet, List<DatasetRecord> records) {
        return new RecordList(name, labelSet, records);
    }
}
