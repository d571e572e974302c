package org.ecgchat.io.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgchat.io.dataset.loader.DataLoader;
import org.ecgchat.io.dataset.loader.EcgBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PTB-XL tree written with the WFDB writer, read by the reader and batched by the loader. */
class DatasetToBatchesTest {
    @TempDir
    Path root;

    @Test
    void ptbXlTestFoldComesOutAsLabelledBatches() throws IOException {
        TestTrees.resource("scp_statements.csv", root.resolve("scp_statements.csv"));
        StringBuilder db = new StringBuilder("ecg_id,patient_id,report,scp_codes,strat_fold,filename_lr,filename_hr\n");
        String[] codes = {"{'NORM': 100.0, 'SR': 0.0}", "{'IMI': 50.0, 'AFIB': 0.0}", "{'CLBBB': 100.0, 'STACH': 0.0}"};
        for (int k = 1; k <= 12; k++) {
            String name = String.format("%05d_hr", k);
            TestTrees.record(root.resolve("records500/00000"), name, 12, 5000, k);
            db.append(k).append(',').append(100 + k).append(".0,report ").append(k).append(",\"").append(codes[k % 3])
                    .append("\",").append(k % 2 == 0 ? 10 : 1).append(",records100/00000/").append(String.format("%05d_lr", k))
                    .append(",records500/00000/").append(name).append('\n');
        }
        TestTrees.write(root.resolve("ptbxl_database.csv"), db.toString());
        EcgDataset test = PtbXl.at(root).split(Split.TEST).labels(PtbXlLabels.SUPERCLASS)
                .validation(RecordValidation.FAIL).read();
        assertThat(test.asList()).extracting(DatasetRecord::id).containsExactly("2", "4", "6", "8", "10", "12");
        List<EcgBatch> batches = new ArrayList<>();
        try (DataLoader loader = DataLoader.builder(test).batchSize(4).workers(2).build();
             DataLoader.Epoch epoch = loader.epoch(0)) {
            epoch.forEachRemaining(batches::add);
        }
        assertThat(batches).extracting(EcgBatch::size).containsExactly(4, 2);
        EcgBatch b = batches.get(0);
        // record 4 (batch position 1): lead 7, sample 321 = (4 + 700 + 321 % 50) / 1000 mV
        assertThat(b.signal(1, 7, 321)).isEqualTo((float) ((4 + 700 + 321 % 50) / 1000.0));
        // superclasses CD, HYP, MI, NORM, STTC: record 2 has CLBBB -> CD, record 4 IMI -> MI
        assertThat(test.labelSet().labels()).containsExactly("CD", "HYP", "MI", "NORM", "STTC");
        assertThat(java.util.Arrays.copyOfRange(b.labels(), 0, 10)).containsExactly(1, 0, 0, 0, 0, 0, 0, 1, 0, 0);
        assertThat(b.reports()).containsExactly("report 2", "report 4", "report 6", "report 8");
    }
}
