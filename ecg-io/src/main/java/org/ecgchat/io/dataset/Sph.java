package org.ecgchat.io.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reader of the Shandong Provincial Hospital (SPH) database: {@code metadata.csv} ({@code ECG_ID},
 * {@code AHA_Code}, {@code Patient_ID}, ...), {@code code.csv} ({@code Code}, {@code Description})
 * and the WFDB records converted from its HDF5 files (by default in {@code records/records_wfdb/},
 * where the original puts them).
 *
 * <p>The report is built from the AHA codes as the original does: the statements of
 * {@code AHA_Code} are separated by {@code ;}, a statement's primary code and modifiers by
 * {@code +}; each code becomes its description, a statement's descriptions are joined with spaces
 * and the statements with {@code ;}. An AHA code missing from {@code code.csv} is an error naming
 * the row.
 *
 * <p>Split, as the original {@code load_sph}: every record of a patient with more than one record
 * goes to the test split, topped up to 20% with records drawn by
 * {@code DataFrame.sample(n, random_state=73)}, which this reader reproduces exactly (NumPy's
 * MT19937); the rest is the training split.
 */
public final class Sph {
    /** The seed of the original's test sample ("73 is chosen such that all primary statements exist in both sets"). */
    static final long SPLIT_SEED = 73;

    private final Path root;
    private final Split split;
    private final Path records;
    private final boolean wfep;
    private final RecordValidation validation;

    private Sph(Path root, Split split, Path records, boolean wfep, RecordValidation validation) {
        this.root = root;
        this.split = split;
        this.records = records;
        this.wfep = wfep;
        this.validation = validation;
    }

    /** A reader of the database in {@code root}: all records, no WFEP. */
    public static Sph at(Path root) {
        Objects.requireNonNull(root, "root");
        return new Sph(root, Split.ALL, root.resolve("records").resolve("records_wfdb"), false, RecordValidation.NONE);
    }

    /** {@link Split#TRAIN}, {@link Split#TEST} or {@link Split#ALL}. */
    public Sph split(Split s) {
        if (s == Split.VALIDATION) {
            throw new IllegalArgumentException("ECG-Chat splits SPH into train and test only");
        }
        return new Sph(root, Objects.requireNonNull(s), records, wfep, validation);
    }

    /** The directory holding the WFDB records ({@code A00001.hea}, ...). */
    public Sph records(Path dir) {
        return new Sph(root, split, Objects.requireNonNull(dir), wfep, validation);
    }

    /** Append the WFEP text from the metadata's waveform columns to each report. */
    public Sph wfep(boolean on) {
        return new Sph(root, split, records, on, validation);
    }

    /** Check the records while reading (see {@link RecordValidation}). */
    public Sph validation(RecordValidation v) {
        return new Sph(root, split, records, wfep, Objects.requireNonNull(v));
    }

    /** Reads {@code code.csv} and {@code metadata.csv}. */
    public EcgDataset read() throws IOException {
        Map<String, String> descriptions = new HashMap<>();
        Path codeFile = root.resolve("code.csv");
        CsvTable.read(codeFile, List.of("Code", "Description"), row -> {
            String code = row.required("Code").trim();
            if (descriptions.put(code, row.get("Description")) != null) {
                throw row.error("Code", "AHA code " + code + " is defined twice");
            }
        });
        Path metadata = root.resolve("metadata.csv");
        List<DatasetRecord> all = new ArrayList<>();
        List<String> patients = new ArrayList<>();
        CsvTable.read(metadata, WfepColumns.required(wfep, "ECG_ID", "AHA_Code", "Patient_ID"), row -> {
            String id = row.required("ECG_ID");
            String report = report(row.required("AHA_Code"), descriptions, row, codeFile);
            String patient = row.required("Patient_ID");
            patients.add(patient);
            all.add(new DatasetRecord(id, records.resolve(id), WfepColumns.append(report, row, wfep), LabelVector.none(),
                    Optional.of(patient), OptionalInt.empty(), row.origin()));
        });
        List<DatasetRecord> chosen = switch (split) {
            case ALL -> all;
            case TRAIN, TEST -> select(all, patients, split == Split.TEST, metadata);
            case VALIDATION -> throw new IllegalStateException();
        };
        String name = "sph " + split.name().toLowerCase();
        return new RecordList(name, LabelSet.NONE, RecordChecker.apply(name, chosen, validation));
    }

    private static String report(String ahaCode, Map<String, String> descriptions, CsvTable.Row row, Path codeFile)
            throws DatasetFormatException {
        StringBuilder sb = new StringBuilder();
        String[] statements = ahaCode.split(";", -1);
        for (int s = 0; s < statements.length; s++) {
            String[] codes = statements[s].split("\\+", -1);
            if (s > 0) {
                sb.append(';');
            }
            for (int c = 0; c < codes.length; c++) {
                String code = codes[c].trim();
                String text = descriptions.get(code);
                if (text == null) {
                    throw row.error("AHA_Code", "AHA code '" + code + "' is not defined in " + codeFile);
                }
                sb.append(c > 0 ? " " : "").append(text);
            }
        }
        return sb.toString();
    }

    /**
     * The original's split: test = all records of repeated patients (file order), then
     * {@code int(n * 0.2) - repeated} of the others in the order {@code sample(random_state=73)}
     * draws them; train = the rest in file order.
     */
    static List<DatasetRecord> select(List<DatasetRecord> all, List<String> patients, boolean test, Path metadata)
            throws DatasetFormatException {
        Map<String, Integer> count = new HashMap<>();
        for (String p : patients) {
            count.merge(p, 1, Integer::sum);
        }
        boolean[] inTest = new boolean[all.size()];
        List<DatasetRecord> testRecords = new ArrayList<>();
        List<Integer> single = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (count.get(patients.get(i)) > 1) {
                inTest[i] = true;
                testRecords.add(all.get(i));
            } else {
                single.add(i);
            }
        }
        int sampled = (int) (all.size() * 0.2) - testRecords.size();
        if (sampled < 0) {
            throw new DatasetFormatException(metadata, "", testRecords.size() + " records belong to repeated patients, "
                    + "more than the 20% test split of " + all.size() + " records the original's split allows");
        }
        int[] order = new NumpyRandomState(SPLIT_SEED).permutation(single.size());
        for (int k = 0; k < sampled; k++) {
            int i = single.get(order[k]);
            inTest[i] = true;
            testRecords.add(all.get(i));
        }
        if (test) {
            return testRecords;
        }
        List<DatasetRecord> train = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (!inTest[i]) {
                train.add(all.get(i));
            }
        }
        return train;
    }
}
