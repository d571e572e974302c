package org.ecgchat.io.wfdb;

import java.util.Objects;

/**
 * One segment line of a multi-segment header: a record name and its length in frames. The name
 * {@code "~"} marks a null segment (a gap with no signals); a first segment of length 0 is the
 * layout header of a variable-layout record.
 */
public record SegmentSpec(String name, long length) {

    /** Name of a null (gap) segment. */
    public static final String NULL_SEGMENT = "~";

    public SegmentSpec {
        Objects.requireNonNull(name, "name");
        if (length < 0) {
            throw new IllegalArgumentException("segment length must be >= 0, was " + length);
        }
    }

    /** True for a gap segment ({@code "~"}), which has no header and no samples. */
    public boolean isNull() {
        return NULL_SEGMENT.equals(name);
    }
}
