package org.ecgchat.io.wfdb;

import java.util.Objects;

/**
 * How {@link Wfdb} reads a record.
 *
 * @param frameMode       how multi-frequency signals are returned
 * @param checksums       what to do when a checksum does not match
 * @param strictHeader    when true, a header whose record name differs from its file name is an error
 *                        (WFDB C refuses it; by default it is accepted as wfdb-python does)
 */
public record WfdbReadOptions(FrameMode frameMode, ChecksumPolicy checksums, boolean strictHeader) {

    /** Expanded frames, checksum mismatches logged, lenient record names. */
    public static final WfdbReadOptions DEFAULT = new WfdbReadOptions(FrameMode.EXPANDED, ChecksumPolicy.WARN, false);

    public WfdbReadOptions {
        Objects.requireNonNull(frameMode, "frameMode");
        Objects.requireNonNull(checksums, "checksums");
    }

    /** These options with another frame mode. */
    public WfdbReadOptions withFrameMode(FrameMode mode) {
        return new WfdbReadOptions(mode, checksums, strictHeader);
    }

    /** These options with another checksum policy. */
    public WfdbReadOptions withChecksums(ChecksumPolicy policy) {
        return new WfdbReadOptions(frameMode, policy, strictHeader);
    }

    /** These options with strict (WFDB C) or lenient record-name checking. */
    public WfdbReadOptions withStrictHeader(boolean strict) {
        return new WfdbReadOptions(frameMode, checksums, strict);
    }
}
