package org.ecgchat.examples.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ecgchat.eval.EvalInputException;

/**
 * Report texts with ids from a file: a {@code .csv} with a header holding a {@code report} or
 * {@code text} column and optionally an {@code id} column (else the data row number), or any other
 * file as plain text with one report per line (blank lines skipped; id = line number).
 */
record ReportsFile(List<String> ids, List<String> texts) {

    static ReportsFile read(Path file) throws IOException {
        List<String> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                 CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                String textColumn = column(p.getHeaderNames(), "report", "text");
                if (textColumn == null) {
                    throw new EvalInputException(file + ": the header " + p.getHeaderNames()
                            + " has no 'report' or 'text' column");
                }
                String idColumn = column(p.getHeaderNames(), "id");
                for (CSVRecord rec : p) {
                    if (!rec.isConsistent()) {
                        throw new EvalInputException(file + " line " + rec.getParser().getCurrentLineNumber() + ": "
                                + rec.size() + " fields, expected " + p.getHeaderNames().size());
                    }
                    ids.add(idColumn == null ? Long.toString(rec.getRecordNumber()) : rec.get(idColumn));
                    texts.add(rec.get(textColumn));
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                if (e instanceof EvalInputException) {
                    throw e;
                }
                throw new EvalInputException(file + ": malformed CSV: " + e.getMessage(), e);
            }
        } else {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    ids.add(Integer.toString(i + 1));
                    texts.add(lines.get(i).strip());
                }
            }
        }
        if (texts.isEmpty()) {
            throw new EvalInputException(file + ": no reports");
        }
        return new ReportsFile(List.copyOf(ids), List.copyOf(texts));
    }

    /** The first header name equal (ignoring case) to one of {@code names}, or null. */
    private static String column(List<String> header, String... names) {
        for (String name : names) {
            for (String h : header) {
                if (h.trim().equalsIgnoreCase(name)) {
                    return h;
                }
            }
        }
        return null;
    }
}
