package org.ecgchat.nn.checkpoint;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/** Writes a file through a temporary sibling and an atomic rename, so readers never see half a file. */
public final class AtomicFiles {
    /** Writes the file's content to an open channel. */
    @FunctionalInterface
    public interface ChannelWriter {
        void write(FileChannel channel) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code target} atomically; on any failure the target is untouched and no temp file remains. */
    public static void write(Path target, ChannelWriter writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temp = null;
        try {
            // Not Files.createTempFile: its owner-only permissions would survive the rename and
            // hide a shared model folder's weights from other users; CREATE_NEW honours the umask.
            FileChannel channel = null;
            while (channel == null) {
                String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong());
                temp = dir.resolve("." + absolute.getFileName() + "." + suffix + ".tmp");
                try {
                    channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    temp = null;
                }
            }
            try (FileChannel open = channel) {
                writer.write(open);
                open.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
