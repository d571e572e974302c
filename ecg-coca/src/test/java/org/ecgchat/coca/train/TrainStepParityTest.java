package org.ecgchat.coca.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.ecgchat.coca.CocaModel;
import org.ecgchat.coca.Fixtures;
import org.ecgchat.nn.checkpoint.Safetensors;
import org.ecgchat.nn.checkpoint.StateDict;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The acceptance test of training: two AdamW steps on the fixture batch (lr 1e-3, betas
 * 0.9/0.98, eps 1e-6, weight decay 0.1 with open_clip's exclusions, gradients clipped to global
 * norm 0.5) reproduce the independent PyTorch run's losses and pre-clip gradient norms within
 * 1e-4 and every recorded parameter within 1e-3 relative (max |a − b| / max |b|). The text tower
 * is not locked there: its parameters move in the fixture.
 */
class TrainStepParityTest {

    static final String FIXTURE_RUN = """
            {"lr": 1e-3, "beta1": 0.9, "beta2": 0.98, "eps": 1e-6, "wd": 0.1, "grad_clip_norm": 0.5,
             "lr_scheduler": "const", "warmup": 0, "batch_size": 3, "epochs": 2}
            """;

    @Test
    void twoStepsMatchPyTorch() throws IOException {
        Path dir = Fixtures.coca();
        StateDict c = Safetensors.read(dir.resolve("case.safetensors"));
        StateDict expected = Safetensors.read(dir.resolve("train_step.safetensors"));
        CocaModel model = CocaModel.load(dir.resolve("model.safetensors"));
        CocaTrainStep step = new CocaTrainStep(model, TrainConfig.parse(FIXTURE_RUN));
        CocaBatch batch = new CocaBatch(c.get("input.ecg"), c.get("input.text"));

        SoftAssertions soft = new SoftAssertions();
        List<String> report = new ArrayList<>();
        for (int k = 1; k <= 2; k++) {
            StepResult r = step.step(List.of(batch), 1e-3);
            double loss = expected.get("step" + k + ".loss").getDouble(0);
            double norm = expected.get("step" + k + ".grad_norm_before_clip").getDouble(0);
            report.add("step" + k + " loss " + r.loss() + " vs " + loss + ", norm " + r.gradNorm() + " vs " + norm);
            soft.assertThat(r.loss()).as("step%d.loss", k).isCloseTo(loss, within(1e-4));
            soft.assertThat(r.gradNorm()).as("step%d.grad_norm_before_clip", k).isCloseTo(norm, within(1e-4));
            String prefix = "step" + k + ".param.";
            for (String name : expected.names()) {
                if (!name.startsWith(prefix)) {
                    continue;
                }
                String param = name.substring(prefix.length());
                INDArray want = expected.get(name).castTo(DataType.DOUBLE);
                INDArray got = step.model().weights().get(param).castTo(DataType.DOUBLE).reshape(want.shape());
                double rel = got.sub(want).amaxNumber().doubleValue() / want.amaxNumber().doubleValue();
                report.add(name + " relative diff " + rel);
                soft.assertThat(rel).as(name).isLessThanOrEqualTo(1e-3);
            }
        }
        System.out.println(String.join("\n", report));
        soft.assertAll();
        // the model the step started from is untouched
        assertThat(model.weights().get("logit_scale").getDouble())
                .isEqualTo(Safetensors.read(dir.resolve("model.safetensors")).get("logit_scale").getDouble());
    }
}
