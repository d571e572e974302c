package org.ecgchat.io.wfdb;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Entry points for WFDB records. A record is named by its path without extension: {@code dir/100}
 * for {@code dir/100.hea} and the signal files that header names.
 *
 * <pre>{@code
 * WfdbRecord r = Wfdb.read(Path.of("mitdb/100"));
 * double[][] mv = r.physical();                      // [signal][sample]
 * try (WfdbReader in = Wfdb.open(Path.of("mitdb/100"))) {
 *     double[][] tenSeconds = in.readPhysical(0, 3600, 0);   // signal 0, frames [0, 3600)
 * }
 * }</pre>
 */
public final class Wfdb {
    private Wfdb() {
    }

    /** Reads a header; for a multi-segment record its signals are those of the layout or first segment. */
    public static WfdbHeader readHeader(Path record) throws IOException {
        return readHeader(record, WfdbReadOptions.DEFAULT);
    }

    /** Reads a header with the given options (strict record-name checking). */
    public static WfdbHeader readHeader(Path record, WfdbReadOptions options) throws IOException {
        return RecordFiles.readHeader(Objects.requireNonNull(record, "record"), options);
    }

    /** Reads a whole record (multi-frequency signals expanded, checksum mismatches logged). */
    public static WfdbRecord read(Path record) throws IOException {
        return read(record, WfdbReadOptions.DEFAULT);
    }

    /** Reads a whole record with the given options. */
    public static WfdbRecord read(Path record, WfdbReadOptions options) throws IOException {
        try (WfdbReader reader = open(record, options)) {
            return reader.readRecord();
        }
    }

    /** Opens a record for range reads. */
    public static WfdbReader open(Path record) throws IOException {
        return open(record, WfdbReadOptions.DEFAULT);
    }

    /** Opens a record for range reads with the given options. */
    public static WfdbReader open(Path record, WfdbReadOptions options) throws IOException {
        return WfdbReader.open(record, options);
    }

    /**
     * Writes a record into {@code directory}: its signal files, then {@code name.hea}. Initial values
     * and checksums are computed from the samples; each file appears complete or not at all.
     *
     * @throws IllegalArgumentException if a sample does not fit its signal's format
     */
    public static void write(Path directory, WfdbRecord record) throws IOException {
        RecordWriter.write(Objects.requireNonNull(directory, "directory"), Objects.requireNonNull(record, "record"));
    }

    /**
     * Writes a multi-segment record: every segment as an ordinary record (each must have its own
     * record and file names), then the master header {@code name.hea} listing them.
     */
    public static void writeMultiSegment(Path directory, String name, List<WfdbRecord> segments) throws IOException {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a multi-segment record needs at least one segment");
        }
        List<WfdbHeader> headers = new ArrayList<>();
        for (WfdbRecord segment : segments) {
            if (segment.header().numberOfSignals() != segments.get(0).header().numberOfSignals()
                    || segment.samplingFrequency() != segments.get(0).samplingFrequency()) {
                throw new IllegalArgumentException("segment " + segment.header().recordName()
                        + " differs from the first segment in number of signals or sampling frequency");
            }
            write(directory, segment);
            headers.add(segment.header());
        }
        RecordWriter.writeHeader(directory, HeaderWriter.master(name, headers));
    }

    /** Writes only a header (e.g. a layout header, or a header for existing signal files). */
    public static void writeHeader(Path directory, WfdbHeader header) throws IOException {
        RecordWriter.writeHeader(Objects.requireNonNull(directory, "directory"), header);
    }
}
