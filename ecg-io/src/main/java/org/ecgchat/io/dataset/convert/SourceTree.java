package org.ecgchat.io.dataset.convert;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.ecgchat.io.EcgIoException;
import org.ecgchat.io.dataset.DatasetFormatException;

/**
 * The source files of a conversion: the files with a given suffix under a directory, or the
 * entries with that suffix of a {@code .zip}, {@code .tar}, {@code .tar.gz} or {@code .tgz}
 * archive. Archive entries are streamed, never extracted; an entry whose name is absolute or
 * climbs out with {@code ..} is refused before it is converted, so no output
 * can land outside the target folder ("zip slip"): the conversion stops at such an entry. Links and directories in archives are ignored.
 */
public final class SourceTree {
    /** Receives the source files in order. */
    @FunctionalInterface
    public interface Visitor {
        void accept(SourceFile file) throws IOException;
    }

    private final Path input;
    private final String suffix;
    private final long maxBytes;

    /**
     * @param input    a directory or an archive
     * @param suffix   the suffix of the files to visit, e.g. {@code ".h5"}
     * @param maxBytes the largest source file accepted (an archive entry claiming more is refused before it is read)
     */
    public SourceTree(Path input, String suffix, long maxBytes) {
        this.input = input;
        this.suffix = suffix;
        this.maxBytes = maxBytes;
    }

    /** Whether the input is an archive (by its name). */
    public boolean isArchive() {
        String n = input.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".zip") || n.endsWith(".tar") || n.endsWith(".tar.gz") || n.endsWith(".tgz");
    }

    /**
     * The number of source files, or -1 when counting would mean reading a compressed archive twice.
     */
    public int count() throws IOException {
        checkInput();
        if (!isArchive()) {
            return files().size();
        }
        return -1;
    }

    /** Visits every source file in order (sorted paths for a directory, entry order for an archive). */
    public void visit(Visitor visitor) throws IOException {
        checkInput();
        if (!isArchive()) {
            for (Path p : files()) {
                String rel = input.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
                visitor.accept(new SourceFile(rel, p.toString(), () -> readFile(p)));
            }
            return;
        }
        try (ArchiveInputStream<?> in = open()) {
            ArchiveEntry e;
            while ((e = nextEntry(in)) != null) {
                if (e.isDirectory() || e instanceof TarArchiveEntry t && !t.isFile()) {
                    continue;
                }
                String rel = safeRelativePath(e.getName());
                if (!rel.endsWith(suffix)) {
                    continue;
                }
                String location = input + "!" + e.getName();
                if (e.getSize() > maxBytes) {
                    throw new DatasetFormatException(input, "entry " + e.getName(), "claims " + e.getSize()
                            + " bytes, more than the " + maxBytes + " a source file may have");
                }
                byte[] bytes = readBounded(in, location);
                visitor.accept(new SourceFile(rel, location, () -> bytes));
            }
        }
    }

    private void checkInput() throws EcgIoException {
        if (!Files.exists(input)) {
            throw new EcgIoException(input, "input does not exist");
        }
        if (!isArchive() && !Files.isDirectory(input)) {
            throw new EcgIoException(input, "input is neither a directory nor a .zip/.tar/.tar.gz/.tgz archive");
        }
    }

    private ArchiveEntry nextEntry(ArchiveInputStream<?> in) throws IOException {
        try {
            return in.getNextEntry();
        } catch (IOException | RuntimeException e) {
            throw new DatasetFormatException(input, "", "damaged archive: " + e.getMessage(), e);
        }
    }

    /**
     * The entry name as a relative path that stays inside the target folder.
     *
     * @throws DatasetFormatException if the name is absolute, has a drive letter or backslash, or
     *                                climbs out with {@code ..}
     */
    String safeRelativePath(String name) throws DatasetFormatException {
        String n = name;
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        boolean bad = n.isEmpty() || n.startsWith("/") || n.contains("\\") || n.contains("\0")
                || (n.length() > 1 && n.charAt(1) == ':');
        List<String> parts = new ArrayList<>();
        for (String part : n.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                bad = true;
                break;
            }
            parts.add(part);
        }
        if (bad || parts.isEmpty()) {
            throw new DatasetFormatException(input, "entry " + name, "its path would leave the target folder "
                    + "(absolute, '..' or a drive); refusing the archive");
        }
        return String.join("/", parts);
    }

    private ArchiveInputStream<?> open() throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(input), 1 << 16);
        String n = input.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (n.endsWith(".zip")) {
                return new ZipArchiveInputStream(raw);
            }
            InputStream tar = n.endsWith(".tar") ? raw : new GZIPInputStream(raw, 1 << 16);
            return new TarArchiveInputStream(tar);
        } catch (IOException e) {
            raw.close();
            throw new DatasetFormatException(input, "", "not a readable archive: " + e.getMessage(), e);
        }
    }

    private byte[] readBounded(InputStream in, String location) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new EcgIoException(Path.of(location), "larger than the " + maxBytes + " bytes a source file may have");
        }
        return bytes;
    }

    private byte[] readFile(Path p) throws IOException {
        long size = Files.size(p);
        if (size > maxBytes) {
            throw new EcgIoException(p, size + " bytes, more than the " + maxBytes + " a source file may have");
        }
        return Files.readAllBytes(p);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(input)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}
