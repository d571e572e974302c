package org.ecgchat.nn.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class StateDictTest {
    private static StateDict sample() {
        Map<String, INDArray> m = new LinkedHashMap<>();
        m.put("module.ecg.conv1.weight", Nd4j.ones(DataType.FLOAT, 8, 12, 50));
        m.put("module.ecg.class_embedding", Nd4j.ones(DataType.FLOAT16, 8));
        m.put("module.text.transformer.embeddings.position_ids", Nd4j.zeros(DataType.INT64, 1, 40));
        return StateDict.of("ckpt.pt", m);
    }

    @Test
    void keepsCheckpointOrderAndStripsThePrefix() {
        StateDict sd = sample().stripPrefix("module.");
        assertThat(sd.names()).containsExactly("ecg.conv1.weight", "ecg.class_embedding",
                "text.transformer.embeddings.position_ids");
        assertThat(sd.find("ecg.conv1.bias")).isEmpty();
        assertThat(sd.find("ecg.conv1.weight")).containsSame(sd.get("ecg.conv1.weight"));
        assertThat(sd.filter(n -> n.startsWith("text.")).names()).containsExactly("text.transformer.embeddings.position_ids");
        assertThat(sd.withPrefix("ecg.").names()).containsExactly("conv1.weight", "class_embedding");
        assertThat(sample().allNamesStartWith("module.")).isTrue();
        assertThat(sd.allNamesStartWith("module.")).isFalse();
        assertThatThrownBy(() -> sd.asMap().put("x", Nd4j.zeros(1))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void strippingThatMakesNamesCollideIsRefused() {
        StateDict sd = StateDict.of("f", Map.of("module.a", Nd4j.zeros(1), "a", Nd4j.zeros(1)));
        assertThatThrownBy(() -> sd.stripPrefix("module.")).isInstanceOf(CheckpointFormatException.class)
                .hasMessageContaining("'a'");
    }

    @Test
    void requireNamesTheTensorAndBothShapes() {
        StateDict sd = sample().stripPrefix("module.");
        assertThat(sd.require("ecg.conv1.weight", 8, 12, 50).shape()).containsExactly(8, 12, 50);
        assertThatThrownBy(() -> sd.require("ecg.conv1.weight", 768, 12, 50))
                .isInstanceOf(CheckpointFormatException.class)
                .hasMessageContainingAll("ckpt.pt", "'ecg.conv1.weight'", "[8, 12, 50]", "[768, 12, 50]");
        assertThatThrownBy(() -> sd.get("ecg.conv1.bias")).isInstanceOf(CheckpointFormatException.class)
                .hasMessageContainingAll("missing tensor 'ecg.conv1.bias'", "ecg.conv1.weight");
    }

    @Test
    void requireFloatWidensFloatingTypesAndRefusesIntegers() {
        StateDict sd = sample().stripPrefix("module.");
        INDArray widened = sd.requireFloat("ecg.class_embedding", 8);
        assertThat(widened.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(widened.getFloat(3)).isEqualTo(1f);
        assertThatThrownBy(() -> sd.requireFloat("text.transformer.embeddings.position_ids", 1, 40))
                .isInstanceOf(CheckpointFormatException.class)
                .hasMessageContainingAll("'text.transformer.embeddings.position_ids'", "LONG", "floating");
    }

    @Test
    void strictLoadFailsWhenTensorsAreLeftUnused() {
        StateDict sd = sample().stripPrefix("module.");
        StrictLoad load = sd.strict();
        load.require("ecg.conv1.weight", 8, 12, 50);
        assertThat(load.unused()).containsExactly("ecg.class_embedding", "text.transformer.embeddings.position_ids");
        assertThatThrownBy(load::finish).isInstanceOf(CheckpointFormatException.class)
                .hasMessageContainingAll("2 tensor(s)", "ecg.class_embedding", "position_ids");

        assertThat(load.ignore(n -> n.endsWith("position_ids"))).isEqualTo(1);
        load.requireFloat("ecg.class_embedding", 8);
        load.finish();
        assertThat(load.unused()).isEmpty();
    }
}
