package org.ecgchat.io.dataset;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One ECG of a dataset: where its WFDB record is, its report text (after the original's
 * clean-up, with the WFEP text appended when asked for), its labels and what the metadata says
 * about patient and fold.
 *
 * @param id        the dataset's own identifier ({@code ecg_id}, {@code Recording}, {@code ECG_ID},
 *                  {@code study_id}, ...)
 * @param record    WFDB record path without extension ({@code dir/A00001} for {@code dir/A00001.hea})
 * @param report    report text, possibly empty for a dataset read for its labels only
 * @param labels    labels over the reader's label set ({@link LabelVector#none()} when it has none)
 * @param patientId the patient, when the metadata names one
 * @param fold      the stratification fold, when the metadata has one
 * @param origin    the metadata row the record came from ({@code path/to/metadata.csv:18}), for error messages
 */
public record DatasetRecord(String id, Path record, String report, LabelVector labels, Optional<String> patientId,
                            OptionalInt fold, String origin) {

    public DatasetRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(fold, "fold");
        Objects.requireNonNull(origin, "origin");
    }
}
