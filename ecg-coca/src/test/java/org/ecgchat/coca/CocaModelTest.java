package org.ecgchat.coca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ecgchat.nn.checkpoint.Safetensors;
import org.ecgchat.nn.checkpoint.StateDict;
import org.ecgchat.nn.layers.WeightMismatchException;
import org.ecgchat.nn.tokenize.BasicTokenizer;
import org.ecgchat.nn.tokenize.BertTokenizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The model API on the fixture: encoders, batch independence, threads, saving and bad input. */
class CocaModelTest {

    private static Path dir;
    private static CocaModel model;
    private static StateDict fixture;

    @BeforeAll
    static void load() throws IOException {
        dir = Fixtures.coca();
        model = CocaModel.load(dir);
        fixture = Safetensors.read(dir.resolve("case.safetensors"));
    }

    private static INDArray ecg() {
        return fixture.get("input.ecg");
    }

    private static double maxDiff(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }

    @Test
    void encodersGiveTheExpectedLatentsAndHiddenStates() {
        assertThat(maxDiff(model.encodeEcg(ecg()), fixture.get("expected.ecg_latent"))).isLessThan(1e-4);
        assertThat(maxDiff(model.ecgHidden(ecg()), fixture.get("expected.ecg_hidden"))).isLessThan(1e-4);
        assertThat(maxDiff(model.encodeText(fixture.get("input.text")), fixture.get("expected.text_latent")))
                .isLessThan(1e-4);
    }

    @Test
    void textsAreTokenisedToTheContextLengthAndEncoded(@TempDir Path tmp) throws IOException {
        List<String> vocab = new ArrayList<>(List.of("[PAD]", "[CLS]", "[SEP]", "[UNK]", "[MASK]"));
        for (int i = 5; i < 100; i++) {
            vocab.add("w" + i);
        }
        java.nio.file.Files.write(tmp.resolve("vocab.txt"), vocab);
        BertTokenizer tokenizer = BertTokenizer.fromVocab(tmp.resolve("vocab.txt"), BasicTokenizer.UNCASED);
        INDArray viaText = model.encodeText(tokenizer, List.of("w7 w42 w9", "w99"));
        int context = 40; // text_cfg.context_length 77 capped by max_position 40
        long[][] ids = new long[2][context];
        ids[0][0] = 1;
        ids[0][1] = 7;
        ids[0][2] = 42;
        ids[0][3] = 9;
        ids[0][4] = 2;
        ids[1][0] = 1;
        ids[1][1] = 99;
        ids[1][2] = 2;
        assertThat(viaText).isEqualTo(model.encodeText(Nd4j.createFromArray(ids)));
    }

    @Test
    void eachEcgIsEncodedIndependentlyOfItsBatch() {
        INDArray all = model.encodeEcg(ecg());
        for (int b = 0; b < 3; b++) {
            INDArray one = ecg().get(NDArrayIndex.interval(b, b + 1), NDArrayIndex.all(), NDArrayIndex.all());
            assertThat(maxDiff(model.encodeEcg(one), all.getRow(b).reshape(1, -1))).isLessThan(1e-6);
        }
        INDArray five = Nd4j.concat(0, ecg(), ecg().get(NDArrayIndex.interval(0, 2), NDArrayIndex.all(),
                NDArrayIndex.all()));
        INDArray out = model.encodeEcg(five);
        assertThat(out.shape()).containsExactly(5, 32);
        assertThat(maxDiff(out.get(NDArrayIndex.interval(3, 5), NDArrayIndex.all()),
                all.get(NDArrayIndex.interval(0, 2), NDArrayIndex.all()))).isLessThan(1e-6);
    }

    @Test
    void trailingPaddingDoesNotChangeTheTextLatent() {
        INDArray ids = fixture.get("input.text");
        INDArray padded = Nd4j.concat(1, ids, Nd4j.zeros(DataType.INT64, ids.size(0), 4));
        assertThat(maxDiff(model.encodeText(padded), model.encodeText(ids))).isLessThan(1e-6);
    }

