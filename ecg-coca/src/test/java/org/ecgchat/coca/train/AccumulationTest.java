package org.ecgchat.coca.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecgchat.coca.CocaGraph;
import org.ecgchat.coca.CocaModel;
import org.ecgchat.coca.Fixtures;
import org.ecgchat.nn.checkpoint.Safetensors;
import org.ecgchat.nn.checkpoint.StateDict;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * open_clip's gradient accumulation is the step of the whole accumulated batch: micro-batches of
 * 2 and 1 pairs with {@code accum_freq} 2 give the losses, pre-clip gradient norm and gradients
 * (seen through AdamW's first moment) of one batch of 3. Padding columns trimmed from a batch do
 * not change its losses either.
 */
class AccumulationTest {

    private static final String RUN = """
            {"lr": 1e-3, "wd": 0.1, "grad_clip_norm": 0.5, "lr_scheduler": "const", "warmup": 0, "epochs": 1}
            """;

    private static INDArray rows(INDArray a, long from, long to) {
        org.nd4j.linalg.indexing.INDArrayIndex[] index = new org.nd4j.linalg.indexing.INDArrayIndex[a.rank()];
        index[0] = NDArrayIndex.interval(from, to);
        for (int i = 1; i < a.rank(); i++) {
            index[i] = NDArrayIndex.all();
        }
        return a.get(index).dup();
    }

    @Test
    void accumulatedMicroBatchesEqualOneBigBatch() throws IOException {
        Path dir = Fixtures.coca();
        StateDict c = Safetensors.read(dir.resolve("case.safetensors"));
        CocaModel model = CocaModel.load(dir.resolve("model.safetensors"));
        INDArray ecg = c.get("input.ecg");
        INDArray text = c.get("input.text");
        TrainConfig config = TrainConfig.parse(RUN);

        CocaTrainStep whole = new CocaTrainStep(model, config);
        StepResult a = whole.step(List.of(new CocaBatch(ecg, text)), 1e-3);
        CocaTrainStep parts = new CocaTrainStep(model, TrainConfig.parse(RUN.replace("\"epochs\"", "\"accum_freq\": 2, \"epochs\"")));
        StepResult b = parts.step(List.of(new CocaBatch(rows(ecg, 0, 2), rows(text, 0, 2)),
                new CocaBatch(rows(ecg, 2, 3), rows(text, 2, 3))), 1e-3);

        assertThat(b.contrastiveLoss()).isCloseTo(a.contrastiveLoss(), within(1e-5));
        assertThat(b.captionLoss()).isCloseTo(a.captionLoss(), within(1e-5));
        assertThat(b.gradNorm()).isCloseTo(a.gradNorm(), within(1e-5 * a.gradNorm()));
        Map<String, INDArray> ma = whole.optimizer().state();
        Map<String, INDArray> mb = parts.optimizer().state();
        for (String name : ma.keySet()) {
            if (!name.startsWith("exp_avg.")) {
                continue;
            }
            double scale = ma.get(name).amaxNumber().doubleValue();
            double diff = ma.get(name).sub(mb.get(name)).amaxNumber().doubleValue();
            // key biases have a zero gradient (softmax ignores them): there only rounding noise remains
            assertThat(diff).as(name).isLessThanOrEqualTo(1e-4 * scale + 1e-9);
        }
        assertThat(parts.model().weights().get("logit_scale").getDouble())
                .isCloseTo(whole.model().weights().get("logit_scale").getDouble(), within(1e-7));
    }

    @Test
    void closedFormContrastiveGradientMatchesAutodiff() throws IOException {
        Path dir = Fixtures.coca();
        StateDict c = Safetensors.read(dir.resolve("case.safetensors"));
        CocaModel model = CocaModel.load(dir.resolve("model.safetensors"));
        CocaGraph graph = model.newGraph(new org.ecgchat.coca.CocaLoss(1.0, 0.0));
        Map<String, INDArray> inputs = model.inputs(c.get("input.ecg"), c.get("input.text"));
        var pass = graph.backward(inputs, List.of("logit_scale"), List.of(CocaGraph.ECG_LATENT, CocaGraph.TEXT_LATENT,
                CocaGraph.CLIP_LOSS));
        ContrastiveGradient g = ContrastiveGradient.of(pass.outputs().get(CocaGraph.ECG_LATENT),
                pass.outputs().get(CocaGraph.TEXT_LATENT), model.weights().get("logit_scale").getDouble(), 1.0);
        assertThat(g.loss()).isCloseTo(c.get("expected.clip_loss").getDouble(0), within(1e-5));
        assertThat(g.logitScaleGrad()).isCloseTo(pass.gradients().get("logit_scale").getDouble(), within(1e-5));
        assertThat(g.ecgGrad().dataType()).isEqualTo(DataType.FLOAT);
    }

    @Test
    void trimmingPaddingColumnsKeepsTheLosses() throws IOException {
        Path dir = Fixtures.coca();
        StateDict c = Safetensors.read(dir.resolve("case.safetensors"));
        CocaModel model = CocaModel.load(dir.resolve("model.safetensors"));
        INDArray ecg = c.get("input.ecg");
        INDArray text = c.get("input.text");
        INDArray padded = org.nd4j.linalg.factory.Nd4j.concat(1, text, org.nd4j.linalg.factory.Nd4j.zeros(DataType.INT64, 3, 3));
        var trimmed = model.forward(ecg, text);
        var full = model.forward(ecg, padded);
        assertThat(full.clipLoss()).isCloseTo(trimmed.clipLoss(), within(1e-6));
        assertThat(full.captionLoss()).isCloseTo(trimmed.captionLoss(), within(1e-6));
    }
}
