package org.ecgchat.io.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ecgchat.io.dataset.loader.DataLoader;
import org.ecgchat.io.dataset.loader.EcgBatch;
import org.ecgchat.io.synth.CohortRecord;
import org.ecgchat.io.synth.SyntheticCohort;
import org.ecgchat.io.synth.SyntheticPtbXl;
import org.ecgchat.io.wfdb.Wfdb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic generator's PTB-XL-layout dataset reads back through the PTB-XL reader and the loader. */
class SyntheticPtbXlReadBackTest {
    @TempDir
    Path root;

    @Test
    void everyGeneratedRecordReadsBackWithItsFoldRhythmAndSamples() throws IOException {
        List<CohortRecord> cohort = new SyntheticPtbXl(false, 2).write(root, SyntheticCohort.Options.of(12, 5), n -> { });
        EcgDataset all = PtbXl.at(root).labels(PtbXlLabels.RHYTHM).validation(RecordValidation.FAIL).read();
        assertThat(all.size()).isEqualTo(cohort.size());
        for (int i = 0; i < cohort.size(); i++) {
            CohortRecord c = cohort.get(i);
            DatasetRecord r = all.get(i);
            assertThat(r.id()).isEqualTo(Integer.toString(c.ecgId()));
            assertThat(r.fold()).hasValue(c.stratFold());
            assertThat(r.patientId()).contains(Integer.toString(c.patientId()));
            assertThat(r.labels().labels()).containsExactly(c.diagnosis().rhythm().scpCode());
            assertThat(r.record()).isEqualTo(root.resolve("records500").resolve(c.folder()).resolve(c.highRateName()));
            assertThat(r.report()).isNotBlank();
        }
        long testFold = cohort.stream().filter(c -> c.stratFold() == 10).count();
        assertThat(PtbXl.at(root).split(Split.TEST).read().size()).isEqualTo((int) testFold);
        try (DataLoader loader = DataLoader.builder(all).batchSize(5).workers(2).build();
             DataLoader.Epoch epoch = loader.epoch(0)) {
            EcgBatch b = epoch.next();
            double[][] mv = Wfdb.read(all.get(3).record()).physical();
            assertThat(b.signal(3, 1, 2500)).isEqualTo((float) mv[1][2500]);
            assertThat(b.signal(3, 11, 4999)).isEqualTo((float) mv[11][4999]);
        }
    }
}
