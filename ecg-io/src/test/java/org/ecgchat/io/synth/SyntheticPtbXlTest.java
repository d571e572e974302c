package org.ecgchat.io.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.ecgchat.io.wfdb.Wfdb;
import org.ecgchat.io.wfdb.WfdbRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic dataset follows PTB-XL's layout, reads back exactly, and is reproducible. */
class SyntheticPtbXlTest {

    private static final SyntheticCohort.Options OPTIONS = SyntheticCohort.Options.of(26, 11);

    @TempDir
    static Path dir;
    static Path dataset;
    static List<CohortRecord> cohort;
    static List<CSVRecord> rows;

    @BeforeAll
    static void writeDataset() throws IOException {
        dataset = dir.resolve("one");
        cohort = new SyntheticPtbXl(true, 3).write(dataset, OPTIONS, n -> {});
        rows = readCsv(dataset.resolve("ptbxl_database.csv"));
    }

    private static List<CSVRecord> readCsv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @Test
    void databaseHasPtbXlsColumnsInOrder() throws IOException {
        String header = Files.readAllLines(dataset.resolve("ptbxl_database.csv")).get(0);
        assertThat(header.split(",")).containsExactlyElementsOf(SyntheticPtbXl.DATABASE_COLUMNS);
        assertThat(rows).hasSize(26);
        assertThat(rows.get(0).get("ecg_id")).isEqualTo("1");
        assertThat(rows.get(0).get("filename_hr")).isEqualTo("records500/00000/00001_hr");
        assertThat(rows.get(0).get("filename_lr")).isEqualTo("records100/00000/00001_lr");
        assertThat(rows.get(0).get("patient_id")).matches("\\d+\\.0");
        assertThat(rows.get(0).get("age")).matches("\\d+\\.0");
        assertThat(rows.get(0).get("recording_date")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    }

    @Test
    void columnsAreThoseOfTheRealPtbXlDatabase() throws IOException {
        String shared = System.getProperty("ecgchat.shared");
        Path form = shared == null ? null : Path.of(shared, "ecgchat-metadata", "ptb-xl", "ptbxl_database_form.csv");
        assumeTrue(form != null && Files.exists(form), "../shared/ecgchat-metadata/ptb-xl not available; skipping");
        // the form file is PTB-XL's table as ECG-Chat saved it: a pandas index first and its labels last
        List<String> real = new ArrayList<>(Arrays.asList(Files.readAllLines(form).get(0).split(",", -1)));
        assertThat(real.remove(0)).isEmpty();
        assertThat(real.remove(real.size() - 1)).isEqualTo("labels");
        assertThat(SyntheticPtbXl.DATABASE_COLUMNS).containsExactlyElementsOf(real);
    }

    @Test
    void scpCodesAreAPythonDictOfCodesThatScpStatementsDescribe() throws IOException {
        Map<String, CSVRecord> statements = new HashMap<>();
        for (CSVRecord s : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true).get()
                .parse(Files.newBufferedReader(dataset.resolve("scp_statements.csv"))).getRecords()) {
            statements.put(s.get(0), s);
        }
        assertThat(statements.get("CLBBB").get("diagnostic_class")).isEqualTo("CD");
        assertThat(statements.get("1AVB").get("diagnostic_subclass")).isEqualTo("_AVB");
        assertThat(statements.get("NORM").get("diagnostic_class")).isEqualTo("NORM");
        assertThat(statements.get("AFIB").get("rhythm")).isEqualTo("1.0");
        Pattern entry = Pattern.compile("'([A-Z0-9_]+)': (\\d+\\.\\d)");
        for (CSVRecord row : rows) {
            String dict = row.get("scp_codes");
            assertThat(dict).startsWith("{").endsWith("}");
            Matcher m = entry.matcher(dict);
            int n = 0;
            while (m.find()) {
                assertThat(statements).containsKey(m.group(1));
                n++;
            }
            assertThat(dict.split(", ")).hasSize(n);
        }
        assertThat(SyntheticPtbXl.pythonDict(Diagnosis.parse("LVOLT").scpCodes()))
                .isEqualTo("{'NORM': 100.0, 'LVOLT': 0.0, 'SR': 0.0}");
    }

    @Test
    void reportsAgreeWithLabels() {
        for (CSVRecord row : rows) {
            String codes = row.get("scp_codes"), report = row.get("report");
            assertThat(report.contains("atrial fibrillation")).isEqualTo(codes.contains("'AFIB'"));
            assertThat(report.contains("left bundle branch block")).isEqualTo(codes.contains("'CLBBB'"));
            assertThat(report.contains("right bundle branch block")).isEqualTo(codes.contains("'CRBBB'"));
            assertThat(report.contains("first degree av block")).isEqualTo(codes.contains("'1AVB'"));
            assertThat(report.contains("premature ventricular")).isEqualTo(codes.contains("'PVC'"));
            assertThat(report.contains("st segments are elevated")).isEqualTo(codes.contains("'STE_'"));
            assertThat(report.contains("st segments are depressed")).isEqualTo(codes.contains("'STD_'"));
            assertThat(report.contains("low qrs voltages")).isEqualTo(codes.contains("'LVOLT'"));
            assertThat(report.contains("normal ecg")).isEqualTo(codes.contains("'NORM'"));
            assertThat(row.get("extra_beats").equals("VES")).isEqualTo(codes.contains("'PVC'"));
        }
    }

