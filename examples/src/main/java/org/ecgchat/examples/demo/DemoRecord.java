package org.ecgchat.examples.demo;

import java.nio.file.Path;
import java.util.Objects;
import org.ecgchat.io.synth.Diagnosis;

/**
 * One record of the demo cohort.
 *
 * @param id        PTB-XL {@code ecg_id}
 * @param patientId the patient it belongs to
 * @param record    WFDB record path without extension
 * @param report    the report as the PTB-XL reader gives it
 * @param diagnosis the conditions the generator was asked for (the ground truth)
 */
public record DemoRecord(String id, int patientId, Path record, String report, Diagnosis diagnosis) {

    public DemoRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(diagnosis, "diagnosis");
    }
}
