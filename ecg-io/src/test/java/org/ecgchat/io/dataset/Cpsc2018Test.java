package org.ecgchat.io.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CPSC2018: the real REFERENCE files, label vectors, the original's report text, bad labels. */
class Cpsc2018Test {
    @TempDir
    Path root;

    private void realTree() throws IOException {
        for (String f : List.of("training_set", "validation_set")) {
            Files.createDirectories(root.resolve(f));
            Files.copy(TestTrees.metadata("cpsc2018/" + f + "/REFERENCE.csv"), root.resolve(f).resolve("REFERENCE.csv"));
        }
    }

    @Test
    void builtInLabelSetIsTheZeroShotSet() throws IOException {
        assertThat(Cpsc2018.LABELS).isEqualTo(LabelSets.read(TestTrees.metadata("zero_shot_classes.json")).get("cpsc2018"));
    }

    @Test
    void readsTheRealReferenceFiles() throws IOException {
        realTree();
        EcgDataset train = Cpsc2018.at(root).split(Split.TRAIN).read();
        EcgDataset validation = Cpsc2018.at(root).split(Split.VALIDATION).read();
        assertThat(train.size()).isEqualTo(6877);
        assertThat(validation.size()).isEqualTo(300);
        assertThat(Cpsc2018.at(root).read().size()).isEqualTo(7177);
        DatasetRecord a1236 = train.stream().filter(r -> r.id().equals("A1236")).findFirst().orElseThrow();
        assertThat(a1236.labels().labels()).containsExactly("RBBB", "PAC", "STE");
        assertThat(a1236.labels().toFloats()).containsExactly(0, 0, 0, 0, 1, 1, 0, 0, 1);
        assertThat(a1236.record()).isEqualTo(root.resolve("training_set/A1236"));
        assertThat(a1236.report()).isEqualTo("st-segment elevated right bundle branch block premature atrial contraction");
    }

    @Test
    void composedReportsEqualTheOriginalsReportsColumnOnEveryRow() throws IOException {
        realTree();
        for (Path f : List.of(root.resolve("training_set/REFERENCE.csv"), root.resolve("validation_set/REFERENCE.csv"))) {
            int[] rows = {0};
            CsvTable.read(f, List.of("First_label", "Second_label", "Third_label", "reports"), row -> {
                List<Integer> labels = new java.util.ArrayList<>();
                labels.add(row.integer("First_label"));
                for (String c : List.of("Second_label", "Third_label")) {
                    if (!row.get(c).isEmpty()) {
                        labels.add(row.integer(c));
                    }
                }
                assertThat(Cpsc2018.report(labels)).as(row.origin()).isEqualTo(row.get("reports"));
                rows[0]++;
            });
            assertThat(rows[0]).isGreaterThan(100);
        }
    }

    @Test
    void labelsFollowAGivenSetsOrder() throws IOException {
        TestTrees.write(root.resolve("training_set/REFERENCE.csv"), "Recording,First_label,Second_label,Third_label\n"
                + "A0001,2,9,\n");
        List<String> backwards = new java.util.ArrayList<>(Cpsc2018.LABELS.labels());
        java.util.Collections.reverse(backwards);
        LabelSet reversed = new LabelSet("rev", backwards);
        DatasetRecord r = Cpsc2018.at(root).split(Split.TRAIN).labels(reversed).read().get(0);
        assertThat(r.labels().toFloats()).containsExactly(1, 0, 0, 0, 0, 0, 0, 1, 0);
        assertThat(r.report()).isEqualTo("atrial fibrillation st-segment elevated");
        assertThatThrownBy(() -> Cpsc2018.at(root).labels(LabelSet.of("x", "NORM")))
                .hasMessageContaining("lacks the CPSC2018 labels [AFIB");
    }

    @Test
    void aLabelOutsideOneToNineIsAnErrorNamingTheRow() {
        TestTrees.write(root.resolve("training_set/REFERENCE.csv"), "Recording,First_label,Second_label,Third_label\n"
                + "A0001,1,,\nA0002,1,10.0,\n");
        assertThatThrownBy(() -> Cpsc2018.at(root).split(Split.TRAIN).read()).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("REFERENCE.csv: line 3, column Second_label: label 10 is not a CPSC2018 label (1-9)");
        TestTrees.write(root.resolve("training_set/REFERENCE.csv"), "Recording,First_label,Second_label,Third_label\n"
                + "A0001,,,\n");
        assertThatThrownBy(() -> Cpsc2018.at(root).split(Split.TRAIN).read())
                .hasMessageContaining("line 2, column First_label: empty, a value is required");
        assertThatThrownBy(() -> Cpsc2018.at(root).split(Split.TEST)).isInstanceOf(IllegalArgumentException.class);
    }
}