    @Test
    void foldsSplitByPatientAndStratifyConditions() {
        Map<String, Set<String>> foldsOfPatient = new HashMap<>();
        for (CSVRecord row : rows) {
            foldsOfPatient.computeIfAbsent(row.get("patient_id"), k -> new HashSet<>()).add(row.get("strat_fold"));
        }
        assertThat(foldsOfPatient.values()).allMatch(f -> f.size() == 1);
        // a larger plan: every fold holds every primary condition about equally often
        List<CohortRecord> big = SyntheticCohort.plan(SyntheticCohort.Options.of(2200, 3));
        Map<Integer, Integer> perFold = new TreeMap<>();
        Map<Integer, Integer> afInFold = new TreeMap<>();
        for (CohortRecord r : big) {
            perFold.merge(r.stratFold(), 1, Integer::sum);
            if (r.diagnosis().has(Condition.ATRIAL_FIBRILLATION)) {
                afInFold.merge(r.stratFold(), 1, Integer::sum);
            }
        }
        assertThat(perFold).hasSize(10);
        assertThat(perFold.values()).allMatch(c -> c > 180 && c < 260);
        assertThat(afInFold.values()).allMatch(c -> c > 10);
        // conditions are balanced: 200 records of each primary condition
        long lbbb = big.stream().filter(r -> r.diagnosis().has(Condition.LEFT_BUNDLE_BRANCH_BLOCK)).count();
        assertThat(lbbb).isBetween(200L, 260L);
    }

    @Test
    void recordsReadBackAsTheGeneratedSignalWithExactEinthovenInTheFile() throws IOException {
        CohortRecord r = cohort.get(4);
        WfdbRecord hr = Wfdb.read(dataset.resolve("records500").resolve(r.folder()).resolve(r.highRateName()));
        assertThat(hr.samplingFrequency()).isEqualTo(500);
        assertThat(hr.signalNames()).containsExactlyElementsOf(SyntheticPtbXl.LEAD_NAMES);
        int[][] d = hr.digital();
        assertThat(d).hasDimensions(12, 5000);
        SyntheticEcg ecg = new SyntheticEcgGenerator(new SynthConfig(500, 10, r.noise()))
                .generate(r.diagnosis(), new SplittableRandom(r.seed()));
        double[][] p = hr.physical();
        for (int n = 0; n < 5000; n++) {
            assertThat(d[2][n]).isEqualTo(d[1][n] - d[0][n]); // III = II - I, to the last unit
            assertThat(Math.abs(2 * d[3][n] + d[0][n] + d[1][n])).isLessThanOrEqualTo(2); // aVR within one unit
            assertThat(Math.abs(2 * d[4][n] - 2 * d[0][n] + d[1][n])).isLessThanOrEqualTo(2);
            assertThat(Math.abs(2 * d[5][n] - 2 * d[1][n] + d[0][n])).isLessThanOrEqualTo(2);
            for (int l = 0; l < 12; l++) {
                assertThat(p[l][n]).isCloseTo(ecg.signals()[l][n], within(0.0015)); // 1 µV, plus III's two roundings
            }
        }
    }

    @Test
    void lowRateRecordsAreTheDecimatedSignal() throws IOException {
        CohortRecord r = cohort.get(0);
        WfdbRecord lr = Wfdb.read(dataset.resolve("records100").resolve(r.folder()).resolve(r.lowRateName()));
        WfdbRecord hr = Wfdb.read(dataset.resolve("records500").resolve(r.folder()).resolve(r.highRateName()));
        assertThat(lr.samplingFrequency()).isEqualTo(100);
        assertThat(lr.digital()).hasDimensions(12, 1000);
        // away from the QRS complexes the 100 Hz signal follows every fifth 500 Hz sample closely
        double[][] low = lr.physical(), high = hr.physical();
        int close = 0;
        for (int n = 50; n < 950; n++) {
            if (Math.abs(low[1][n] - high[1][5 * n]) < 0.02) {
                close++;
            }
        }
        assertThat(close).isGreaterThan(800);
        assertThat(lr.digital()[2][500]).isEqualTo(lr.digital()[1][500] - lr.digital()[0][500]);
    }

    @Test
    void groundTruthTablesDescribeEveryRecord() throws IOException {
        List<CSVRecord> measurements = readCsv(dataset.resolve("synthetic_measurements.csv"));
        assertThat(measurements).hasSize(26);
        List<CSVRecord> beats = readCsv(dataset.resolve("synthetic_beats.csv"));
        assertThat(beats.stream().map(b -> b.get("ecg_id")).distinct().count()).isEqualTo(26);
        for (CSVRecord b : beats) {
            if (!b.get("qrs_onset").isEmpty() && !b.get("qrs_offset").isEmpty()) {
                int width = Integer.parseInt(b.get("qrs_offset")) - Integer.parseInt(b.get("qrs_onset"));
                assertThat(width).isBetween(35, 95); // 70..190 ms at 500 Hz
            }
            assertThat(b.get("symbol")).isIn("N", "V");
        }
    }

    @Test
    void sameOptionsGiveByteIdenticalDatasetsWhateverTheThreads() throws IOException {
        Path other = dir.resolve("two");
        new SyntheticPtbXl(true, 1).write(other, OPTIONS, n -> {});
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dataset)) {
            files = walk.filter(Files::isRegularFile).map(dataset::relativize).sorted().toList();
        }
        try (Stream<Path> walk = Files.walk(other)) {
            assertThat(walk.filter(Files::isRegularFile).map(other::relativize).sorted().toList())
                    .containsExactlyElementsOf(files);
        }
        assertThat(files).hasSize(2 * 26 * 2 + 5);
        for (Path f : files) {
            assertThat(Files.readAllBytes(other.resolve(f))).as(f.toString()).isEqualTo(Files.readAllBytes(dataset.resolve(f)));
        }
    }
}
