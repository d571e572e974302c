package org.ecgchat.io.wfdb;

import java.util.Objects;

/**
 * How {@link Wfdb} reads a record.
 *
 * @param frameMode       how multi-frequency signals are returned
 * @param checksums       what to do when a checksum does not match
 * @param strictHeader    when true, a header whose record name differs from its file name is an error
 *                        (WFDB C refuses it; by default it is accepted as wfdb-python does)
 * @param maxSamples      most samples (all signals together) that reading a whole record may
 *                        allocate; a record claiming more is refused before any allocation
 */
public record WfdbReadOptions(FrameMode frameMode, ChecksumPolicy checksums, boolean strictHeader, long maxSamples) {

    /** Expanded frames, checksum mismatches logged, lenient record names, up to 2^31 samples in memory. */
    public static final WfdbReadOptions DEFAULT =
            new WfdbReadOptions(FrameMode.EXPANDED, ChecksumPolicy.WARN, false, 1L << 31);

    public WfdbReadOptions {
        Objects.requireNonNull(frameMode, "frameMode");
        Objects.requireNonNull(checksums, "checksums");
        if (maxSamples < 0) {
            throw new IllegalArgumentException("maxSamples must be >= 0");
        }
    }

    /** These options with another frame mode. */
    public WfdbReadOptions withFrameMode(FrameMode mode) {
        return new WfdbReadOptions(mode, checksums, strictHeader, maxSamples);
    }

    /** These options with another checksum policy. */
    public WfdbReadOptions withChecksums(ChecksumPolicy policy) {
        return new WfdbReadOptions(frameMode, policy, strictHeader, maxSamples);
    }

    /** These options with strict (WFDB C) or lenient record-name checking. */
    public WfdbReadOptions withStrictHeader(boolean strict) {
        return new WfdbReadOptions(frameMode, checksums, strict, maxSamples);
    }

    /** These options with another limit on the samples a whole-record read may allocate. */
    public WfdbReadOptions withMaxSamples(long limit) {
        return new WfdbReadOptions(frameMode, checksums, strictHeader, limit);
    }
}