    @Test
    void concurrentCallsGiveTheSequentialResults() throws Exception {
        INDArray expected = model.encodeEcg(ecg());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try (CocaModel three = model.withConcurrency(3)) {
            List<Future<INDArray>> futures = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                CocaModel m = i % 2 == 0 ? model : three;
                futures.add(pool.submit(() -> m.encodeEcg(ecg())));
            }
            for (Future<INDArray> f : futures) {
                assertThat(maxDiff(f.get(), expected)).isEqualTo(0.0);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void savedModelLoadsBackWithTheSameWeightsAndOutputs(@TempDir Path out) throws IOException {
        model.save(out.resolve("copy"));
        CocaModel copy = CocaModel.load(out.resolve("copy"));
        assertThat(copy.config()).isEqualTo(model.config());
        assertThat(copy.encodeEcg(ecg())).isEqualTo(model.encodeEcg(ecg()));
    }

    @Test
    void aMissingTensorIsNamedWithItsShape() {
        Map<String, INDArray> weights = new LinkedHashMap<>(model.weights());
        weights.remove("ecg.ln_post.bias");
        assertThatThrownBy(() -> CocaModel.of(model.config(), StateDict.of("partial.safetensors", weights)))
                .isInstanceOf(WeightMismatchException.class)
                .hasMessageContaining("partial.safetensors")
                .hasMessageContaining("missing tensor ecg.ln_post.bias, expected shape [64]");
    }

    @Test
    void aTensorOfTheWrongShapeOrDtypeIsNamedWithBothShapes() {
        Map<String, INDArray> weights = new LinkedHashMap<>(model.weights());
        weights.put("ecg.proj", Nd4j.zeros(DataType.FLOAT, 32, 64));
        weights.put("text.proj.weight", Nd4j.zeros(DataType.INT32, 32, 64));
        assertThatThrownBy(() -> CocaModel.of(model.config(), StateDict.of("bad.safetensors", weights)))
                .isInstanceOf(WeightMismatchException.class)
                .hasMessageContaining("tensor ecg.proj has shape [32, 64], the model expects [64, 32]")
                .hasMessageContaining("tensor text.proj.weight has dtype INT");
    }

    @Test
    void aConfigurationThatDoesNotMatchTheWeightsIsRefusedWithEveryDifference() throws IOException {
        String json = CocaConfig.read(dir.resolve("config.json")).toJson();
        CocaConfig fewer = CocaConfig.parse(json.replace("\"layers\" : 2,\n    \"width\" : 64,\n    \"head_width\"",
                "\"layers\" : 1,\n    \"width\" : 64,\n    \"head_width\""));
        assertThat(fewer.ecg().layers()).isEqualTo(1);
        assertThatThrownBy(() -> CocaModel.load(dir.resolve("model.safetensors"), fewer))
                .isInstanceOf(WeightMismatchException.class)
                .hasMessageContaining("unexpected tensor ecg.transformer.resblocks.1.attn.in_proj_weight [192, 64]");
        CocaConfig wider = CocaConfig.parse(json.replace("\"embed_dim\" : 32", "\"embed_dim\" : 16"));
        assertThatThrownBy(() -> CocaModel.load(dir.resolve("model.safetensors"), wider))
                .hasMessageContaining("tensor ecg.proj has shape [64, 32], the model expects [64, 16]")
                .hasMessageContaining("tensor text.proj.weight has shape [32, 64], the model expects [16, 64]");
    }

    @Test
    void weightsWithoutAConfigurationAreCheckedAgainstEcgChatsArchitecture(@TempDir Path tmp) throws IOException {
        Path alone = tmp.resolve("weights.safetensors");
        java.nio.file.Files.copy(dir.resolve("model.safetensors"), alone);
        assertThatThrownBy(() -> CocaModel.load(alone))
                .isInstanceOf(WeightMismatchException.class)
                .hasMessageContaining("weights.safetensors")
                .hasMessageContaining("configuration describes another architecture")
                .satisfies(e -> assertThat(((WeightMismatchException) e).problems()).contains(
                        "tensor ecg.conv1.weight has shape [64, 12, 50], the model expects [768, 12, 50]",
                        "missing tensor ecg.transformer.resblocks.11.ln_1.weight, expected shape [768]"));
    }

    @Test
    void inputsOfTheWrongShapeOrRangeAreRefusedWithTheExpectation() {
        assertThatThrownBy(() -> model.encodeEcg(Nd4j.zeros(DataType.FLOAT, 2, 12, 400)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[2, 12, 400]").hasMessageContaining("[B, 12, 500]");
        assertThatThrownBy(() -> model.encodeText(Nd4j.createFromArray(new long[][] {{1, 100, 2}})))
                .hasMessageContaining("outside the vocabulary [0, 100)");
        assertThatThrownBy(() -> model.encodeText(Nd4j.zeros(DataType.INT64, 1, 41)))
                .hasMessageContaining("L <= 40");
        assertThatThrownBy(() -> model.forward(ecg(), Nd4j.zeros(DataType.INT64, 2, 5)))
                .hasMessageContaining("batch of 3 ECGs but 2 texts");
    }
}
