package org.ecgchat.io.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.ecgchat.io.EcgIoException;

/**
 * A metadata CSV file with a header row, read one row at a time so that a file of 800,000 rows
 * costs only the row being read. Errors name the file, the line and the column.
 */
final class CsvTable {

    /** Receives the rows of a table in order. */
    @FunctionalInterface
    interface RowHandler {
        void accept(Row row) throws IOException;
    }

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY)
            .get();

    private CsvTable() {
    }

    /**
     * Reads every row of {@code file}, after checking that its header names every required column.
     *
     * @throws EcgIoException          if the file does not exist or cannot be read
     * @throws DatasetFormatException  naming the file, line and column of a malformed row, a
     *                                 missing column, or whatever the handler rejects
     */
    static void read(Path file, List<String> required, RowHandler handler) throws IOException {
        try (Reader in = open(file); CSVParser parser = parser(file, in)) {
            Map<String, Integer> header = parser.getHeaderMap();
            List<String> missing = new ArrayList<>();
            for (String column : required) {
                if (!header.containsKey(column)) {
                    missing.add(column);
                }
            }
            if (!missing.isEmpty()) {
                throw new DatasetFormatException(file, "line 1", "missing column" + (missing.size() > 1 ? "s " : " ")
                        + String.join(", ", missing) + "; the header has " + parser.getHeaderNames());
            }
            long lastLine = parser.getCurrentLineNumber();
            var it = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    record = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    if (cause instanceof CharacterCodingException) {
                        throw new DatasetFormatException(file, "after line " + lastLine, "not UTF-8 text", e);
                    }
                    throw new DatasetFormatException(file, "after line " + lastLine, "malformed CSV: " + cause.getMessage(), e);
                }
                Row row = new Row(file, lastLine + 1, record, header);
                lastLine = parser.getCurrentLineNumber();
                if (!record.isConsistent()) {
                    throw row.error(null, record.size() + " fields where the header has " + header.size());
                }
                handler.accept(row);
            }
        }
    }

    private static CSVParser parser(Path file, Reader in) throws IOException {
        try {
            return CSVParser.builder().setReader(in).setFormat(FORMAT).get();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new DatasetFormatException(file, "line 1", "unusable header: " + e.getMessage(), e);
        }
    }

    private static Reader open(Path file) throws IOException {
        BufferedReader r;
        try {
            r = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                    StandardCharsets.UTF_8.newDecoder()), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new EcgIoException(file, "file not found", e);
        }
        r.mark(1);
        if (r.read() != '\uFEFF') {
            r.reset();
        }
        return r;
    }

    /** One data row; its accessors name the file, line and column when a value is wrong. */
    static final class Row {
        private final Path file;
        private final long line;
        private final CSVRecord record;
        private final Map<String, Integer> header;

        Row(Path file, long line, CSVRecord record, Map<String, Integer> header) {
            this.file = file;
            this.line = line;
            this.record = record;
            this.header = header;
        }

        /** 1-based line on which the row starts. */
        long line() {
            return line;
        }

        /** {@code file:line}, for {@link DatasetRecord#origin()}. */
        String origin() {
            return file + ":" + line;
        }

        /** Whether the header has the column. */
        boolean has(String column) {
            return header.containsKey(column);
        }

        /** The raw value ("" for an empty cell). */
        String get(String column) {
            return record.get(column);
        }

        /** The value, which must not be empty. */
        String required(String column) throws DatasetFormatException {
            String v = record.get(column);
            if (v.isEmpty()) {
                throw error(column, "empty, a value is required");
            }
            return v;
        }

        /**
         * An integer cell; pandas writes integer columns holding a missing value as floats, so
         * {@code "2.0"} is read as 2.
         */
        int integer(String column) throws DatasetFormatException {
            return parseInteger(column, required(column));
        }

        /** As {@link #integer}, or {@code missing} for an empty cell. */
        int integerOr(String column, int missing) throws DatasetFormatException {
            String v = record.get(column);
            return v.isEmpty() ? missing : parseInteger(column, v);
        }

        private int parseInteger(String column, String v) throws DatasetFormatException {
            String s = v.trim();
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                try {
                    double d = Double.parseDouble(s);
                    if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
                        return (int) d;
                    }
                } catch (NumberFormatException ignored) {
                    // reported below
                }
                throw error(column, "'" + v + "' is not an integer");
            }
        }

        /** An exception naming this row's file, line and (if given) column. */
        DatasetFormatException error(String column, String message) {
            return new DatasetFormatException(file, "line " + line + (column == null ? "" : ", column " + column), message);
        }
    }
}
