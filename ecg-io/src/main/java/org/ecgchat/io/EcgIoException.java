package org.ecgchat.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Base of every exception the {@code ecg-io} readers and writers throw for bad input: the file is
 * named so that a user can find the culprit among thousands of records.
 */
public class EcgIoException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public EcgIoException(Path file, String message) {
        this(file, message, null);
    }

    public EcgIoException(Path file, String message, Throwable cause) {
        super((file == null ? "" : file + ": ") + message, cause);
        this.file = file;
    }

    /** The file at fault, or {@code null} when no single file is. */
    public Path file() {
        return file;
    }
}
