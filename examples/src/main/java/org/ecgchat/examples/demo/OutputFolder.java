package org.ecgchat.examples.demo;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder a demo run writes into, always one of its own: a run never overwrites the files of an
 * earlier one. Folders are claimed by creating them ({@link Files#createDirectory} fails if the
 * folder appeared meanwhile), so two runs started together do not share one.
 */
public final class OutputFolder {

    /** Highest numbered sibling {@link #fresh} tries. */
    private static final int MAX_SUFFIX = 10_000;

    private OutputFolder() {}

    /**
     * {@code folder} itself if it does not exist (it is created) or is an empty folder.
     *
     * @throws IllegalArgumentException if it is a file or holds anything
     */
    public static Path claim(Path folder) throws IOException {
        if (!tryClaim(folder)) {
            throw new IllegalArgumentException(folder + (Files.isDirectory(folder)
                    ? " is not empty (an earlier demo run?); choose another folder or remove it"
                    : " exists and is not a folder"));
        }
        return folder;
    }

    /**
     * {@code base} if it can be claimed, else the first of {@code base-2}, {@code base-3}, ...
     * that can; created.
     */
    public static Path fresh(Path base) throws IOException {
        for (int k = 1; k <= MAX_SUFFIX; k++) {
            Path candidate = k == 1 ? base : base.resolveSibling(base.getFileName() + "-" + k);
            if (tryClaim(candidate)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("no free folder among " + base + ", " + base + "-2, ... " + base + "-"
                + MAX_SUFFIX);
    }

    private static boolean tryClaim(Path folder) throws IOException {
        Path parent = folder.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createDirectory(folder);
            return true;
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(folder)) {
                return false;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                return !entries.iterator().hasNext();
            }
        }
    }
}
