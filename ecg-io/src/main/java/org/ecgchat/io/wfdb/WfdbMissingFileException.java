package org.ecgchat.io.wfdb;

import java.nio.file.Path;
import org.ecgchat.io.EcgIoException;

/** A header, signal file or segment that a record needs does not exist or cannot be opened. */
public final class WfdbMissingFileException extends EcgIoException {
    private static final long serialVersionUID = 1L;

    public WfdbMissingFileException(Path file, String message, Throwable cause) {
        super(file, message, cause);
    }
}
