package org.ecgchat.io.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.ecgchat.io.EcgIoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reader of MIMIC-IV-ECG: {@code record_list.csv} (or ECG-Chat's {@code new_record_list.csv} with
 * the waveform columns, preferred when present) joined on {@code study_id} with
 * {@code machine_measurements.csv}, whose {@code report_0..report_17} statements make the report
 * ({@link ReportCleanup#mimic}).
 *
 * <p>Built for the 800,000 studies: both files are streamed, the distinct machine statements are
 * stored once, record paths are packed as bytes, and a record's report is assembled when the
 * record is asked for, so the whole index costs about 100 bytes per study plus the distinct
 * statements.
 *
 * <p>Splits, as the original {@code load_mimic_iv_ecg}: the training split is every study whose
 * {@code file_name} is not a multiple of 10; of the others (in file order) the last 10,000 to
 * 5,000 are the validation split and the last 5,000 the test split (Python slice semantics when
 * there are fewer). The remaining studies with {@code file_name % 10 == 0} belong to no split, as
 * in the original. Studies whose report is empty after dropping the original's "bad" statements
 * are skipped, as the original skips them (the count is logged).
 */
public final class MimicIvEcg {
    private static final Logger LOG = LoggerFactory.getLogger(MimicIvEcg.class);
    static final int REPORT_COLUMNS = 18;

    private final Path root;
    private final Split split;
    private final Path recordList;
    private final boolean wfep;
    private final ReportCleanup.Style style;
    private final RecordValidation validation;

    private MimicIvEcg(Path root, Split split, Path recordList, boolean wfep, ReportCleanup.Style style,
                       RecordValidation validation) {
        this.root = root;
        this.split = split;
        this.recordList = recordList;
        this.wfep = wfep;
        this.style = style;
        this.validation = validation;
    }

    /** A reader of the dataset in {@code root}: all studies, original clean-up, no WFEP. */
    public static MimicIvEcg at(Path root) {
        return new MimicIvEcg(Objects.requireNonNull(root, "root"), Split.ALL, null, false,
                ReportCleanup.Style.ORIGINAL, RecordValidation.NONE);
    }

    /** Only this split (see the class comment). */
    public MimicIvEcg split(Split s) {
        return new MimicIvEcg(root, Objects.requireNonNull(s), recordList, wfep, style, validation);
    }

    /** Read this record list instead of {@code new_record_list.csv} / {@code record_list.csv}. */
    public MimicIvEcg recordList(Path csv) {
        return new MimicIvEcg(root, split, Objects.requireNonNull(csv), wfep, style, validation);
    }

    /** Append the WFEP text from the record list's waveform columns to each report. */
    public MimicIvEcg wfep(boolean on) {
        return new MimicIvEcg(root, split, recordList, on, style, validation);
    }

    /** How abbreviations are expanded (default {@link ReportCleanup.Style#ORIGINAL}). */
    public MimicIvEcg cleanup(ReportCleanup.Style s) {
        return new MimicIvEcg(root, split, recordList, wfep, Objects.requireNonNull(s), validation);
    }

    /** Check the records while reading (see {@link RecordValidation}); a skip keeps the index compact. */
    public MimicIvEcg validation(RecordValidation v) {
        return new MimicIvEcg(root, split, recordList, wfep, style, Objects.requireNonNull(v));
    }

    /** Streams both files into the compact index. */
    public EcgDataset read() throws IOException {
        Path list = recordList != null ? recordList : findRecordList();
        Path measurements = root.resolve("machine_measurements.csv");
        MachineReports reports = MachineReports.read(measurements);
        MimicIndex.Builder index = new MimicIndex.Builder(root, list, reports, wfep, style);
        List<String> required = WfepColumns.required(wfep, "subject_id", "study_id", "file_name", "path");
        IntList testRows = new IntList(1024);
        CsvTable.read(list, required, row -> {
            int study = id(row, "study_id");
            int r = reports.find(study);
            if (r < 0) {
                throw row.error("study_id", "study " + study + " has no row in " + measurements);
            }
            long fileName = fileName(row);
            boolean testList = fileName % 10 == 0;
            if (split == Split.TRAIN && testList || (split == Split.VALIDATION || split == Split.TEST) && !testList) {
                return;
            }
            int[] wave = wfep ? waveform(row) : null;
            int slot = index.add(study, id(row, "subject_id"), row.required("path"), r, (int) row.line(), wave);
            if (testList) {
                testRows.add(slot);
            }
        });
        MimicIndex built = index.build(name(), slice(testRows));
        int empty = built.droppedEmpty();
        if (empty > 0) {
            LOG.info("MIMIC-IV-ECG {}: skipped {} studies whose report is empty after dropping the original's "
                    + "unusable statements", split.name().toLowerCase(), empty);
        }
        if (validation == RecordValidation.NONE) {
            return built;
        }
        return built.validated(validation);
    }

    private String name() {
        return "mimic-iv-ecg " + split.name().toLowerCase();
    }

    /** For VALIDATION/TEST, the slots kept from the test list; null for ALL/TRAIN (keep every slot). */
    private int[] slice(IntList testRows) {
        if (split == Split.ALL || split == Split.TRAIN) {
            return null;
        }
        int n = testRows.size();
        int from = split == Split.VALIDATION ? Math.max(0, n - 10_000) : Math.max(0, n - 5_000);
        int to = split == Split.VALIDATION ? Math.max(0, n - 5_000) : n;
        int[] keep = new int[Math.max(0, to - from)];
        for (int i = from; i < to; i++) {
            keep[i - from] = testRows.get(i);
        }
        return keep;
    }

    private Path findRecordList() throws EcgIoException {
        for (String f : List.of("new_record_list.csv", "record_list.csv")) {
            Path p = root.resolve(f);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new EcgIoException(root, "no MIMIC-IV-ECG record list: expected new_record_list.csv or record_list.csv");
    }

    static int id(CsvTable.Row row, String column) throws DatasetFormatException {
        int v = row.integer(column);
        if (v < 0) {
            throw row.error(column, "negative id " + v);
        }
        return v;
    }

    private static long fileName(CsvTable.Row row) throws DatasetFormatException {
        String v = row.required("file_name").trim();
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw row.error("file_name", "'" + v + "' is not a numeric file name");
        }
    }

    private static int[] waveform(CsvTable.Row row) throws DatasetFormatException {
        int[] v = new int[WfepColumns.COLUMNS.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = row.integer(WfepColumns.COLUMNS.get(i));
        }
        return v;
    }
}
