package org.ecgchat.nn.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ShardedSafetensorsTest {
    @TempDir
    Path dir;

    private static StateDict model() {
        Map<String, INDArray> m = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            m.put("model.layers." + i + ".weight", Nd4j.arange(64).addi(i).castTo(DataType.FLOAT).reshape(8, 8));
        }
        m.put("lm_head.weight", Nd4j.arange(128).muli(0.5).subi(1).castTo(DataType.FLOAT).reshape(16, 8));
        return StateDict.of("model", m);
    }

    @Test
    void writesShardsAndAnIndexThatReadBackToTheSameTensors() throws IOException {
        StateDict written = model();
        Path index = ShardedSafetensors.write(dir, written, 600, Map.of("format", "pt"));

        assertThat(index.getFileName().toString()).isEqualTo("model.safetensors.index.json");
        assertThat(dir.resolve("model-00001-of-00004.safetensors")).exists();
        assertThat(dir.resolve("model-00004-of-00004.safetensors")).exists();
        String json = Files.readString(index);
        assertThat(json).contains("\"total_size\" : " + (5 * 64 * 4 + 128 * 4));

        StateDict read = ShardedSafetensors.read(index, false);
        assertThat(read.names()).containsExactlyElementsOf(written.names());
        for (String name : written.names()) {
            assertThat(SafetensorsTest.values(read.get(name))).as(name).containsExactly(SafetensorsTest.values(written.get(name)));
        }
        Checkpoint viaFolder = Checkpoints.load(dir);
        assertThat(viaFolder.stateDict().names()).containsExactlyElementsOf(written.names());
    }

    @Test
    void refusesAnIndexThatDisagreesWithItsShards() throws IOException {
        Path index = ShardedSafetensors.write(dir, model(), 600, Map.of());
        String json = Files.readString(index);

        Files.writeString(index, json.replace("\"lm_head.weight\" : \"model-00004-of-00004", "\"lm_head.weight\" : \"model-00001-of-00004"));
        assertThatThrownBy(() -> ShardedSafetensors.read(index, false)).isInstanceOf(CheckpointFormatException.class)
                .hasMessageContainingAll("'lm_head.weight'", "model-00001-of-00004.safetensors", "does not hold");

        Files.writeString(index, json.replace("model-00004-of-00004", "model-00009-of-00009"));
        assertThatThrownBy(() -> ShardedSafetensors.read(index, false)).isInstanceOf(CheckpointFormatException.class)
                .hasMessageContaining("model-00009-of-00009.safetensors is missing");

        Files.writeString(index, json.replace("model-00004-of-00004", "../model-00004-of-00004"));
        assertThatThrownBy(() -> ShardedSafetensors.read(index, false)).isInstanceOf(CheckpointFormatException.class)
                .hasMessageContaining("must be a file name in the index's folder");

        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(json);
        ((ObjectNode) root.get("weight_map")).remove("model.layers.1.weight");
        Files.writeString(index, root.toString());
        assertThatThrownBy(() -> ShardedSafetensors.read(index, false)).isInstanceOf(CheckpointFormatException.class)
                .hasMessageContainingAll("'model.layers.1.weight'", "not listed");
    }
}
