package org.ecgchat.io.dataset;

import java.util.List;
import java.util.Objects;

/** An {@link EcgDataset} whose records are all in memory (every dataset but MIMIC-IV-ECG). */
record RecordList(String name, LabelSet labelSet, List<DatasetRecord> records) implements EcgDataset {

    RecordList {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(labelSet, "labelSet");
        records = List.copyOf(records);
        for (DatasetRecord r : records) {
            if (!r.labels().set().equals(labelSet) && !(r.labels().size() == 0 && labelSet.size() == 0)) {
                throw new IllegalArgumentException("record " + r.id() + " is labelled over " + r.labels().set().name()
                        + ", the dataset over " + labelSet.name());
            }
        }
    }

    @Override
    public int size() {
        return records.size();
    }

    @Override
    public DatasetRecord get(int index) {
        return records.get(index);
    }

    @Override
    public String toString() {
        return name + " (" + records.size() + " records)";
    }
}
