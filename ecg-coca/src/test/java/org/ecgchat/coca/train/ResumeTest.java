package org.ecgchat.coca.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ecgchat.coca.CocaModel;
import org.ecgchat.coca.Fixtures;
import org.ecgchat.nn.tokenize.BertTokenizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A run killed after its last checkpoint and resumed by a fresh trainer (new model, optimiser and
 * data objects, as a new process would build) continues with exactly the losses of an
 * uninterrupted run with the same seed: same data order, same augmentation, same optimiser state.
 */
class ResumeTest {

    private static final String RUN = """
            {"lr": 2e-3, "warmup": 2, "epochs": 2, "batch_size": 2, "grad_clip_norm": 1.0, "wd": 0.1,
             "seed": 7, "save_every_n_steps": 3, "keep_checkpoints": 2, "log_every_n_steps": 4}
            """;

    @TempDir
    static Path dir;
    private static CocaModel model;
    private static BertTokenizer tokenizer;

    @BeforeAll
    static void load() throws IOException {
        model = CocaModel.load(Fixtures.coca().resolve("model.safetensors"));
        tokenizer = TinyData.tokenizer(dir);
    }

    private static CocaBatches data() {
        return new ShuffledBatches(TinyData.examples(9, 11), tokenizer, 16, 2, 7);
    }

    /** Gaussian noise scaled by a random factor: uses the generator twice per batch. */
    private static final EcgAugmentation NOISE = (ecg, rng) -> {
        double scale = 0.05 * rng.nextDouble();
        INDArray noise = Nd4j.randn(rng.nextLong(), ecg.shape()).castTo(ecg.dataType());
        return ecg.add(noise.muli(scale));
    };

    private static List<Double> losses(Path metrics) throws IOException {
        List<Double> out = new ArrayList<>();
        for (String line : Files.readAllLines(metrics, StandardCharsets.UTF_8)) {
            out.add(Double.parseDouble(line.replaceAll(".*\"loss\":([^,]+),.*", "$1")));
        }
        return out;
    }

    @Test
    void resumedRunRepeatsTheUninterruptedLosses() throws IOException {
        TrainConfig config = TrainConfig.parse(RUN);
        Path straight = dir.resolve("straight");
        try (CocaTrainer t = CocaTrainer.builder(config, data()).model(model).augmentation(NOISE).output(straight).build()) {
            assertThat(t.totalSteps()).isEqualTo(8);
            t.run();
        }
        List<Double> expected = losses(straight.resolve(CocaTrainer.METRICS));
        assertThat(expected).hasSize(8);

        // the killed run: 5 steps, checkpoint at step 3 only, then the process dies
        Path killed = dir.resolve("killed");
        try (CocaTrainer t = CocaTrainer.builder(config, data()).model(model).augmentation(NOISE).output(killed).build()) {
            for (int i = 0; i < 5; i++) {
                t.step();
                if (t.completedSteps() == 3) {
                    t.saveCheckpoint();
                }
            }
        }
        assertThat(losses(killed.resolve(CocaTrainer.METRICS))).hasSize(5);
        Optional<Path> latest = CocaTrainer.latestCheckpoint(killed);
        assertThat(latest).isPresent();
        assertThat(latest.get().getFileName().toString()).isEqualTo("step-00000003");

        try (CocaTrainer t = CocaTrainer.builder(config, data()).resume(latest.get()).augmentation(NOISE).output(killed)
                .build()) {
            assertThat(t.completedSteps()).isEqualTo(3);
            t.run();
        }
        List<Double> resumed = losses(killed.resolve(CocaTrainer.METRICS));
        assertThat(resumed).hasSize(8);
        for (int i = 0; i < 8; i++) {
            assertThat(resumed.get(i)).as("loss of step %d", i + 1).isCloseTo(expected.get(i),
                    org.assertj.core.api.Assertions.within(1e-6));
        }
        // keep_checkpoints 2: steps 6 and 8 remain; the final model equals the uninterrupted one
        assertThat(Files.list(killed.resolve(CocaTrainer.CHECKPOINTS)).map(p -> p.getFileName().toString()).sorted())
                .containsExactly("step-00000006", "step-00000008");
        CocaModel a = CocaModel.load(straight.resolve(CocaTrainer.CHECKPOINTS).resolve("step-00000008"));
        CocaModel b = CocaModel.load(killed.resolve(CocaTrainer.CHECKPOINTS).resolve("step-00000008"));
        for (String name : List.of("ecg.conv1.weight", "text_decoder.text_projection", "logit_scale")) {
            double diff = a.weights().get(name).sub(b.weights().get(name)).amaxNumber().doubleValue();
            assertThat(diff).as(name).isLessThan(1e-6);
        }
        assertThat(Files.size(killed.resolve(CocaTrainer.LOSS_CURVE))).isPositive();
        assertThat(Files.readString(killed.resolve(CocaTrainer.CONFIG))).contains("\"seed\" : 7");
    }

    @Test
    void resumingWithAnotherDataPositionIsRefused() throws IOException {
        TrainConfig config = TrainConfig.parse(RUN);
        Path out = dir.resolve("refused");
        Path checkpoint;
        try (CocaTrainer t = CocaTrainer.builder(config, data()).model(model).output(out).build()) {
            t.step();
            checkpoint = t.saveCheckpoint();
        }
        TrainConfig otherSeed = TrainConfig.parse(RUN.replace("\"seed\": 7", "\"seed\": 8"));
        assertThatThrownBy(() -> CocaTrainer.builder(otherSeed, data()).resume(checkpoint).build())
                .hasMessageContaining("seed is 8, the checkpoint's run used 7");
        CocaBatches fewer = new ShuffledBatches(TinyData.examples(5, 11), tokenizer, 16, 2, 7);
        assertThatThrownBy(() -> CocaTrainer.builder(config, fewer).resume(checkpoint).build())
                .hasMessageContaining("2 batches per epoch, the checkpoint's run had 4");
        assertThatThrownBy(() -> CocaTrainer.builder(config, data()).build()).hasMessageContaining("neither");
        assertThatThrownBy(() -> CocaTrainer.builder(config, data()).resume(out).build())
                .hasMessageContaining("trainer.json is missing");
    }
}
