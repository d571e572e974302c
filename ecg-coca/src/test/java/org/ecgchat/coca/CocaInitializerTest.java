package org.ecgchat.coca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.ecgchat.nn.layers.Parameter;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Fresh weights follow the PyTorch original's initialisation of each part, reproducibly. */
class CocaInitializerTest {

    /** Large enough for the sample statistics below to be tight (tolerances are 3-4 standard errors). */
    static final CocaConfig CONFIG = CocaConfig.parse("""
            {"embed_dim": 64,
             "ecg_cfg": {"seq_length": 1000, "lead_num": 12, "layers": 2, "width": 256, "head_width": 64, "patch_size": 50},
             "text_cfg": {"hf_pooler_type": "mean_pooler", "vocab_size": 300, "width": 256, "layers": 1, "heads": 4,
                          "intermediate": 512, "max_position": 32, "context_length": 32},
             "multimodal_cfg": {"context_length": 32, "width": 256, "heads": 4, "layers": 2}}
            """);

    static final Map<String, INDArray> WEIGHTS = CocaInitializer.weights(CONFIG, 7);

    private static double std(String name) {
        INDArray w = WEIGHTS.get(name).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        return Math.sqrt(w.mul(w).meanNumber().doubleValue());
    }

    private static double maxAbs(String name) {
        return WEIGHTS.get(name).amaxNumber().doubleValue();
    }

    @Test
    void everyParameterIsDrawnWithItsShapeAndFinite() {
        for (Parameter p : CocaModel.parametersOf(CONFIG)) {
            INDArray w = WEIGHTS.get(p.name());
            assertThat(w).as(p.name()).isNotNull();
            assertThat(w.shape()).as(p.name()).isEqualTo(p.shape());
            assertThat(w.isInfinite().any() || w.isNaN().any()).as(p.name()).isFalse();
        }
        assertThat(WEIGHTS).hasSize(CocaModel.parametersOf(CONFIG).size());
    }

    @Test
    void followsOpenClipHuggingFaceAndPyTorchRules() {
        double w = 256;
        // ECG tower: open_clip's scale·randn, PyTorch defaults elsewhere
        assertThat(std("ecg.positional_embedding")).isCloseTo(1 / Math.sqrt(w), within(0.03 / Math.sqrt(w)));
        assertThat(std("ecg.proj")).isCloseTo(1 / Math.sqrt(w), within(0.03 / Math.sqrt(w)));
        double convBound = 1 / Math.sqrt(12 * 50);
        assertThat(maxAbs("ecg.conv1.weight")).isLessThanOrEqualTo(convBound).isGreaterThan(0.99 * convBound);
        assertThat(std("ecg.conv1.weight")).isCloseTo(convBound / Math.sqrt(3), within(0.02 * convBound));
        double xavier = Math.sqrt(6.0 / (4 * w));
        assertThat(maxAbs("ecg.transformer.resblocks.0.attn.in_proj_weight")).isLessThanOrEqualTo(xavier)
                .isGreaterThan(0.99 * xavier);
        assertThat(maxAbs("ecg.transformer.resblocks.1.attn.in_proj_bias")).isZero();
        assertThat(maxAbs("ecg.transformer.resblocks.1.attn.out_proj.bias")).isZero();
        assertThat(maxAbs("ecg.transformer.resblocks.0.mlp.c_proj.bias")).isLessThanOrEqualTo(1 / Math.sqrt(4 * w))
                .isGreaterThan(0.9 / Math.sqrt(4 * w));
        // BERT: N(0, 0.02), zero biases, the padding row zero
        assertThat(std("text.transformer.encoder.layer.0.intermediate.dense.weight")).isCloseTo(0.02, within(0.0005));
        assertThat(maxAbs("text.transformer.encoder.layer.0.intermediate.dense.bias")).isZero();
        INDArray words = WEIGHTS.get("text.transformer.embeddings.word_embeddings.weight");
        assertThat(words.getRow(0).amaxNumber().doubleValue()).isZero();
        assertThat(words.getRow(1).amaxNumber().doubleValue()).isPositive();
        // decoder: open_clip MultimodalTransformer.init_parameters
        double projStd = 1 / Math.sqrt(w) / Math.sqrt(2 * 2);
        assertThat(std("text_decoder.resblocks.1.attn.out_proj.weight")).isCloseTo(projStd, within(0.03 * projStd));
        assertThat(std("text_decoder.cross_attn.0.mlp.c_fc.weight")).isCloseTo(1 / Math.sqrt(2 * w),
                within(0.02 / Math.sqrt(2 * w)));
        assertThat(std("text_decoder.text_projection")).isCloseTo(1 / Math.sqrt(w), within(0.03 / Math.sqrt(w)));
        // norms and the logit scale
        assertThat(WEIGHTS.get("text_decoder.cross_attn.1.ln_1_kv.weight").minNumber().doubleValue()).isEqualTo(1.0);
        assertThat(maxAbs("text.transformer.encoder.layer.0.output.LayerNorm.bias")).isZero();
        assertThat(WEIGHTS.get("logit_scale").getDouble(0)).isCloseTo(Math.log(1 / 0.07), within(1e-6));
    }

    @Test
    void theSeedDeterminesTheWeights() {
        Map<String, INDArray> again = CocaInitializer.weights(CONFIG, 7);
        Map<String, INDArray> other = CocaInitializer.weights(CONFIG, 8);
        for (String name : WEIGHTS.keySet()) {
            assertThat(again.get(name).data().asFloat()).as(name).containsExactly(WEIGHTS.get(name).data().asFloat());
        }
        assertThat(other.get("ecg.proj").equalsWithEps(WEIGHTS.get("ecg.proj"), 1e-3)).isFalse();
        // different parameters of one shape draw different values
        assertThat(WEIGHTS.get("ecg.transformer.resblocks.0.mlp.c_fc.weight")
                .equalsWithEps(WEIGHTS.get("ecg.transformer.resblocks.1.mlp.c_fc.weight"), 1e-3)).isFalse();
    }

    @Test
    void aFreshModelScoresChanceContrastiveLoss() {
        CocaModel model = CocaInitializer.newModel(CONFIG, 7);
        int batch = 4;
        INDArray ecg = Nd4j.randn(11L, new long[] {batch, 12, 1000}).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        INDArray ids = Nd4j.createFromArray(new long[][] {{2, 10, 11, 3}, {2, 12, 3, 0}, {2, 13, 14, 3}, {2, 15, 3, 0}});
        CocaOutput out = model.forward(ecg, ids);
        // near-orthogonal random latents: every pair about equally likely, so about ln(batch)
        assertThat(out.clipLoss()).isCloseTo(Math.log(batch), within(0.5));
        // near-uniform next-token scores over the 300 tokens, weighted 2
        assertThat(out.captionLoss()).isCloseTo(2 * Math.log(300), within(1.0));
    }
}
