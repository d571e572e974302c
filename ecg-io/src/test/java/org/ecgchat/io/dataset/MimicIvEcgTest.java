package org.ecgchat.io.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MIMIC-IV-ECG: the join, the original's report assembly and splits, and bad input. */
class MimicIvEcgTest {
    @TempDir
    Path root;

    private static String measurementsHeader() {
        StringBuilder sb = new StringBuilder("subject_id,study_id,cart_id");
        for (int j = 0; j < 18; j++) {
            sb.append(",report_").append(j);
        }
        return sb.append(",bandwidth\n").toString();
    }

    private static String measurementRow(int subject, int study, String... statements) {
        StringBuilder sb = new StringBuilder().append(subject).append(',').append(study).append(",6848");
        for (int j = 0; j < 18; j++) {
            sb.append(',').append(j < statements.length ? "\"" + statements[j] + "\"" : "");
        }
        return sb.append(",0.005-150 Hz\n").toString();
    }

    private static String path(int subject, int study, long file) {
        return "files/p" + String.valueOf(subject).substring(0, 4) + "/p" + subject + "/s" + study + "/" + file;
    }

    /** {@code n} studies; study k has file_name 40000000 + k, so every tenth is on the test list. */
    private void tree(int n) {
        StringBuilder list = new StringBuilder("subject_id,study_id,file_name,ecg_time,path\n");
        StringBuilder m = new StringBuilder(measurementsHeader());
        for (int k = 0; k < n; k++) {
            int subject = 10000000 + k / 2;
            int study = 50000000 + k;
            long file = 40000000 + k;
            list.append(subject).append(',').append(study).append(',').append(file).append(",2180-07-23 09:38:00,")
                    .append(path(subject, study, file)).append('\n');
            // measurements in another order than the record list
            m.insert(measurementsHeader().length(), measurementRow(subject, study, "Sinus rhythm", "Study " + k));
        }
        TestTrees.write(root.resolve("record_list.csv"), list.toString());
        TestTrees.write(root.resolve("machine_measurements.csv"), m.toString());
    }

    @Test
    void joinsOnStudyAndAssemblesTheReport() throws IOException {
        TestTrees.write(root.resolve("record_list.csv"), "subject_id,study_id,file_name,ecg_time,path\n"
                + "10000032,40689238,40689238,2180-07-23 09:38:00," + path(10000032, 40689238, 40689238) + "\n"
                + "10000032,44458630,44458630,2180-07-23 09:48:00," + path(10000032, 44458630, 44458630) + "\n");
        TestTrees.write(root.resolve("machine_measurements.csv"), measurementsHeader()
                + measurementRow(10000032, 44458630, "Sinus rhythm", "--- Warning: Data quality may affect interpretation ---",
                        "Minimal voltage criteria for LVH, may be normal variant", "Borderline ECG")
                + measurementRow(10000032, 40689238, "*** report made without knowing patient's sex ***", "RBBB with LAFB",
                        "Inferior MI - age undetermined", "Frequent PVCs", "NA"));
        EcgDataset all = MimicIvEcg.at(root).read();
        assertThat(all.size()).isEqualTo(2);
        DatasetRecord a = all.get(0);
        assertThat(a.id()).isEqualTo("40689238");
        assertThat(a.patientId()).contains("10000032");
        assertThat(a.record()).isEqualTo(root.resolve("files/p1000/p10000032/s40689238/40689238"));
        // the sex warning is dropped; "NA" is missing for pandas; " - age undetermined" removed
        assertThat(a.report()).isEqualTo("right bundle branch block with left anterior fascicular block inferior "
                + "myocardial infarction frequent ventricular premature complex");
        // substring replacement, as the original: "minimal" loses its "mi"
        assertThat(all.get(1).report()).isEqualTo("sinus rhythm myocardial infarctionnimal voltage criteria for left "
                + "ventricle hypertrophy, may be normal variant borderline ecg");
        assertThat(MimicIvEcg.at(root).cleanup(ReportCleanup.Style.CORRECTED).read().get(1).report())
                .isEqualTo("sinus rhythm minimal voltage criteria for left ventricle hypertrophy, may be normal variant "
                        + "borderline ecg");
        assertThat(a.origin()).endsWith("record_list.csv:2");
    }

