package org.ecgchat.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgchat.nn.checkpoint.Safetensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@code ecg-chat embed} gives the fixture's expected latents for its WFDB records. */
class EmbedCommandTest {



    private static Path fixture() {
        String shared = System.getProperty("ecgchat.shared");
        Path dir = shared == null ? null : Path.of(shared, "fixtures", "coca");
        assumeTrue(dir != null && Files.isDirectory(dir), "CoCa fixture not found; skipping");
        return dir;
    }

    private static void assertLatents(Path dir, List<String> lines) throws IOException {
        INDArray expected = Safetensors.read(dir.resolve("case.safetensors")).get("expected.ecg_latent");
        assertThat(lines).hasSize(3);
        ObjectMapper json = new ObjectMapper();
        for (int b = 0; b < 3; b++) {
            JsonNode line = json.readTree(lines.get(b));
            assertThat(line.get("record").asText()).contains("case0" + b);
            JsonNode embedding = line.get("embedding");
            assertThat(embedding.size()).isEqualTo(32);
            for (int i = 0; i < 32; i++) {
                assertThat(embedding.get(i).asDouble()).isCloseTo(expected.getDouble(b, i),
                        org.assertj.core.api.Assertions.within(1e-4));
            }
        }
    }

    @Test
    void embedsRecordsWithSafetensorsWeightsToStandardOutput() throws IOException {
        Path dir = fixture();
        CliRun r = CliRun.of("embed", "--model", dir.resolve("model.safetensors").toString(), "--batch", "2",
                dir.resolve("records/case00").toString(), dir.resolve("records/case01.hea").toString(),
                dir.resolve("records/case02").toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertLatents(dir, r.out().lines().toList());
    }

    @Test
    void embedsRecordsWithAnOpenClipCheckpointIntoAFile(@TempDir Path tmp) throws IOException {
        Path dir = fixture();
        Path out = tmp.resolve("latents.jsonl");
        CliRun r = CliRun.of("embed", "--model", dir.resolve("epoch_1.pt").toString(),
                "--config", dir.resolve("config.json").toString(), "--out", out.toString(),
                dir.resolve("records/case00").toString(), dir.resolve("records/case01").toString(),
                dir.resolve("records/case02").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertLatents(dir, Files.readAllLines(out));
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void aMissingRecordFailsWithoutLeavingAnOutputFile(@TempDir Path tmp) {
        Path dir = fixture();
        Path out = tmp.resolve("latents.jsonl");
        CliRun r = CliRun.of("embed", "--model", dir.toString(), "--out", out.toString(),
                dir.resolve("records/case00").toString(), tmp.resolve("nothing").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("ecg-chat embed: ").contains("nothing");
        assertThat(tmp).isEmptyDirectory();
    }
}
