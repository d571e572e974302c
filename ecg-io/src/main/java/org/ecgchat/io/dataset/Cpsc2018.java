package org.ecgchat.io.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reader of the CPSC2018 challenge data as ECG-Chat lays it out: {@code training_set/} and
 * {@code validation_set/}, each with its {@code REFERENCE.csv} ({@code Recording},
 * {@code First_label}, {@code Second_label}, {@code Third_label}, optionally ECG-Chat's
 * {@code reports}) and the WFDB records converted from the MATLAB files next to it.
 *
 * <p>Label {@code k} (1–9) is column {@code k − 1} of the {@code cpsc2018} set: NORM, AFIB, 1AVB,
 * LBBB, RBBB, PAC, PVC, STD, STE. A label outside 1–9 is an error naming the row. The report is the
 * {@code reports} column when present, else the label texts joined as the original does.
 */
public final class Cpsc2018 {

    /** The label set, in the challenge's label order (label k is column k − 1). */
    public static final LabelSet LABELS = LabelSet.of("cpsc2018", "NORM", "AFIB", "1AVB", "LBBB", "RBBB", "PAC",
            "PVC", "STD", "STE");

    /** The report text of each label, as the original's {@code preprocess_cpsc2018.py} writes it (index = label). */
    static final List<String> REPORTS = List.of("", "normal", "atrial fibrillation", "1 degree atrioventricular block",
            "left bundle branch block", "right bundle branch block", "premature atrial contraction",
            "premature ventricular contraction", "st-segment depression", "st-segment elevated");

    private static final List<String> LABEL_COLUMNS = List.of("First_label", "Second_label", "Third_label");

    private final Path root;
    private final Split split;
    private final LabelSet labelSet;
    private final Path records;
    private final RecordValidation validation;

    private Cpsc2018(Path root, Split split, LabelSet labelSet, Path records, RecordValidation validation) {
        this.root = root;
        this.split = split;
        this.labelSet = labelSet;
        this.records = records;
        this.validation = validation;
    }

    /** A reader of the data in {@code root} (which holds {@code training_set/} and {@code validation_set/}). */
    public static Cpsc2018 at(Path root) {
        return new Cpsc2018(Objects.requireNonNull(root, "root"), Split.ALL, LABELS, null, RecordValidation.NONE);
    }

    /** {@link Split#TRAIN} (training_set), {@link Split#VALIDATION} (validation_set) or {@link Split#ALL} (both). */
    public Cpsc2018 split(Split s) {
        if (s == Split.TEST) {
            throw new IllegalArgumentException("CPSC2018 has a training and a validation set; ECG-Chat evaluates on "
                    + "the validation set (Split.VALIDATION)");
        }
        return new Cpsc2018(root, Objects.requireNonNull(s), labelSet, records, validation);
    }

    /**
     * Label vectors over another set holding the nine labels (e.g. {@code cpsc2018} of
     * {@code zero_shot_classes.json}); columns follow that set's order.
     *
     * @throws IllegalArgumentException naming the labels the set lacks
     */
    public Cpsc2018 labels(LabelSet set) {
        List<String> missing = LABELS.labels().stream().filter(l -> !set.contains(l)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("label set " + set.name() + " lacks the CPSC2018 labels " + missing);
        }
        return new Cpsc2018(root, split, set, records, validation);
    }

    /**
     * Records are in {@code dir/training_set/} and {@code dir/validation_set/} instead of next to
     * the {@code REFERENCE.csv} files.
     */
    public Cpsc2018 records(Path dir) {
        return new Cpsc2018(root, split, labelSet, Objects.requireNonNull(dir), validation);
    }

    /** Check the records while reading (see {@link RecordValidation}). */
    public Cpsc2018 validation(RecordValidation v) {
        return new Cpsc2018(root, split, labelSet, records, Objects.requireNonNull(v));
    }

    /** Reads the REFERENCE files of the split. */
    public EcgDataset read() throws IOException {
        List<String> folders = switch (split) {
            case TRAIN -> List.of("training_set");
            case VALIDATION -> List.of("validation_set");
            case ALL -> List.of("training_set", "validation_set");
            case TEST -> throw new IllegalStateException();
        };
        List<DatasetRecord> out = new ArrayList<>();
        for (String folder : folders) {
            Path dir = root.resolve(folder);
            Path recordDir = records == null ? dir : records.resolve(folder);
            Path reference = dir.resolve("REFERENCE.csv");
            CsvTable.read(reference, List.of("Recording", "First_label", "Second_label", "Third_label"), row -> {
                String recording = row.required("Recording");
                List<Integer> labels = new ArrayList<>();
                for (String column : LABEL_COLUMNS) {
                    int label = column.equals("First_label") ? row.integer(column) : row.integerOr(column, 0);
                    if (label == 0 && !column.equals("First_label")) {
                        continue;
                    }
                    if (label < 1 || label > 9) {
                        throw row.error(column, "label " + label + " is not a CPSC2018 label (1-9)");
                    }
                    labels.add(label);
                }
                List<String> names = labels.stream().map(k -> LABELS.labels().get(k - 1)).distinct().toList();
                String report = row.has("reports") && !row.get("reports").isEmpty() ? row.get("reports") : report(labels);
                out.add(new DatasetRecord(recording, recordDir.resolve(recording), report,
                        LabelVector.of(labelSet, names), Optional.empty(), OptionalInt.empty(), row.origin()));
            });
        }
        String name = "cpsc2018 " + split.name().toLowerCase();
        return new RecordList(name, labelSet, RecordChecker.apply(name, out, validation));
    }

    /** The original's report: the label texts in column order, joined by spaces. */
    static String report(List<Integer> labels) {
        StringBuilder sb = new StringBuilder();
        for (int k : labels) {
            sb.append(sb.length() == 0 ? "" : " ").append(REPORTS.get(k));
        }
        return sb.toString();
    }
}
