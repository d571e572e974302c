package org.ecgchat.io.synth;

import java.time.LocalDateTime;
import java.util.OptionalInt;

/**
 * One planned record of a synthetic cohort: its PTB-XL identity and metadata, what to generate
 * (diagnosis, noise) and the seed that generates it. {@code sex} follows PTB-XL (0 male, 1
 * female); height (cm) and weight (kg) are missing for some patients, as in PTB-XL.
 */
public record CohortRecord(int ecgId, int patientId, int age, int sex, OptionalInt height, OptionalInt weight,
        LocalDateTime recordingDate, Diagnosis diagnosis, NoiseLevels noise, int stratFold, long seed) {

    public CohortRecord {
        if (ecgId < 1 || ecgId > 99_999) {
            throw new IllegalArgumentException("ecg_id must lie in 1..99999 (five digits in PTB-XL file names), got " + ecgId);
        }
        if (stratFold < 1 || stratFold > 10) {
            throw new IllegalArgumentException("strat_fold must lie in 1..10, got " + stratFold);
        }
    }

    /** The record name, {@code 00001_hr} for ecg_id 1 (PTB-XL's 500 Hz naming). */
    public String highRateName() {
        return String.format("%05d_hr", ecgId);
    }

    /** The record name, {@code 00001_lr} for ecg_id 1 (PTB-XL's 100 Hz naming). */
    public String lowRateName() {
        return String.format("%05d_lr", ecgId);
    }

    /** The folder of a thousand records, {@code 00000} for ecg_id 1..999, as in PTB-XL. */
    public String folder() {
        return String.format("%05d", ecgId / 1000 * 1000);
    }
}
