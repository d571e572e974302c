package org.ecgchat.io.wfdb;

import java.nio.file.Path;

/** A signal's samples do not add up (modulo 2^16) to the checksum its header states. */
public final class WfdbChecksumException extends WfdbFormatException {
    private static final long serialVersionUID = 1L;

    public WfdbChecksumException(Path file, String location, String message) {
        super(file, location, message);
    }
}
