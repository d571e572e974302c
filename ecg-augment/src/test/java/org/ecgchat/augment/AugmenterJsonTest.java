package org.ecgchat.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AugmenterJsonTest {

    @Test
    void theOriginalTrainingPipelineReadsFromJsonWithDefaults() {
        String json = """
                {"name": "Compose", "transforms": [
                  {"name": "RandomApply", "p": 0.5, "transforms": [{"name": "BaselineWander", "fs": 500}]},
                  {"name": "RandomApply", "p": 0.5, "transforms": [{"name": "CutMix", "fs": 500}]},
                  {"name": "RandomApply", "p": 0.3, "transforms": [{"name": "RandomMasking", "fs": 500}]},
                  {"name": "Normalize", "mean": [0,0,0,0,0,0,0,0,0,0,0,0], "std": [1,1,1,1,1,1,1,1,1,1,1,1]},
                  {"name": "Resize", "seq_length": 5000}]}
                """;
        assertThat(AugmenterJson.read(json)).isEqualTo(EcgTransform.training());
    }

    @Test
    void everyAugmenterRoundTripsWithItsOriginalArgumentNames() {
        Augmenter all = new Compose(List.of(
                new BaselineWander(0.4, 0.1, 0.9, 0.3, 0.02, 2, 250),
                new CutMix(2, 0.4, 0.6, 0.7),
                new RandomMasking(250, -1, new double[] {0.1, 0.2}, new double[] {0.4, 0.1}),
                new Mixup(0.3, 0.6, 0.7),
                new RandomFlip(false, new double[] {0.3, 0.1}),
                new RandomRenormalize(new double[][] {{0, 1}, {1, 2}}, new double[][] {{0.1, 0.2}, {0.2, 0.3}}, true, 0.4),
                new StretchCompress(0.08, 0.3),
                new RandomTimeReverse(0.2),
                new LabelSmooth(0.2, 0.6),
                new Normalize(new double[] {1, 2}, new double[] {3, 4}),
                new Resize(1000),
                new RandomApply(List.of(new Mixup()), 0.25, true)));
        String json = AugmenterJson.write(all);
        assertThat(json).contains("\"max_amplitude\"", "\"num_mix\"", "\"mask_width\"", "\"per_channel\"",
                "\"seq_length\"", "\"smoothing\"", "\"ratio\"", "\"per_record\"");
        assertThat(AugmenterJson.read(json)).isEqualTo(all);
    }

    @Test
    void originalArgumentFormsAreAccepted() {
        assertThat(AugmenterJson.read("{\"name\": \"RandomMasking\", \"fs\": 500, \"prob\": 0.4, \"inplace\": true}"))
                .isEqualTo(new RandomMasking(500, 0, new double[] {0.08, 0.18}, new double[] {0.4, 0.4}));
        assertThat(AugmenterJson.read("{\"name\": \"StretchCompress\", \"ratio\": 6}")).isEqualTo(new StretchCompress());
        assertThat(AugmenterJson.read("{\"name\": \"CutMix\", \"alpha\": 0.3}")).isEqualTo(new CutMix(1, 0.3, 0.3, 1));
        assertThat(AugmenterJson.read("{\"name\": \"RandomRenormalize\"}")).isEqualTo(new RandomRenormalize());
    }

    @Test
    void badConfigurationsSayWhereAndWhat(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("augment.json");
        Files.writeString(file, "{\"name\": \"Compose\", \"transforms\": [\n  {\"name\": \"RandomMasking\", \"fs\": 500,"
                + " \"prob\": [0.3, 1.5]}]}");
        assertThatThrownBy(() -> AugmenterJson.read(file))
                .isInstanceOf(AugmenterConfigException.class)
                .hasMessageContaining(file.toString() + ":2:")
                .hasMessageContaining("RandomMasking.prob")
                .hasCauseInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
        assertThatThrownBy(() -> AugmenterJson.read("{\"name\": \"CutMix\", \"alhpa\": 1}"))
                .hasMessageContaining("$.alhpa").hasMessageContaining("alhpa");
        assertThatThrownBy(() -> AugmenterJson.read("{\"name\": \"SpecAugment\"}"))
                .hasMessageContaining("SpecAugment");
        assertThatThrownBy(() -> AugmenterJson.read("{\"name\": \"RandomMasking\"}"))
                .hasMessageContaining("fs");
        assertThatThrownBy(() -> AugmenterJson.read("{\"name\": \"Resize\", \"seq_length\": 0}"))
                .hasMessageContaining("Resize.seq_length");
    }

    @Test
    void writingIsAtomic(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pipeline.json");
        AugmenterJson.write(EcgTransform.training(), file);
        assertThat(AugmenterJson.read(file)).isEqualTo(EcgTransform.training());
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
