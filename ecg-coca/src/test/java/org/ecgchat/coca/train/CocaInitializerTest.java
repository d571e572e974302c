package org.ecgchat.coca.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ecgchat.coca.CocaConfig;
import org.ecgchat.coca.CocaModel;
import org.ecgchat.coca.CocaOutput;
import org.ecgchat.nn.checkpoint.StateDict;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Fresh weights follow open_clip's and Hugging Face's initialisation and depend only on the seed. */
class CocaInitializerTest {

    static final CocaConfig SMALL = CocaConfig.parse("""
            {"embed_dim": 32,
             "ecg_cfg": {"seq_length": 500, "lead_num": 12, "layers": 2, "width": 64, "head_width": 16, "patch_size": 50},
             "text_cfg": {"vocab_size": 1000, "width": 64, "layers": 2, "heads": 4, "intermediate": 128, "max_position": 40},
             "multimodal_cfg": {"context_length": 39, "width": 64, "heads": 4, "layers": 4}}
            """);

    private static double std(INDArray a) {
        return a.stdNumber().doubleValue();
    }

    @Test
    void distributionsFollowTheOriginal() {
        Map<String, INDArray> w = CocaInitializer.initialize(SMALL, 1).weights();
        assertThat(w.get("logit_scale").getDouble()).isCloseTo(Math.log(1 / 0.07), within(1e-6));
        assertThat(w.get("ecg.ln_pre.weight").minNumber().doubleValue()).isEqualTo(1.0);
        assertThat(w.get("text.transformer.encoder.layer.0.output.LayerNorm.bias").amaxNumber().doubleValue()).isZero();
        assertThat(std(w.get("ecg.positional_embedding"))).isCloseTo(0.125, within(0.01));
        // decoder: attention std w^-1/2, output projections w^-1/2 (2L)^-1/2, c_fc (2w)^-1/2
        assertThat(std(w.get("text_decoder.resblocks.0.attn.in_proj_weight"))).isCloseTo(0.125, within(0.005));
        assertThat(std(w.get("text_decoder.cross_attn.1.mlp.c_proj.weight"))).isCloseTo(0.125 / Math.sqrt(8), within(0.003));
        assertThat(std(w.get("text_decoder.resblocks.3.mlp.c_fc.weight"))).isCloseTo(Math.sqrt(1 / 128.0), within(0.004));
        assertThat(w.get("text_decoder.resblocks.0.attn.in_proj_bias").amaxNumber().doubleValue()).isZero();
        // BERT: N(0, 0.02), zero biases, zero padding row
        assertThat(std(w.get("text.transformer.encoder.layer.1.intermediate.dense.weight"))).isCloseTo(0.02, within(0.001));
        assertThat(w.get("text.transformer.encoder.layer.1.intermediate.dense.bias").amaxNumber().doubleValue()).isZero();
        assertThat(w.get("text.transformer.embeddings.word_embeddings.weight").getRow(0).amaxNumber().doubleValue()).isZero();
        // PyTorch defaults: U(±1/√fan_in) (std bound/√3), Xavier for the ECG attention
        assertThat(w.get("ecg.conv1.weight").amaxNumber().doubleValue()).isLessThanOrEqualTo(1 / Math.sqrt(600));
        assertThat(w.get("ecg.transformer.resblocks.0.mlp.c_fc.bias").amaxNumber().doubleValue()).isLessThanOrEqualTo(0.125);
        assertThat(std(w.get("ecg.transformer.resblocks.0.attn.in_proj_weight")))
                .isCloseTo(Math.sqrt(6.0 / 256) / Math.sqrt(3), within(0.005));
    }

    @Test
    void theSeedDeterminesTheWeights() {
        CocaModel a = CocaInitializer.initialize(SMALL, 5);
        CocaModel b = CocaInitializer.initialize(SMALL, 5);
        CocaModel c = CocaInitializer.initialize(SMALL, 6);
        for (String name : a.weights().keySet()) {
            assertThat(b.weights().get(name)).as(name).isEqualTo(a.weights().get(name));
        }
        assertThat(c.weights().get("ecg.proj")).isNotEqualTo(a.weights().get("ecg.proj"));
    }

    @Test
    void pretrainedBertReplacesTheTextTower() throws IOException {
        CocaModel fresh = CocaInitializer.initialize(SMALL, 1);
        Map<String, INDArray> hf = new LinkedHashMap<>();
        fresh.weights().forEach((name, t) -> {
            if (name.startsWith("text.transformer.")) {
                hf.put("bert." + name.substring("text.transformer.".length()), Nd4j.onesLike(t));
            }
        });
        hf.put("bert.pooler.dense.weight", Nd4j.ones(64, 64));
        hf.put("bert.embeddings.position_ids", Nd4j.zeros(1, 40));
        CocaModel with = CocaInitializer.withTextTower(fresh, StateDict.of("medcpt", hf));
        assertThat(with.weights().get("text.transformer.encoder.layer.0.attention.self.query.weight").minNumber().doubleValue())
                .isEqualTo(1.0);
        assertThat(with.weights().get("ecg.proj")).isEqualTo(fresh.weights().get("ecg.proj"));
        hf.remove("bert.encoder.layer.1.output.dense.bias");
        assertThatThrownBy(() -> CocaInitializer.withTextTower(fresh, StateDict.of("medcpt", hf)))
                .hasMessageContaining("text.transformer.encoder.layer.1.output.dense.bias");
    }

    @Test
    void aFreshModelScoresChanceLosses() {
        CocaModel model = CocaInitializer.initialize(SMALL, 7);
        int batch = 4;
        INDArray ecg = Nd4j.randn(11L, new long[] {batch, 12, 500}).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        INDArray ids = Nd4j.createFromArray(new long[][] {{2, 10, 11, 3}, {2, 12, 3, 0}, {2, 13, 14, 3}, {2, 15, 3, 0}});
        CocaOutput out = model.forward(ecg, ids);
        // near-orthogonal random latents make every pairing about equally likely: about ln(batch)
        assertThat(out.clipLoss()).isCloseTo(Math.log(batch), within(0.5));
        // near-uniform next-token scores over the 1000 tokens, weighted 2
        assertThat(out.captionLoss()).isCloseTo(2 * Math.log(1000), within(1.0));
    }
}
