package org.ecgchat.io.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.ecgchat.io.EcgIoException;
import org.ecgchat.io.wfdb.Wfdb;
import org.ecgchat.io.wfdb.WfdbHeader;

/**
 * Reader of the Chapman-Shaoxing-Ningbo database (CSD, "a large scale 12-lead ECG database for
 * arrhythmia study") through ECG-Chat's {@code diagnostics.csv}: one row per record with
 * {@code filename} (relative to the dataset root, e.g. {@code WFDBRecords/01/010/JS00001}),
 * {@code report} (the SNOMED-CT condition names) and {@code strat_fold} (0–9).
 *
 * <p>As the original {@code load_champan_shaoxing}: fold 9 is the test split, the others the
 * training split; the report is used as written.
 *
 * <p>Without {@code diagnostics.csv} the reader builds the same index as the original's
 * {@code preprocess_csd.py} from the dataset as PhysioNet ships it: every header under
 * {@code WFDBRecords/}, its {@code #Dx:} SNOMED-CT codes named through
 * {@code ConditionNames_SNOMED-CT.csv} (plus the names the original adds) and joined with spaces,
 * and {@code strat_fold} = position % 10. The original numbers the records in file-system order;
 * this reader in sorted path order, so the folds are reproducible (but not the original's). A code
 * without a name is an error naming the header.
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

    /** Reads {@code diagnostics.csv}, or indexes {@code WFDBRecords/} when there is none. */
    public EcgDataset read() throws IOException {
        List<DatasetRecord> out = new ArrayList<>();
        Path diagnostics = root.resolve("diagnostics.csv");
        if (!Files.isRegularFile(diagnostics) && Files.isDirectory(root.resolve("WFDBRecords"))) {
            if (wfep) {
                throw new EcgIoException(diagnostics, "WFEP needs the waveform columns of ECG-Chat's diagnostics.csv, "
                        + "which does not exist");
            }
            indexHeaders(out);
            return finish(out);
        }
        CsvTable.read(diagnostics, WfepColumns.required(wfep, "filename", "report", "strat_fold"),
                row -> {
                    int fold = row.integer("strat_fold");
                    if (!inSplit(fold)) {
                        return;
                    }
                    String file = row.required("filename");
                    Path record = root.resolve(file.startsWith("/") ? file.substring(1) : file);
                    String id = record.getFileName().toString();
                    out.add(new DatasetRecord(id, record, WfepColumns.append(row.get("report"), row, wfep),
                            LabelVector.none(), Optional.empty(), OptionalInt.of(fold), row.origin()));
                });
        return finish(out);
    }

    private EcgDataset finish(List<DatasetRecord> out) throws IOException {
        String name = "csd " + split.name().toLowerCase();
        return new RecordList(name, LabelSet.NONE, RecordChecker.apply(name, out, validation));
    }

    private boolean inSplit(int fold) {
        return !(split == Split.TRAIN && fold == TEST_FOLD || split == Split.TEST && fold != TEST_FOLD);
    }

    private void indexHeaders(List<DatasetRecord> out) throws IOException {
        CsdConditions conditions = CsdConditions.read(root.resolve("ConditionNames_SNOMED-CT.csv"));
        List<Path> headers;
        try (Stream<Path> s = Files.walk(root.resolve("WFDBRecords"))) {
            headers = s.filter(p -> p.getFileName().toString().endsWith(".hea") && Files.isRegularFile(p)).sorted().toList();
        }
        for (int i = 0; i < headers.size(); i++) {
            Path hea = headers.get(i);
            String file = hea.getFileName().toString();
            Path record = hea.resolveSibling(file.substring(0, file.length() - 4));
            int fold = i % 10;
            if (!inSplit(fold)) {
                continue;
            }
            WfdbHeader header = Wfdb.readHeader(record);
            String dx = header.comments().stream().map(String::trim).filter(c -> c.startsWith("Dx:")).findFirst()
                    .orElseThrow(() -> new DatasetFormatException(hea, "comments", "no '#Dx:' line with SNOMED-CT codes"));
            StringBuilder report = new StringBuilder();
            for (String code : dx.substring(3).trim().split("[,;]")) {
                String c = code.trim();
                String text = conditions.name(c);
                if (text == null) {
                    throw new DatasetFormatException(hea, "#Dx", "SNOMED-CT code '" + c + "' is not named in "
                            + conditions.file() + " nor by the original");
                }
                report.append(report.length() == 0 ? "" : " ").append(text);
            }
            out.add(new DatasetRecord(record.getFileName().toString(), record, report.toString(), LabelVector.none(),
                    Optional.empty(), OptionalInt.of(fold), hea.toString()));
        }
    }
}
