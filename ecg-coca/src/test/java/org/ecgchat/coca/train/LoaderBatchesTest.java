package org.ecgchat.coca.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.ecgchat.coca.CocaConfig;
import org.ecgchat.coca.EcgRecords;
import org.ecgchat.coca.Fixtures;
import org.ecgchat.io.dataset.DatasetRecord;
import org.ecgchat.io.dataset.EcgDataset;
import org.ecgchat.io.dataset.LabelSet;
import org.ecgchat.io.dataset.LabelVector;
import org.ecgchat.io.dataset.loader.DataLoader;
import org.ecgchat.io.preprocess.Preprocessor;
import org.ecgchat.nn.tokenize.BertTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The dataset module's loader as a training data source: the seeded batches of each epoch with
 * their reports tokenised, the same when asked for out of order (as a resumed run does).
 */
class LoaderBatchesTest {

    @TempDir
    Path dir;

    @Test
    void batchesFollowTheLoaderAndSurviveOutOfOrderRequests() throws IOException {
        Path fixture = Fixtures.coca();
        BertTokenizer tokenizer = TinyData.tokenizer(dir);
        String[] reports = {"sinus rhythm", "atrial fibrillation", "normal ecg , left axis deviation"};
        List<DatasetRecord> records = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            records.add(new DatasetRecord("r" + i, fixture.resolve("records/case0" + i % 3), reports[i % 3],
                    LabelVector.none(), Optional.empty(), OptionalInt.empty(), "test:" + i));
        }
        EcgDataset dataset = EcgDataset.of("fixture", LabelSet.NONE, records);
        try (DataLoader loader = DataLoader.builder(dataset).batchSize(2).shuffle(true).seed(5).dropLast(true)
                .transform(Preprocessor.evaluation(500)).shape(12, 500).workers(2).build();
                LoaderBatches batches = new LoaderBatches(loader, tokenizer, 16)) {
            assertThat(batches.batchesPerEpoch()).isEqualTo(3);
            CocaBatch first = batches.batch(1, 0);
            CocaBatch third = batches.batch(1, 2);
            CocaBatch again = batches.batch(1, 0);
            assertThat(again.ecg()).isEqualTo(first.ecg());
            assertThat(again.text()).isEqualTo(first.text());
            // the first record of epoch 1 is read and prepared as EcgRecords does for embedding
            int record = loader.order(1)[0];
            float[][] expected = EcgRecords.read(fixture.resolve("records/case0" + record % 3),
                    CocaConfig.read(fixture.resolve("config.json")), Preprocessor.evaluation(500));
            INDArray row = first.ecg().slice(0);
            assertThat(row.getFloat(3, 100)).isEqualTo(expected[3][100]);
            assertThat(first.text().getLong(0, 0)).isEqualTo(tokenizer.clsId());
            assertThat(third.size()).isEqualTo(2);
        }
    }
}
