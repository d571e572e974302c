package org.ecgchat.io.dataset;

/**
 * Whether a reader checks, while it reads the metadata, that every record's WFDB header exists,
 * parses and has the 12 leads the models need; and what it does with a record that fails.
 * Checking costs one small file read per record (seconds for 25,000 records, about a minute for
 * MIMIC-IV-ECG's 800,000 on a local disk).
 */
public enum RecordValidation {
    /** No check: a missing or unusable record fails when it is loaded, with its file and metadata row named. */
    NONE,
    /** Check every record; the first that fails stops the reader with an error naming it and its metadata row. */
    FAIL,
    /** Check every record; skip those that fail, logging each and the number skipped. */
    SKIP
}
