package org.ecgchat.io.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ecgchat.io.wfdb.Wfdb;
import org.ecgchat.io.wfdb.WfdbRecord;
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

    private void physioNetTree(String lastDx) throws IOException {
        TestTrees.write(root.resolve("ConditionNames_SNOMED-CT.csv"), "Acronym Name,Full Name,Snomed_CT\n"
                + "SB,Sinus Bradycardia,426177001\nTWC,T wave Change,164934002\n");
        for (int k = 1; k <= 11; k++) {
            Path dir = root.resolve("WFDBRecords/01/0" + (k < 6 ? "10" : "11"));
            WfdbRecord r = WfdbRecord.fromPhysical(String.format("JS%05d", k), 500, TestTrees.LEADS, "mV", 1000, 16,
                    new double[12][10]);
            String dx = k == 11 ? lastDx : k % 2 == 0 ? "426177001,164934002" : "426177001";
            java.nio.file.Files.createDirectories(dir);
            Wfdb.write(dir, new WfdbRecord(r.header().withComments(List.of("Age: 59", "Sex: Female", "Dx: " + dx,
                    "Rx: Unknown")), r.digital()));
        }
    }

    @Test
    void withoutDiagnosticsCsvTheHeadersAreIndexedAsTheOriginalDoes() throws IOException {
        physioNetTree("427172004");
        EcgDataset all = Csd.at(root).read();
        assertThat(all.size()).isEqualTo(11);
        assertThat(all.get(1).id()).isEqualTo("JS00002");
        assertThat(all.get(1).report()).isEqualTo("Sinus Bradycardia T wave Change");
        assertThat(all.get(1).fold()).hasValue(1);
        // 427172004 is one of the names the original adds to the dataset's file
        assertThat(all.get(10).report()).isEqualTo("premature ventricular contractions");
        assertThat(Csd.at(root).split(Split.TEST).read().asList()).extracting(DatasetRecord::id).containsExactly("JS00010");
    }

    @Test
    void anUnnamedSnomedCodeNamesTheHeader() throws IOException {
        physioNetTree("999999");
        assertThatThrownBy(() -> Csd.at(root).read()).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("JS00011.hea: #Dx: SNOMED-CT code '999999' is not named");
    }
}
