package org.ecgchat.io.wfdb;

/**
 * How a reader returns signals of a multi-frequency record (some signals with several samples per
 * frame). For ordinary records all modes give the same result.
 */
public enum FrameMode {
    /** Every stored sample: a signal with k samples per frame yields k values per frame. */
    EXPANDED,
    /**
     * One value per frame: the mean of the frame's samples, rounded to the nearest integer with
     * halves rounded up, as WFDB C 10.7's {@code getvec} does in low-resolution mode (invalid if
     * any sample of the frame is invalid).
     */
    AVERAGE,
    /**
     * One value per frame: the mean truncated toward zero, as WFDB C up to 10.6 (e.g. 10.5.24,
     * which made the wfdb-python test targets) did.
     */
    AVERAGE_TRUNCATED,
    /**
     * The highest rate of the record for every signal: each signal repeated (zero-order hold) to
     * the largest samples-per-frame of the record, as WFDB's high-resolution mode
     * ({@code rdsamp -H}).
     */
    HIGH_RESOLUTION
}
