package org.ecgchat.io.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.ecgchat.io.EcgIoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reader of PTB-XL laid out as PhysioNet ships it: {@code ptbxl_database.csv} (or ECG-Chat's
 * English {@code ptbxl_database_translated.csv}, preferred when present), {@code scp_statements.csv},
 * {@code records500/} and {@code records100/}.
 *
 * <pre>{@code
 * EcgDataset test = PtbXl.at(root).split(Split.TEST).labels(PtbXlLabels.FORM).read();
 * }</pre>
 *
 * <p>As the original: fold 10 is the test split, folds 1–9 are the training split; the report is
 * the database's {@code report} column after {@link ReportCleanup#ptbXl}; with a label category,
 * labels come from the original's {@code ptbxl_database_<category>.csv} ({@code labels} column,
 * {@code ;}-separated) when it exists, else from {@code scp_codes} and {@code scp_statements.csv},
 * and records without any label of the category are left out (the original's per-category
 * datasets hold only those). Immutable; each {@code with}-style method returns a new reader.
 */
public final class PtbXl {
    private static final Logger LOG = LoggerFactory.getLogger(PtbXl.class);
    private static final int TEST_FOLD = 10;
    private static final List<String> DATABASES = List.of("ptbxl_database_translated.csv", "ptbxl_database.csv");

    private final Path root;
    private final Split split;
    private final int[] folds;
    private final int samplingRate;
    private final PtbXlLabels category;
    private final LabelSet labelSet;
    private final Path database;
    private final boolean wfep;
    private final RecordValidation validation;

    private PtbXl(Path root, Split split, int[] folds, int samplingRate, PtbXlLabels category, LabelSet labelSet,
                  Path database, boolean wfep, RecordValidation validation) {
        this.root = root;
        this.split = split;
        this.folds = folds;
        this.samplingRate = samplingRate;
        this.category = category;
        this.labelSet = labelSet;
        this.database = database;
        this.wfep = wfep;
        this.validation = validation;
    }

    /** A reader of the dataset in {@code root}: all records, 500 Hz, reports only, no WFEP. */
    public static PtbXl at(Path root) {
        return new PtbXl(Objects.requireNonNull(root, "root"), Split.ALL, null, 500, null, null, null, false,
                RecordValidation.NONE);
    }

    /** Only this split: {@link Split#TRAIN} (folds 1–9), {@link Split#TEST} (fold 10) or {@link Split#ALL}. */
    public PtbXl split(Split s) {
        if (s == Split.VALIDATION) {
            throw new IllegalArgumentException("ECG-Chat splits PTB-XL into train (folds 1-9) and test (fold 10); "
                    + "for another split choose folds(...)");
        }
        return new PtbXl(root, Objects.requireNonNull(s), null, samplingRate, category, labelSet, database, wfep,
                validation);
    }

    /** Only records of these {@code strat_fold}s (replaces {@link #split}). */
    public PtbXl folds(int... strat) {
        if (strat.length == 0) {
            throw new IllegalArgumentException("no folds given");
        }
        return new PtbXl(root, Split.ALL, strat.clone(), samplingRate, category, labelSet, database, wfep, validation);
    }

    /** 500 ({@code filename_hr}, the default) or 100 ({@code filename_lr}) Hz records. */
    public PtbXl samplingRate(int hz) {
        if (hz != 500 && hz != 100) {
            throw new IllegalArgumentException("PTB-XL has 500 Hz and 100 Hz records, not " + hz);
        }
        return new PtbXl(root, split, folds, hz, category, labelSet, database, wfep, validation);
    }

    /** Labels of one category, over the category's full label set from {@code scp_statements.csv}. */
    public PtbXl labels(PtbXlLabels c) {
        return new PtbXl(root, split, folds, samplingRate, Objects.requireNonNull(c), null, database, wfep, validation);
    }

    /**
     * Labels of one category over a given set (e.g. {@code ptbxl_form} of {@code zero_shot_classes.json});
     * a record with a label outside the set is an error.
     */
    public PtbXl labels(PtbXlLabels c, LabelSet set) {
        return new PtbXl(root, split, folds, samplingRate, Objects.requireNonNull(c), Objects.requireNonNull(set),
                database, wfep, validation);
    }

    /** Read this database CSV instead of {@code ptbxl_database_translated.csv} / {@code ptbxl_database.csv}. */
    public PtbXl database(Path csv) {
        return new PtbXl(root, split, folds, samplingRate, category, labelSet, Objects.requireNonNull(csv), wfep,
                validation);
    }

    /** Append the WFEP text from the database's waveform columns to each report. */
    public PtbXl wfep(boolean on) {
        return new PtbXl(root, split, folds, samplingRate, category, labelSet, database, on, validation);
    }

    /** Check the records while reading (see {@link RecordValidation}). */
    public PtbXl validation(RecordValidation v) {
        return new PtbXl(root, split, folds, samplingRate, category, labelSet, database, wfep, Objects.requireNonNull(v));
    }

