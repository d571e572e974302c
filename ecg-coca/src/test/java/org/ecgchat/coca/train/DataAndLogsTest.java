package org.ecgchat.coca.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.ecgchat.nn.tokenize.BertTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeded batching and tokenisation, the metrics log across a resumption, the loss curve. */
class DataAndLogsTest {

    @TempDir
    Path dir;

    @Test
    void everyEpochIsASeededPermutationAndTheLastPartialBatchIsDropped() throws IOException {
        BertTokenizer tokenizer = TinyData.tokenizer(dir);
        ShuffledBatches a = new ShuffledBatches(TinyData.examples(7, 1), tokenizer, 16, 3, 42);
        ShuffledBatches b = new ShuffledBatches(TinyData.examples(7, 1), tokenizer, 16, 3, 42);
        assertThat(a.batchesPerEpoch()).isEqualTo(2);
        int[] first = a.order(0);
        assertThat(Arrays.stream(first).sorted().toArray()).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(b.order(0)).containsExactly(first);
        assertThat(a.order(1)).isNotEqualTo(first);
        assertThat(new ShuffledBatches(TinyData.examples(7, 1), tokenizer, 16, 3, 43).order(0)).isNotEqualTo(first);
        CocaBatch batch = a.batch(1, 1);
        assertThat(batch.ecg().shape()).containsExactly(3, 12, 500);
        assertThat(batch.text()).isEqualTo(b.batch(1, 1).text());
        assertThatThrownBy(() -> a.batch(0, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new ShuffledBatches(TinyData.examples(2, 1), tokenizer, 16, 3, 1))
                .hasMessageContaining("at least as many examples");
    }

    @Test
    void reportsAreTokenisedAndTrailingPaddingTrimmed() throws IOException {
        BertTokenizer tokenizer = TinyData.tokenizer(dir);
        float[][] ecg = new float[12][500];
        CocaBatch batch = ShuffledBatches.of(List.of(new CocaExample(ecg, "sinus rhythm"),
                new CocaExample(ecg, "normal ecg, left axis deviation")), tokenizer, 16);
        // [CLS] normal ecg , left axis deviation [SEP] = 8 tokens; the shorter report is padded to it
        assertThat(batch.text().shape()).containsExactly(2, 8);
        assertThat(batch.text().getLong(0, 0)).isEqualTo(1);
        assertThat(batch.text().getLong(0, 3)).isEqualTo(2);
        assertThat(batch.text().getLong(0, 4)).isZero();
        assertThat(batch.text().getLong(1, 7)).isEqualTo(2);
        float[][] shorter = new float[12][400];
        assertThatThrownBy(() -> ShuffledBatches.of(List.of(new CocaExample(ecg, "a"), new CocaExample(shorter, "b")),
                tokenizer, 16)).hasMessageContaining("500 and 400 samples");
    }

    private static StepMetrics metrics(long step, double loss) {
        return new StepMetrics(step, 10, 0, loss, loss / 3, 2 * loss / 3, 1e-3, 1.0, 2.6, 4, 10.0, step);
    }

    @Test
    void metricsLogDropsStepsAfterTheResumedCheckpoint() throws IOException {
        Path file = dir.resolve("metrics.jsonl");
        try (MetricsLog log = MetricsLog.open(file, 0)) {
            for (int s = 1; s <= 5; s++) {
                log.append(metrics(s, 10 - s));
            }
        }
        Files.writeString(file, "{\"step\": 6, \"lo", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        try (MetricsLog log = MetricsLog.open(file, 3)) {
            assertThat(log.history()).extracting(StepMetrics::step).containsExactly(1L, 2L, 3L);
            log.append(metrics(4, 1));
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(3)).contains("\"step\":4", "\"contrastive_loss\"", "\"samples_per_second\"");
        Files.writeString(file, "not json\n{}\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> MetricsLog.open(file, 3)).hasMessageContaining("line 1");
    }

    @Test
    void lossCurveIsAPng() throws IOException {
        Path png = dir.resolve("loss.png");
        LossCurve.write(List.of(metrics(1, 5), metrics(2, 4), metrics(3, 3.5)), "run", png);
        byte[] bytes = Files.readAllBytes(png);
        assertThat(Arrays.copyOf(bytes, 4)).containsExactly(0x89, 'P', 'N', 'G');
        assertThat(LossCurve.smooth(new double[] {1, 3, 5, 7}, 2)).containsExactly(1, 2, 4, 6);
        LossCurve.write(List.of(), "run", dir.resolve("none.png"));
        assertThat(dir.resolve("none.png")).doesNotExist();
    }
}
