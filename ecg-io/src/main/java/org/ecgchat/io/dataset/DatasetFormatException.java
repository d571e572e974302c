package org.ecgchat.io.dataset;

import java.nio.file.Path;
import org.ecgchat.io.EcgIoException;

/**
 * A dataset's metadata file (CSV, JSON, MAT, HDF5) does not hold what the dataset's layout
 * requires. The message names the file, the place (line and column, entry index, dataset path)
 * and what was expected.
 */
public class DatasetFormatException extends EcgIoException {
    private static final long serialVersionUID = 1L;

    private final String location;

    public DatasetFormatException(Path file, String location, String message) {
        this(file, location, message, null);
    }

    public DatasetFormatException(Path file, String location, String message, Throwable cause) {
        super(file, (location == null || location.isEmpty() ? "" : location + ": ") + message, cause);
        this.location = location == null ? "" : location;
    }

    /** Where in the file the problem is, e.g. {@code "line 18, column AHA_Code"}; empty if unknown. */
    public String location() {
        return location;
    }
}
