package org.ecgchat.coca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgchat.io.preprocess.Preprocessor;
import org.ecgchat.nn.checkpoint.Safetensors;
import org.ecgchat.nn.checkpoint.StateDict;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The fixture's WFDB records read back as exactly the fixture's input batch, and embedded as expected. */
class EcgRecordsTest {

    @Test
    void recordsGiveTheFixtureInputBitForBitAndItsLatents() throws IOException {
        Path dir = Fixtures.coca();
        CocaModel model = CocaModel.load(dir);
        StateDict c = Safetensors.read(dir.resolve("case.safetensors"));
        List<float[][]> ecgs = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            ecgs.add(EcgRecords.read(dir.resolve("records/case0" + b), model.config(),
                    EcgRecords.evaluation(model.config())));
        }
        INDArray batch = EcgRecords.batch(ecgs);
        assertThat(batch).isEqualTo(c.get("input.ecg"));
        INDArray latents = model.encodeEcg(batch);
        assertThat(latents.sub(c.get("expected.ecg_latent")).amaxNumber().doubleValue()).isLessThan(1e-4);
    }

    @Test
    void preprocessingThatMissesTheModelLengthIsRefused() throws IOException {
        Path dir = Fixtures.coca();
        CocaConfig config = CocaConfig.read(dir.resolve("config.json"));
        assertThatThrownBy(() -> EcgRecords.read(dir.resolve("records/case01"), config, Preprocessor.evaluation(600)))
                .hasMessageContaining("case01 gives 12 leads of 600 samples")
                .hasMessageContaining("needs 12 of 500");
    }
}
