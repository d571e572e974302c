package org.ecgchat.io.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPH: reports from AHA codes, the original's patient-aware split, WFEP, unknown codes. */
class SphTest {
    @TempDir
    Path root;

    /** The real metadata.csv with a code.csv naming every code "c<code>". */
    private void realTree() throws IOException {
        Path metadata = Files.copy(TestTrees.metadata("sph/metadata.csv"), root.resolve("metadata.csv"));
        Set<String> codes = new TreeSet<>();
        CsvTable.read(metadata, java.util.List.of("AHA_Code"), row -> {
            for (String c : row.get("AHA_Code").split("[;+]")) {
                codes.add(c);
            }
        });
        StringBuilder sb = new StringBuilder("Category,Code,Description\n");
        codes.forEach(c -> sb.append("X,").append(c).append(",c").append(c).append('\n'));
        TestTrees.write(root.resolve("code.csv"), sb.toString());
    }

    @Test
    void reportsComeFromTheAhaCodes() throws IOException {
        realTree();
        EcgDataset all = Sph.at(root).wfep(true).read();
        assertThat(all.size()).isEqualTo(25770);
        DatasetRecord first = all.get(0);
        assertThat(first.id()).isEqualTo("A00001");
        assertThat(first.report()).isEqualTo("c22;c23 RR: 934 PR: 153 QRS: 154 QT/QTc: 472/488 P/R/T Wave: 2336/2419/2384");
        assertThat(first.patientId()).contains("S00001");
        assertThat(first.record()).isEqualTo(root.resolve("records/records_wfdb/A00001"));
        DatasetRecord modified = all.stream().filter(r -> r.report().contains(" c3")).findFirst().orElseThrow();
        // a statement with a modifier: its descriptions joined by a space
        assertThat(modified.report()).matches("(c\\d+;)*c\\d+ c3\\d\\d[ ;].*");
    }

    @Test
    void theSplitKeepsRepeatedPatientsInTestAndTopsUpTo20Percent() throws IOException {
        realTree();
        EcgDataset train = Sph.at(root).split(Split.TRAIN).read();
        EcgDataset test = Sph.at(root).split(Split.TEST).read();
        assertThat(test.size()).isEqualTo(5154);
        assertThat(train.size()).isEqualTo(25770 - 5154);
        Map<String, Integer> perPatient = new HashMap<>();
        Sph.at(root).read().stream().forEach(r -> perPatient.merge(r.patientId().orElseThrow(), 1, Integer::sum));
        Set<String> testIds = new HashSet<>();
        test.stream().forEach(r -> testIds.add(r.id()));
        assertThat(train.stream()).noneMatch(r -> testIds.contains(r.id()) || perPatient.get(r.patientId().get()) > 1);
        long repeated = test.stream().filter(r -> perPatient.get(r.patientId().get()) > 1).count();
        assertThat(repeated).isEqualTo(2170);
        // Repeated patients first, in file order; then the sample in draw order (not file order).
        assertThat(test.asList().subList(0, 2170)).isSortedAccordingTo((a, b) -> a.id().compareTo(b.id()));
        assertThat(test.asList().subList(2170, 5154)).isNotEqualTo(
                test.asList().subList(2170, 5154).stream().sorted((a, b) -> a.id().compareTo(b.id())).toList());
        // The same every time: the sample is seeded as the original's.
        assertThat(Sph.at(root).split(Split.TEST).read().asList()).isEqualTo(test.asList());
    }

    @Test
    void anUnknownAhaCodeNamesTheRowAndTheCodeFile() {
        TestTrees.write(root.resolve("code.csv"), "Code,Description\n1,Normal ECG\n");
        TestTrees.write(root.resolve("metadata.csv"), "ECG_ID,AHA_Code,Patient_ID\nA00001,1,S1\nA00002,1;999,S2\n");
        assertThatThrownBy(() -> Sph.at(root).read()).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("metadata.csv: line 3, column AHA_Code: AHA code '999' is not defined in")
                .hasMessageContaining("code.csv");
    }

    @Test
    void wfepNeedsTheWaveformColumns() {
        TestTrees.write(root.resolve("code.csv"), "Code,Description\n1,Normal ECG\n");
        TestTrees.write(root.resolve("metadata.csv"), "ECG_ID,AHA_Code,Patient_ID\nA00001,1,S1\n");
        assertThatThrownBy(() -> Sph.at(root).wfep(true).read())
                .hasMessageContaining("missing columns RR_Interval, PR_Interval");
    }
}