    @Test
    void splitsFollowFileNameModuloTenAndTheOriginalsSlices() throws IOException {
        tree(200);
        EcgDataset train = MimicIvEcg.at(root).split(Split.TRAIN).read();
        EcgDataset validation = MimicIvEcg.at(root).split(Split.VALIDATION).read();
        EcgDataset test = MimicIvEcg.at(root).split(Split.TEST).read();
        assertThat(train.size()).isEqualTo(180);
        assertThat(train.stream()).allMatch(r -> !r.record().getFileName().toString().endsWith("0"));
        // 20 studies on the test list: [-10000:-5000] is empty, [-5000:] is all of them
        assertThat(validation.size()).isZero();
        assertThat(test.size()).isEqualTo(20);
        assertThat(test.get(0).report()).isEqualTo("sinus rhythm study 0");
        assertThat(MimicIvEcg.at(root).read().size()).isEqualTo(200);
    }

    @Test
    void largeTestListsAreSlicedIntoValidationAndTest() throws IOException {
        tree(120_000);
        EcgDataset validation = MimicIvEcg.at(root).split(Split.VALIDATION).read();
        EcgDataset test = MimicIvEcg.at(root).split(Split.TEST).read();
        // 12,000 on the test list: positions 2,000..6,999 validate, 7,000..11,999 test, 0..1,999 unused
        assertThat(validation.size()).isEqualTo(5000);
        assertThat(test.size()).isEqualTo(5000);
        assertThat(validation.get(0).report()).isEqualTo("sinus rhythm study 20000");
        assertThat(test.get(0).report()).isEqualTo("sinus rhythm study 70000");
        assertThat(test.get(4999).report()).isEqualTo("sinus rhythm study 119990");
    }

    @Test
    void studiesWhoseReportIsEmptyAreSkipped() throws IOException {
        TestTrees.write(root.resolve("record_list.csv"), "subject_id,study_id,file_name,path\n"
                + "10000001,40000001,40000001,a\n10000002,40000002,40000002,b\n");
        TestTrees.write(root.resolve("machine_measurements.csv"), measurementsHeader()
                + measurementRow(10000001, 40000001, "Analysis error")
                + measurementRow(10000002, 40000002, "Normal ECG"));
        EcgDataset all = MimicIvEcg.at(root).read();
        assertThat(all.size()).isEqualTo(1);
        assertThat(all.get(0).report()).isEqualTo("normal ecg");
    }

    @Test
    void aStudyWithoutMeasurementsOrTwiceMeasuredIsAnError() {
        TestTrees.write(root.resolve("record_list.csv"), "subject_id,study_id,file_name,path\n"
                + "10000001,40000001,40000001,a\n10000002,40000009,40000009,b\n");
        TestTrees.write(root.resolve("machine_measurements.csv"), measurementsHeader()
                + measurementRow(10000001, 40000001, "Normal ECG"));
        assertThatThrownBy(() -> MimicIvEcg.at(root).read()).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("record_list.csv: line 3, column study_id: study 40000009 has no row in");
        TestTrees.write(root.resolve("machine_measurements.csv"), measurementsHeader()
                + measurementRow(10000001, 40000001, "Normal ECG") + measurementRow(10000001, 40000001, "x"));
        assertThatThrownBy(() -> MimicIvEcg.at(root).read())
                .hasMessageContaining("machine_measurements.csv: line 3: study_id 40000001 also appears on line 2");
    }

    @Test
    void wfepColumnsOfTheNewRecordListAreAppended() throws IOException {
        List<String> cols = new ArrayList<>(List.of("subject_id", "study_id", "file_name", "path"));
        cols.addAll(WfepColumns.COLUMNS);
        TestTrees.write(root.resolve("new_record_list.csv"), String.join(",", cols) + "\n"
                + "10000001,40000001,40000001,a,800,160,90,400,447,2300,2400,2500\n");
        TestTrees.write(root.resolve("record_list.csv"), "subject_id,study_id,file_name,path\n");
        TestTrees.write(root.resolve("machine_measurements.csv"), measurementsHeader()
                + measurementRow(10000001, 40000001, "Normal ECG"));
        assertThat(MimicIvEcg.at(root).wfep(true).read().get(0).report())
                .isEqualTo("normal ecg RR: 800 PR: 160 QRS: 90 QT/QTc: 400/447 P/R/T Wave: 2300/2400/2500");
    }
}
