package org.ecgchat.io.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.ecgchat.io.EcgIoException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records that are missing or have too few leads are skipped with a count, or stop the reader. */
class RecordValidationTest {
    @TempDir
    Path root;

    private void tree() throws IOException {
        Path dir = root.resolve("training_set");
        TestTrees.write(dir.resolve("REFERENCE.csv"), "Recording,First_label,Second_label,Third_label\n"
                + "A0001,1,,\nA0002,2,,\nA0003,3,,\n");
        TestTrees.record(dir, "A0001", 12, 100, 0);
        TestTrees.record(dir, "A0003", 8, 100, 0);
    }

    @Test
    void skipKeepsOnlyUsableRecords() throws IOException {
        tree();
        EcgDataset ds = Cpsc2018.at(root).split(Split.TRAIN).validation(RecordValidation.SKIP).read();
        assertThat(ds.asList()).extracting(DatasetRecord::id).containsExactly("A0001");
        assertThat(Cpsc2018.at(root).split(Split.TRAIN).read().size()).isEqualTo(3);
    }

    @Test
    void failNamesTheRecordAndItsRow() throws IOException {
        tree();
        assertThatThrownBy(() -> Cpsc2018.at(root).split(Split.TRAIN).validation(RecordValidation.FAIL).read())
                .isInstanceOf(EcgIoException.class)
                .hasMessageContaining("A0002")
                .hasMessageContaining("REFERENCE.csv:3");
        assertThat(RecordChecker.problem(root.resolve("training_set/A0003")))
                .hasValueSatisfying(p -> assertThat(p).contains("has 8 signals").contains("where 12 leads are needed"));
    }
}
