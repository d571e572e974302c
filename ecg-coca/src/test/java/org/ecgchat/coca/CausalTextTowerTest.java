package org.ecgchat.coca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ecgchat.coca.train.CocaInitializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@code text_cfg.causal}: the decoder's prediction at a position depends only on the tokens up
 * to it, so teacher forcing cannot copy the token it predicts; without it (ECG-Chat's BERT) every
 * prediction sees the whole report.
 */
class CausalTextTowerTest {

    static CocaConfig config(boolean causal) {
        return CocaConfig.parse("""
                {"embed_dim": 16,
                 "ecg_cfg": {"seq_length": 500, "lead_num": 12, "layers": 1, "width": 32, "head_width": 16, "patch_size": 50},
                 "text_cfg": {"hf_pooler_type": "mean_pooler", "vocab_size": 40, "width": 32, "layers": 2, "heads": 2,
                              "intermediate": 64, "max_position": 16, "context_length": 16, "causal": %s},
                 "multimodal_cfg": {"context_length": 16, "width": 32, "heads": 2, "layers": 1}}
                """.formatted(causal));
    }

    /** Decoder logits [B, L-1, V] of a batch whose reports differ from {@code ids} only in token {@code at}. */
    static INDArray[] logitsBeforeAndAfterChanging(CocaModel model, int at) {
        INDArray ecg = Nd4j.randn(3L, new long[] {2, 12, 500}).castTo(DataType.FLOAT);
        INDArray ids = Nd4j.createFromArray(new long[][] {{2, 11, 12, 13, 14, 3}, {2, 15, 16, 17, 3, 0}});
        INDArray changed = ids.dup();
        changed.putScalar(0, at, 30);
        return new INDArray[] {model.forward(ecg, ids).logits(), model.forward(ecg, changed).logits()};
    }

    static INDArray positions(INDArray logits, long from, long to) {
        return logits.get(NDArrayIndex.point(0), NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }

    @Test
    void aCausalTowerHidesLaterTokensFromEachPrediction() {
        try (CocaModel model = CocaInitializer.initialize(config(true), 1)) {
            INDArray[] l = logitsBeforeAndAfterChanging(model, 3);
            // positions 0..2 predict tokens 1..3 from tokens 0..2: token 3 does not reach them
            assertThat(positions(l[1], 0, 3)).isEqualTo(positions(l[0], 0, 3));
            assertThat(positions(l[1], 3, 5).equalsWithEps(positions(l[0], 3, 5), 1e-4)).isFalse();
            // the other report of the batch is untouched
            assertThat(l[1].get(NDArrayIndex.point(1))).isEqualTo(l[0].get(NDArrayIndex.point(1)));
        }
    }

    @Test
    void ecgChatsBidirectionalTowerLetsEveryPredictionSeeTheWholeReport() {
        try (CocaModel model = CocaInitializer.initialize(config(false), 1)) {
            INDArray[] l = logitsBeforeAndAfterChanging(model, 3);
            assertThat(positions(l[1], 0, 1).equalsWithEps(positions(l[0], 0, 1), 1e-4)).isFalse();
        }
    }

    @Test
    void theSettingIsReadWrittenAndCheckedAgainstThePooling() {
        assertThat(config(true).text().isCausal()).isTrue();
        assertThat(CocaConfig.parse(config(true).toJson()).text().isCausal()).isTrue();
        assertThat(config(false).text().isCausal()).isFalse();
        assertThat(CocaConfig.ecgChat().text().isCausal()).isFalse();
        assertThat(CocaConfig.ecgChat().toJson()).doesNotContain("causal");
        assertThatThrownBy(() -> CocaConfig.parse(config(true).toJson().replace("mean_pooler", "cls_pooler")))
                .hasMessageContaining("text_cfg.causal needs hf_pooler_type mean_pooler");
    }
}