    /** Reads the metadata. */
    public EcgDataset read() throws IOException {
        Path db = database != null ? database : findDatabase();
        Path scpFile = root.resolve("scp_statements.csv");
        ScpStatements statements = Files.isRegularFile(scpFile) ? ScpStatements.read(scpFile) : null;
        LabelSet set = LabelSet.NONE;
        Map<String, CategoryRow> fromFile = null;
        if (category != null) {
            if (labelSet != null) {
                set = labelSet;
            } else if (statements != null) {
                set = category.labelSet(statements);
            } else {
                throw new EcgIoException(scpFile, "needed for the " + category.labelSetName() + " label set; "
                        + "without it pass the set, e.g. labels(category, LabelSets.read(zero_shot_classes.json)"
                        + ".get(\"" + category.labelSetName() + "\"))");
            }
            Path categoryFile = root.resolve(category.fileName());
            if (Files.isRegularFile(categoryFile)) {
                fromFile = readCategoryFile(categoryFile);
            } else if (statements == null) {
                throw new EcgIoException(scpFile, "not found, and neither is " + categoryFile
                        + ": one of them is needed for " + category.labelSetName() + " labels");
            }
        }
        String filenameColumn = samplingRate == 500 ? "filename_hr" : "filename_lr";
        List<String> required = new ArrayList<>(WfepColumns.required(wfep, "ecg_id", "patient_id", "report",
                "strat_fold", filenameColumn));
        if (category != null && fromFile == null) {
            required.add("scp_codes");
        }
        List<DatasetRecord> records = new ArrayList<>();
        int[] unlabelled = {0};
        LabelSet finalSet = set;
        Map<String, CategoryRow> labelRows = fromFile;
        CsvTable.read(db, required, row -> {
            int fold = row.integer("strat_fold");
            if (!inSplit(fold)) {
                return;
            }
            String id = String.valueOf(row.integer("ecg_id"));
            LabelVector labels = LabelVector.none();
            if (category != null) {
                labels = labelRows != null ? labelsFromFile(labelRows.get(id), finalSet)
                        : labelsFromCodes(row, statements, finalSet);
                if (labels.count() == 0) {
                    unlabelled[0]++;
                    return;
                }
            }
            String report = WfepColumns.append(ReportCleanup.ptbXl(row.get("report")), row, wfep);
            Path record = root.resolve(row.required(filenameColumn));
            records.add(new DatasetRecord(id, record, report, labels, patient(row.get("patient_id")),
                    OptionalInt.of(fold), row.origin()));
        });
        if (unlabelled[0] > 0) {
            LOG.info("PTB-XL {}: left out {} records without a {} label, as the original does", db, unlabelled[0],
                    category.labelSetName());
        }
        String name = "ptb-xl " + (folds != null ? "folds " + Arrays.toString(folds) : split.name().toLowerCase())
                + (category == null ? "" : " " + category.labelSetName());
        return new RecordList(name, set, RecordChecker.apply(name, records, validation));
    }

    private Path findDatabase() throws EcgIoException {
        for (String f : DATABASES) {
            Path p = root.resolve(f);
            if (Files.isRegularFile(p)) {
                if (f.equals("ptbxl_database.csv")) {
                    LOG.info("PTB-XL: reading {}; its reports are the original German/English mix "
                            + "(ECG-Chat uses the English ptbxl_database_translated.csv)", p);
                }
                return p;
            }
        }
        throw new EcgIoException(root, "no PTB-XL database: expected " + String.join(" or ", DATABASES));
    }

    private boolean inSplit(int fold) {
        if (folds != null) {
            return Arrays.stream(folds).anyMatch(f -> f == fold);
        }
        return switch (split) {
            case ALL -> true;
            case TRAIN -> fold != TEST_FOLD;
            case TEST -> fold == TEST_FOLD;
            case VALIDATION -> throw new IllegalStateException();
        };
    }

    private record CategoryRow(List<String> labels, CsvTable.Row row) {
    }

    private static Map<String, CategoryRow> readCategoryFile(Path file) throws IOException {
        Map<String, CategoryRow> out = new HashMap<>();
        CsvTable.read(file, List.of("ecg_id", "labels"), row -> {
            String id = String.valueOf(row.integer("ecg_id"));
            String v = row.get("labels").trim();
            List<String> labels = v.isEmpty() ? List.of() : List.of(v.split(";"));
            if (out.put(id, new CategoryRow(labels, row)) != null) {
                throw row.error("ecg_id", "ecg_id " + id + " is listed twice");
            }
        });
        return out;
    }

    private static LabelVector labelsFromFile(CategoryRow r, LabelSet set) throws DatasetFormatException {
        if (r == null) {
            return LabelVector.of(set, List.of());
        }
        for (String l : r.labels()) {
            if (!set.contains(l)) {
                throw r.row().error("labels", "label '" + l + "' is not in label set " + set.name() + " " + set.labels());
            }
        }
        return LabelVector.of(set, r.labels());
    }

    private LabelVector labelsFromCodes(CsvTable.Row row, ScpStatements statements, LabelSet set)
            throws DatasetFormatException {
        List<String> labels;
        try {
            labels = category.labelsOf(ScpCodes.parse(row.get("scp_codes")), statements);
        } catch (IllegalArgumentException e) {
            throw row.error("scp_codes", e.getMessage());
        }
        for (String l : labels) {
            if (!set.contains(l)) {
                throw row.error("scp_codes", "label '" + l + "' is not in label set " + set.name() + " " + set.labels());
            }
        }
        return LabelVector.of(set, labels);
    }

    /** pandas writes the integer patient ids of PTB-XL as floats ({@code 15709.0}). */
    private static Optional<String> patient(String v) {
        if (v.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(v.endsWith(".0") ? v.substring(0, v.length() - 2) : v);
    }
}
