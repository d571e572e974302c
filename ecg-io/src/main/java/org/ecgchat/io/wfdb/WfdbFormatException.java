package org.ecgchat.io.wfdb;

import java.nio.file.Path;
import org.ecgchat.io.EcgIoException;

/**
 * A WFDB header or signal file does not say what the format requires. The message names the
 * file, the place (header line and field, or sample/byte position) and what was expected.
 */
public class WfdbFormatException extends EcgIoException {
    private static final long serialVersionUID = 1L;

    private final String location;

    public WfdbFormatException(Path file, String location, String message) {
        this(file, location, message, null);
    }

    public WfdbFormatException(Path file, String location, String message, Throwable cause) {
        super(file, (location == null || location.isEmpty() ? "" : location + ": ") + message, cause);
        this.location = location == null ? "" : location;
    }

    /** Where in the file the problem is, e.g. {@code "line 3, field gain"}; empty if unknown. */
    public String location() {
        return location;
    }
}
