package org.ecgchat.io.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reader of the Chapman-Shaoxing-Ningbo database (CSD, "a large scale 12-lead ECG database for
 * arrhythmia study") through ECG-Chat's {@code diagnostics.csv}: one row per record with
 * {@code filename} (relative to the dataset root, e.g. {@code WFDBRecords/01/010/JS00001}),
 * {@code report} (the SNOMED-CT condition names) and {@code strat_fold} (0–9).
 *
 * <p>As the original {@code load_champan_shaoxing}: fold 9 is the test split, the others the
 * training split; the report is used as written.
 */
public final class Csd {
    private static final int TEST_FOLD = 9;

    private final Path root;
    private final Split split;
    private final boolean wfep;
    private final RecordValidation validation;

    private Csd(Path root, Split split, boolean wfep, RecordValidation validation) {
        this.root = root;
        this.split = split;
        this.wfep = wfep;
        this.validation = validation;
    }

    /** A reader of the database in {@code root} (which holds {@code diagnostics.csv}): all records, no WFEP. */
    public static Csd at(Path root) {
        return new Csd(Objects.requireNonNull(root, "root"), Split.ALL, false, RecordValidation.NONE);
    }

    /** {@link Split#TRAIN} (folds 0–8), {@link Split#TEST} (fold 9) or {@link Split#ALL}. */
    public Csd split(Split s) {
        if (s == Split.VALIDATION) {
            throw new IllegalArgumentException("ECG-Chat splits CSD into train (folds 0-8) and test (fold 9) only");
        }
        return new Csd(root, Objects.requireNonNull(s), wfep, validation);
    }

    /** Append the WFEP text from the waveform columns to each report. */
    public Csd wfep(boolean on) {
        return new Csd(root, split, on, validation);
    }

    /** Check the records while reading (see {@link RecordValidation}). */
    public Csd validation(RecordValidation v) {
        return new Csd(root, split, wfep, Objects.requireNonNull(v));
    }

    /** Reads {@code diagnostics.csv}. */
    public EcgDataset read() throws IOException {
        List<DatasetRecord> out = new ArrayList<>();
        CsvTable.read(root.resolve("diagnostics.csv"), WfepColumns.required(wfep, "filename", "report", "strat_fold"),
                row -> {
                    int fold = row.integer("strat_fold");
                    if (split == Split.TRAIN && fold == TEST_FOLD || split == Split.TEST && fold != TEST_FOLD) {
                        return;
                    }
                    String file = row.required("filename");
                    Path record = root.resolve(file.startsWith("/") ? file.substring(1) : file);
                    String id = record.getFileName().toString();
                    out.add(new DatasetRecord(id, record, WfepColumns.append(row.get("report"), row, wfep),
                            LabelVector.none(), Optional.empty(), OptionalInt.of(fold), row.origin()));
                });
        String name = "csd " + split.name().toLowerCase();
        return new RecordList(name, LabelSet.NONE, RecordChecker.apply(name, out, validation));
    }
}
