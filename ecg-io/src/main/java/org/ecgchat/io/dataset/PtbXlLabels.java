package org.ecgchat.io.dataset;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The four PTB-XL label categories of ECG-Chat's zero-shot evaluation, each with its label-set
 * name ({@code ptbxl_form}, ...) and the file the original reads it from
 * ({@code ptbxl_database_form.csv}, ...). Labels are derived from a record's {@code scp_codes} as
 * the PTB-XL benchmark does: every code counts, whatever its likelihood.
 */
public enum PtbXlLabels {
    /** Diagnostic superclasses (NORM, MI, STTC, CD, HYP): {@code diagnostic_class} of the diagnostic codes. */
    SUPERCLASS("super_class"),
    /** Diagnostic subclasses: {@code diagnostic_subclass} of the diagnostic codes. */
    SUBCLASS("sub_class"),
    /** Form statements: the codes flagged {@code form}. */
    FORM("form"),
    /** Rhythm statements: the codes flagged {@code rhythm}. */
    RHYTHM("rhythm");

    private final String suffix;

    PtbXlLabels(String suffix) {
        this.suffix = suffix;
    }

    /** The zero-shot label-set name, e.g. {@code ptbxl_sub_class}. */
    public String labelSetName() {
        return "ptbxl_" + suffix;
    }

    /** The per-category file of the original, e.g. {@code ptbxl_database_sub_class.csv}. */
    public String fileName() {
        return "ptbxl_database_" + suffix + ".csv";
    }

    /**
     * The labels of a record in this category, in the order its codes are written.
     *
     * @throws IllegalArgumentException naming a code the statements do not define
     */
    public List<String> labelsOf(Map<String, Double> scpCodes, ScpStatements statements) {
        Set<String> out = new LinkedHashSet<>();
        for (String code : scpCodes.keySet()) {
            ScpStatements.Statement s = statements.get(code).orElseThrow(() -> new IllegalArgumentException(
                    "SCP code '" + code + "' is not defined in " + statements.file()));
            label(s).ifPresent(out::add);
        }
        return new ArrayList<>(out);
    }

    /** Every label of the category, sorted as the original's label binarizer sorts them. */
    public LabelSet labelSet(ScpStatements statements) {
        TreeSet<String> all = new TreeSet<>();
        for (ScpStatements.Statement s : statements.statements().values()) {
            label(s).ifPresent(all::add);
        }
        return new LabelSet(labelSetName(), List.copyOf(all));
    }

    private Optional<String> label(ScpStatements.Statement s) {
        return switch (this) {
            case SUPERCLASS -> s.diagnostic() ? s.diagnosticClass() : Optional.empty();
            case SUBCLASS -> s.diagnostic() ? s.diagnosticSubclass() : Optional.empty();
            case FORM -> s.form() ? Optional.of(s.code()) : Optional.empty();
            case RHYTHM -> s.rhythm() ? Optional.of(s.code()) : Optional.empty();
        };
    }
}
