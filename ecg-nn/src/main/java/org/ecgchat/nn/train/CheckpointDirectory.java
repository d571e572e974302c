package org.ecgchat.nn.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A folder of training checkpoints, one sub-folder per checkpoint named {@code step-00000123}
 * by the number of optimiser steps taken. A checkpoint is written into a hidden temporary folder
 * and renamed into place only when every file is on disk, so a process killed while saving leaves
 * the previous checkpoints intact and no half-written one; leftovers of such a kill are removed by
 * the next save. After each save only the newest {@code keep} checkpoints remain.
 */
public final class CheckpointDirectory {

    /** Writes a checkpoint's files into a folder. */
    @FunctionalInterface
    public interface Contents {
        void writeTo(Path folder) throws IOException;
    }

    private static final Pattern NAME = Pattern.compile("step-(\\d{8,19})");
    private static final String TEMP_PREFIX = ".partial-";

    private final Path root;
    private final int keep;

    /**
     * @param root the folder holding the checkpoints (created on the first save)
     * @param keep how many of the newest checkpoints to keep, at least 1
     */
    public CheckpointDirectory(Path root, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("must keep at least one checkpoint, was " + keep);
        }
        this.root = root.toAbsolutePath();
        this.keep = keep;
    }

    public Path root() {
        return root;
    }

    /** The folder name of the checkpoint after {@code step} steps. */
    public static String folderName(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must not be negative, was " + step);
        }
        return String.format("step-%08d", step);
    }

    /** The step a checkpoint folder was saved at, from its name. */
    public static OptionalLong stepOf(Path folder) {
        Matcher m = NAME.matcher(folder.getFileName().toString());
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /**
     * Writes the checkpoint of {@code step} atomically (replacing one of the same step) and
     * deletes checkpoints beyond the newest {@code keep}.
     *
     * @return the checkpoint's folder
     */
    public Path write(long step, Contents contents) throws IOException {
        Files.createDirectories(root);
        removeLeftovers();
        Path target = root.resolve(folderName(step));
        Path temp = root.resolve(TEMP_PREFIX + folderName(step) + "-" + UUID.randomUUID());
        Files.createDirectory(temp);
        try {
            contents.writeTo(temp);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(temp)) {
                for (Path f : files) {
                    sync(f);
                }
            }
            sync(temp);
            if (Files.exists(target)) {
                Path old = root.resolve(TEMP_PREFIX + "replaced-" + UUID.randomUUID());
                move(target, old);
                move(temp, target);
                deleteTree(old);
            } else {
                move(temp, target);
            }
            sync(root);
        } finally {
            if (Files.exists(temp)) {
                deleteTree(temp);
            }
        }
        List<Path> all = list();
        for (int i = 0; i < all.size() - keep; i++) {
            deleteTree(all.get(i));
        }
        return target;
    }

    /** The complete checkpoints, oldest first. */
    public List<Path> list() throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(root)) {
            for (Path p : s) {
                if (Files.isDirectory(p) && stepOf(p).isPresent()) {
                    out.add(p);
                }
            }
        }
        out.sort(Comparator.comparingLong(p -> stepOf(p).getAsLong()));
        return out;
    }

    /** The checkpoint with the most steps, if any. */
    public Optional<Path> latest() throws IOException {
        List<Path> all = list();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private void removeLeftovers() throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(root, TEMP_PREFIX + "*")) {
            for (Path p : s) {
                deleteTree(p);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Forces a file, or a folder's entries, to disk (where the platform allows opening folders). */
    private static void sync(Path path) {
        try (FileChannel c = FileChannel.open(path, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException | UncheckedIOException e) {
            // not supported on every platform (e.g. Windows); the files themselves were forced when written
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
