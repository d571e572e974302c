package org.ecgchat.io.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSD through ECG-Chat's diagnostics.csv: fold 9 is the test split. */
class CsdTest {
    @TempDir
    Path root;

    @Test
    void foldNineIsTheTestSplit() throws IOException {
        StringBuilder sb = new StringBuilder(",filename,age,sex,report,Snomed_CT,strat_fold\n");
        for (int i = 0; i < 20; i++) {
            sb.append(i).append(",/WFDBRecords/01/010/JS").append(String.format("%05d", i + 1)).append(",50,Male,")
                    .append("Sinus Bradycardia,426177001,").append(i % 10).append('\n');
        }
        TestTrees.write(root.resolve("diagnostics.csv"), sb.toString());
        EcgDataset test = Csd.at(root).split(Split.TEST).read();
        assertThat(test.size()).isEqualTo(2);
        assertThat(test.get(0).id()).isEqualTo("JS00010");
        assertThat(test.get(0).record()).isEqualTo(root.resolve("WFDBRecords/01/010/JS00010"));
        assertThat(test.get(0).report()).isEqualTo("Sinus Bradycardia");
        assertThat(Csd.at(root).split(Split.TRAIN).read().size()).isEqualTo(18);
        assertThat(Csd.at(root).read().size()).isEqualTo(20);
    }
}
