package org.ecgchat.io.wfdb;

/** What a reader does when a signal's samples do not match the checksum in its header. */
public enum ChecksumPolicy {
    /** Do not compute checksums. */
    IGNORE,
    /** Log a warning (SLF4J) and return the samples, as WFDB C's {@code getvec} does. */
    WARN,
    /** Throw {@link WfdbChecksumException}. */
    STRICT
}
