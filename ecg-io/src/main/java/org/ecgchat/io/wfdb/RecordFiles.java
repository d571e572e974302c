package org.ecgchat.io.wfdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Locates and reads the header files of a record. */
final class RecordFiles {
    private static final Logger LOG = LoggerFactory.getLogger(RecordFiles.class);
    /** Larger than any real header (MIMIC master headers with thousands of segments are a few hundred kB). */
    static final int MAX_HEADER_BYTES = 16 << 20;

    private RecordFiles() {
    }

    /** The header file of a record path given without extension ({@code dir/100} → {@code dir/100.hea}). */
    static Path headerPath(Path record) {
        String name = record.getFileName() == null ? "" : record.getFileName().toString();
        if (name.endsWith(".hea")) {
            return record;
        }
        return record.resolveSibling(name + ".hea");
    }

    /** The record name of a record path ({@code dir/100} or {@code dir/100.hea} → {@code 100}). */
    static String recordName(Path record) {
        String name = record.getFileName() == null ? "" : record.getFileName().toString();
        return name.endsWith(".hea") ? name.substring(0, name.length() - 4) : name;
    }

    /**
     * The bytes of a header file, read with one open and (for a regular file) one read: reading a
     * small header costs little more than the system calls it makes.
     */
    static byte[] readBytes(Path file, String what) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > MAX_HEADER_BYTES) {
                throw tooLarge(file, what);
            }
            if (size == 0) {
                // a pipe or device reports no size: read what it gives
                byte[] bytes = Channels.newInputStream(channel).readNBytes(MAX_HEADER_BYTES + 1);
                if (bytes.length > MAX_HEADER_BYTES) {
                    throw tooLarge(file, what);
                }
                return bytes;
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // a regular file fills the buffer in one read
            }
            return buffer.hasRemaining() ? Arrays.copyOf(buffer.array(), buffer.position()) : buffer.array();
        } catch (NoSuchFileException e) {
            throw new WfdbMissingFileException(file, what + " does not exist", e);
        } catch (WfdbFormatException e) {
            throw e;
        } catch (IOException | SecurityException e) {
            if (Files.isDirectory(file)) {
                throw new WfdbMissingFileException(file, what + " is a directory", e);
            }
            throw new WfdbMissingFileException(file, what + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static WfdbFormatException tooLarge(Path file, String what) {
        return new WfdbFormatException(file, "", what + " is larger than " + MAX_HEADER_BYTES
                + " bytes; it is not a WFDB header");
    }

    /** Parses one header file as it stands (a multi-segment master header keeps no signals). */
    static HeaderParser.Parsed parse(Path headerFile, String recordArgument, WfdbReadOptions options)
            throws IOException {
        byte[] bytes = readBytes(headerFile, "header");
        HeaderParser.Parsed parsed = HeaderParser.parse(headerFile, recordArgument, bytes);
        String inHeader = parsed.header().recordName();
        if (!inHeader.equals(recordArgument)) {
            String message = "record name '" + inHeader + "' in header differs from its file name '" + recordArgument + "'";
            if (options.strictHeader()) {
                throw new WfdbFormatException(headerFile, "line 1, record name", message);
            }
            LOG.debug("{}: {}", headerFile, message);
        }
        return parsed;
    }

    static WfdbHeader readSingleHeader(Path headerFile, String recordArgument, WfdbReadOptions options)
            throws IOException {
        return parse(headerFile, recordArgument, options).header();
    }

    /**
     * Reads a record's header; for a multi-segment record, its signals are those of the layout
     * header (variable layout) or of the first segment (fixed layout).
     */
    static WfdbHeader readHeader(Path record, WfdbReadOptions options) throws IOException {
        Path headerFile = headerPath(record);
        HeaderParser.Parsed parsed = parse(headerFile, recordName(record), options);
        WfdbHeader header = parsed.header();
        if (!header.isMultiSegment()) {
            return header;
        }
        for (SegmentSpec seg : header.segments()) {
            if (seg.isNull()) {
                continue;
            }
            Path segFile = headerFile.resolveSibling(seg.name() + ".hea");
            WfdbHeader first = readSingleHeader(segFile, seg.name(), options);
            if (first.isMultiSegment()) {
                throw new WfdbFormatException(segFile, "line 1",
                        "segment " + seg.name() + " is itself a multi-segment record; segments cannot be nested");
            }
            if (first.numberOfSignals() != parsed.declaredSignals()) {
                LOG.warn("{}: {} signals declared, but segment {} has {}", headerFile, parsed.declaredSignals(),
                        seg.name(), first.numberOfSignals());
            }
            return header.withSignals(first.signals());
        }
        return header;
    }
}
