package org.ecgchat.coca.zeroshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgchat.coca.CocaModel;
import org.ecgchat.coca.Fixtures;
import org.ecgchat.coca.FixtureVocabulary;
import org.ecgchat.eval.classification.ClassificationEvaluator;
import org.ecgchat.eval.zeroshot.CkepePrompts;
import org.ecgchat.eval.zeroshot.ZeroShotClassifier;
import org.ecgchat.eval.zeroshot.ZeroShotResult;
import org.ecgchat.nn.checkpoint.Safetensors;
import org.ecgchat.nn.checkpoint.StateDict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The CoCa text tower as ecg-eval's TextEncoder: the fixture's three texts, written out in the
 * hand-made vocabulary, embed to the fixture's {@code expected.text_latent}, and zero-shot scores are
 * {@code sigmoid(exp(logit_scale) · ecg · text)} of the fixture's expected latents.
 */
class CocaTextEncoderTest {

    @TempDir
    static Path tmp;

    private static CocaModel model;
    private static StateDict fixture;
    private static List<String> texts;

    @BeforeAll
    static void load() throws IOException {
        model = CocaModel.load(Fixtures.coca().resolve("model.safetensors"));
        fixture = Safetensors.read(Fixtures.coca().resolve("case.safetensors"));
        long[][] ids = fixture.get("input.text").toLongMatrix();
        texts = new ArrayList<>();
        for (long[] row : ids) {
            texts.add(FixtureVocabulary.text(row));
        }
    }

    @Test
    void embedsTheFixtureTextsToTheExpectedLatents() throws IOException {
        INDArray expected = fixture.get("expected.text_latent");
        for (int batch : new int[] {1, 2, 3}) {
            CocaTextEncoder encoder = new CocaTextEncoder(model, FixtureVocabulary.tokenizer(tmp), batch);
            double[][] got = encoder.encode(texts);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 32; j++) {
                    assertThat(got[i][j]).as("batch %d, text %d, dim %d", batch, i, j)
                            .isCloseTo(expected.getDouble(i, j), within(1e-4));
                }
            }
        }
    }

    @Test
    void zeroShotScoresAreTheSigmoidOfTheScaledCosine() throws IOException {
        CkepePrompts prompts = CkepePrompts.fromJson(new ObjectMapper().valueToTree(
                java.util.Map.of("A", texts.get(0), "B", texts.get(1), "C", texts.get(2))), "prompts");
        double[][] ecg = fixture.get("expected.ecg_latent").toDoubleMatrix();
        double[][] truth = {{1, 0, 0}, {0, 1, 0}, {1, 0, 1}};
        ZeroShotResult r = ZeroShotClassifier.run(List.of("A", "B", "C"), prompts,
                new CocaTextEncoder(model, FixtureVocabulary.tokenizer(tmp)), ecg, truth, model.logitScale(),
                ClassificationEvaluator.defaults());
        double[][] text = fixture.get("expected.text_latent").toDoubleMatrix();
        double scale = Math.exp(2.6823);
        for (int i = 0; i < 3; i++) {
            for (int c = 0; c < 3; c++) {
                double dot = 0;
                for (int d = 0; d < 32; d++) {
                    dot += ecg[i][d] * text[c][d];
                }
                assertThat(r.scores()[i][c]).isCloseTo(1 / (1 + Math.exp(-scale * dot)), within(1e-4));
            }
        }
        assertThat(r.report().get("A").auroc()).isPresent();
    }
}
