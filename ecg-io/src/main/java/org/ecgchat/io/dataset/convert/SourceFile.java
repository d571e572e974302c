package org.ecgchat.io.dataset.convert;

import java.io.IOException;

/**
 * One source file to convert: its path relative to the input (a directory or an archive), where
 * it is for messages, and its content, read when the conversion needs it.
 *
 * @param relativePath the safe relative path inside the input, {@code /}-separated
 * @param location     the file ({@code dir/A00001.h5}) or archive entry ({@code records.tar.gz!records/A00001.h5})
 * @param content      supplies the bytes
 */
public record SourceFile(String relativePath, String location, Content content) {

    /** Supplies a source file's bytes. */
    @FunctionalInterface
    public interface Content {
        byte[] read() throws IOException;
    }

    /** The record name: the file name without its suffix. */
    public String recordName(String suffix) {
        String file = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        return file.substring(0, file.length() - suffix.length());
    }

    /** The directory part of the relative path ({@code ""} for a file at the top). */
    public String directory() {
        int slash = relativePath.lastIndexOf('/');
        return slash < 0 ? "" : relativePath.substring(0, slash);
    }
}
