package org.ecgchat.eval.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.ecgchat.eval.EvalInputException;
import org.ecgchat.eval.classification.MultiLabelData;

/**
 * Reads scores and labels for an evaluation.
 *
 * <p>CSV: two files with the same header of class names and one row per sample; an optional
 * first column named {@code id} identifies the samples and must agree row by row between the
 * files. JSON: one object {@code {"classes": [...], "scores": [[...]], "labels": [[...]]}} with
 * rows {@code [sample][class]}. Errors name the file, line and column.
 */
public final class ScoreTables {
    private ScoreTables() {
    }

    /**
     * A numeric table read from CSV.
     *
     * @param columns the class names of the header (without {@code id})
     * @param ids the {@code id} column, or {@code null} when the file has none
     * @param values one row per sample
     */
    public record Table(List<String> columns, List<String> ids, double[][] values) {
    }

    /** Reads a scores CSV and a labels CSV. */
    public static MultiLabelData readCsv(Path scores, Path labels) throws IOException {
        Table s = readTable(scores);
        Table y = readTable(labels);
        if (!s.columns().equals(y.columns())) {
            throw new EvalInputException(labels + ": header " + y.columns() + " differs from the header of " + scores
                    + ", " + s.columns());
        }
        if (s.values().length != y.values().length) {
            throw new EvalInputException(scores + " has " + s.values().length + " samples but " + labels + " has "
                    + y.values().length);
        }
        if (s.ids() != null && y.ids() != null) {
            for (int i = 0; i < s.ids().size(); i++) {
                if (!s.ids().get(i).equals(y.ids().get(i))) {
                    throw new EvalInputException(labels + " line " + (i + 2) + ": id '" + y.ids().get(i)
                            + "' but " + scores + " has '" + s.ids().get(i) + "' on that line");
                }
            }
        }
        try {
            return MultiLabelData.fromRows(s.columns(), s.values(), y.values());
        } catch (EvalInputException e) {
            throw new EvalInputException(scores + " / " + labels + ": " + e.getMessage() + " (row r is file line r + 2)", e);
        }
    }

    /** Reads a JSON file {@code {"classes", "scores", "labels"}}. */
    public static MultiLabelData readJson(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new EvalInputException(file + ": not valid JSON at line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new EvalInputException(file + ": expected an object with \"classes\", \"scores\" and \"labels\"");
        }
        JsonNode classes = root.get("classes");
        List<String> names = null;
        if (classes != null) {
            if (!classes.isArray()) {
                throw new EvalInputException(file + ": \"classes\" must be an array of names");
            }
            names = new ArrayList<>();
            for (JsonNode c : classes) {
                names.add(c.asText());
            }
        }
        double[][] s = matrix(file, root, "scores");
        double[][] y = matrix(file, root, "labels");
        try {
            return MultiLabelData.fromRows(names, s, y);
        } catch (EvalInputException e) {
            throw new EvalInputException(file + ": " + e.getMessage(), e);
        }
    }

    private static double[][] matrix(Path file, JsonNode root, String field) {
        JsonNode m = root.get(field);
        if (m == null || !m.isArray()) {
            throw new EvalInputException(file + ": \"" + field + "\" must be an array of rows [sample][class]");
        }
        double[][] out = new double[m.size()][];
        for (int i = 0; i < m.size(); i++) {
            JsonNode row = m.get(i);
            if (!row.isArray()) {
                throw new EvalInputException(file + ": " + field + "[" + i + "] is not an array");
            }
            out[i] = new double[row.size()];
            for (int j = 0; j < row.size(); j++) {
                JsonNode v = row.get(j);
                if (v.isNumber()) {
                    out[i][j] = v.asDouble();
                } else if (v.isTextual() && v.asText().equalsIgnoreCase("nan")) {
                    out[i][j] = Double.NaN;
                } else {
                    throw new EvalInputException(file + ": " + field + "[" + i + "][" + j + "] is " + v
                            + ", expected a number");
                }
            }
        }
        return out;
    }

    /**
     * Writes {@code table} as CSV in the layout {@link #readTable} reads: a header of the class names
     * (after an {@code id} column when the table has ids), then one row per sample. The writer is
     * flushed, not closed.
     */
    public static void writeTable(Writer w, Table table) throws IOException {
        List<String> header = new ArrayList<>();
        if (table.ids() != null) {
            header.add("id");
        }
        header.addAll(table.columns());
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get());
        for (int i = 0; i < table.values().length; i++) {
            List<String> row = new ArrayList<>(header.size());
            if (table.ids() != null) {
                row.add(table.ids().get(i));
            }
            for (double v : table.values()[i]) {
                row.add(Double.toString(v));
            }
            csv.printRecord(row);
        }
        csv.flush();
    }

    /** Reads one CSV table: a header of class names (optional first column {@code id}), one row per sample. */
    public static Table readTable(Path file) throws IOException {
        List<String> columns;
        List<String> ids = null;
        List<double[]> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                     .parse(r)) {
            List<String> header = p.getHeaderNames();
            if (header.isEmpty()) {
                throw new EvalInputException(file + ": empty file, expected a header of class names");
            }
            boolean hasId = header.get(0).equalsIgnoreCase("id");
            columns = List.copyOf(header.subList(hasId ? 1 : 0, header.size()));
            if (columns.isEmpty()) {
                throw new EvalInputException(file + ": the header names no class");
            }
            if (hasId) {
                ids = new ArrayList<>();
            }
            for (CSVRecord rec : p) {
                long line = rec.getParser().getCurrentLineNumber();
                if (rec.size() != header.size()) {
                    throw new EvalInputException(file + " line " + line + ": " + rec.size() + " fields, expected "
                            + header.size());
                }
                if (hasId) {
                    ids.add(rec.get(0));
                }
                double[] v = new double[columns.size()];
                for (int c = 0; c < columns.size(); c++) {
                    String cell = rec.get(c + (hasId ? 1 : 0));
                    try {
                        v[c] = Double.parseDouble(cell);
                    } catch (NumberFormatException e) {
                        throw new EvalInputException(file + " line " + line + ", column '" + columns.get(c) + "': '"
                                + cell + "' is not a number");
                    }
                }
                rows.add(v);
            }
        } catch (IllegalArgumentException e) {
            if (e instanceof EvalInputException) {
                throw e;
            }
            throw new EvalInputException(file + ": malformed CSV: " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new EvalInputException(file + ": no samples below the header");
        }
        return new Table(columns, ids, rows.toArray(double[][]::new));
    }
}
