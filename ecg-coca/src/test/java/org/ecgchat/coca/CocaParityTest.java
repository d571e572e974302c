package org.ecgchat.coca;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.SoftAssertions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ecgchat.nn.checkpoint.Safetensors;
import org.ecgchat.nn.checkpoint.StateDict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The acceptance test: loading the fixture's weights from safetensors and from the open_clip
 * {@code .pt} both reproduce every {@code expected.*} tensor of the independent PyTorch run within
 * 1e-4 absolute, and SameDiff's autodiff of clip_loss + caption_loss every {@code grad.*} within
 * 1e-3 relative (max |a − b| / max |b|).
 */
class CocaParityTest {

    @ParameterizedTest
    @ValueSource(strings = {"model.safetensors", "epoch_1.pt"})
    void forwardAndGradientsMatchPyTorch(String weights) throws IOException {
        Path dir = Fixtures.coca();
        CocaModel model = CocaModel.load(dir.resolve(weights));
        StateDict c = Safetensors.read(dir.resolve("case.safetensors"));
        INDArray ecg = c.get("input.ecg");
        INDArray text = c.get("input.text");

        CocaOutput out = model.forward(ecg, text);
        Map<String, INDArray> actual = new HashMap<>();
        actual.put("expected.ecg_latent", out.ecgLatent());
        actual.put("expected.ecg_pooled_unnormalized", out.ecgPooled());
        actual.put("expected.ecg_tokens", out.ecgTokens());
        actual.put("expected.ecg_hidden", out.ecgHidden());
        actual.put("expected.text_latent", out.textLatent());
        actual.put("expected.text_pooled_unnormalized", out.textPooled());
        actual.put("expected.logits", out.logits());
        actual.put("expected.labels", out.labels());
        actual.put("expected.clip_loss", scalar(out.clipLoss()));
        actual.put("expected.caption_loss", scalar(out.captionLoss()));

        List<String> expectedNames = c.names().stream().filter(n -> n.startsWith("expected.")).toList();
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expectedNames);
        List<String> report = new ArrayList<>();
        SoftAssertions soft = new SoftAssertions();
        for (String name : expectedNames) {
            INDArray want = c.get(name).castTo(DataType.DOUBLE);
            INDArray got = actual.get(name).castTo(DataType.DOUBLE).reshape(want.shape());
            double diff = got.sub(want).amaxNumber().doubleValue();
            report.add(name + " max abs diff " + diff);
            soft.assertThat(diff).as(name).isLessThanOrEqualTo(1e-4);
        }

        List<String> gradNames = c.names().stream().filter(n -> n.startsWith("grad.")).toList();
        List<String> params = gradNames.stream().map(n -> n.substring("grad.".length())).toList();
        Map<String, INDArray> grads = model.newGraph(CocaLoss.ECG_CHAT)
                .gradients(Map.of(CocaGraph.ECG, ecg, CocaGraph.TEXT, text), params);
        for (String p : params) {
            INDArray want = c.get("grad." + p).castTo(DataType.DOUBLE);
            INDArray got = grads.get(p).castTo(DataType.DOUBLE).reshape(want.shape());
            double rel = got.sub(want).amaxNumber().doubleValue() / want.amaxNumber().doubleValue();
            report.add("grad." + p + " relative diff " + rel);
            soft.assertThat(rel).as("grad." + p).isLessThanOrEqualTo(1e-3);
        }
        System.out.println(weights + ":\n  " + String.join("\n  ", report));
        soft.assertAll();
    }

    private static INDArray scalar(double v) {
        return org.nd4j.linalg.factory.Nd4j.createFromArray(v);
    }
}
