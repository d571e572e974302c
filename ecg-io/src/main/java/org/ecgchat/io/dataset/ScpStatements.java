package org.ecgchat.io.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PTB-XL's {@code scp_statements.csv}: for every SCP-ECG statement code, whether it is a
 * diagnostic, form or rhythm statement and, for diagnostic ones, its superclass and subclass.
 */
public final class ScpStatements {

    /** One statement (a row of the file; the code is its unnamed first column). */
    public record Statement(String code, String description, boolean diagnostic, boolean form, boolean rhythm,
                            Optional<String> diagnosticClass, Optional<String> diagnosticSubclass) {
    }

    private final Path file;
    private final Map<String, Statement> statements;

    private ScpStatements(Path file, Map<String, Statement> statements) {
        this.file = file;
        this.statements = statements;
    }

    /** Reads {@code scp_statements.csv}; a damaged flag or a diagnostic statement without class is an error. */
    public static ScpStatements read(Path file) throws IOException {
        Map<String, Statement> out = new LinkedHashMap<>();
        CsvTable.read(file, List.of("", "description", "diagnostic", "form", "rhythm", "diagnostic_class",
                "diagnostic_subclass"), row -> {
                    String code = row.required("");
                    boolean diagnostic = flag(row, "diagnostic");
                    Optional<String> cls = optional(row.get("diagnostic_class"));
                    Optional<String> sub = optional(row.get("diagnostic_subclass"));
                    if (diagnostic && (cls.isEmpty() || sub.isEmpty())) {
                        throw row.error("diagnostic_class", "diagnostic statement " + code
                                + " needs a diagnostic_class and a diagnostic_subclass");
                    }
                    Statement s = new Statement(code, row.get("description"), diagnostic, flag(row, "form"),
                            flag(row, "rhythm"), cls, sub);
                    if (out.put(code, s) != null) {
                        throw row.error("", "statement " + code + " is listed twice");
                    }
                });
        return new ScpStatements(file, Collections.unmodifiableMap(out));
    }

    private static boolean flag(CsvTable.Row row, String column) throws DatasetFormatException {
        String v = row.get(column).trim();
        if (v.isEmpty() || v.equals("0") || v.equals("0.0")) {
            return false;
        }
        if (v.equals("1") || v.equals("1.0")) {
            return true;
        }
        throw row.error(column, "'" + v + "' is not a flag (1.0 or empty)");
    }

    private static Optional<String> optional(String v) {
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    /** Every statement by code, in file order. */
    public Map<String, Statement> statements() {
        return statements;
    }

    /** The statement of a code, if the file defines it. */
    public Optional<Statement> get(String code) {
        return Optional.ofNullable(statements.get(code));
    }
}
