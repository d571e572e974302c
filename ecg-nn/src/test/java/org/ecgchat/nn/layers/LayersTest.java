package org.ecgchat.nn.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Per-token layers against values computed by hand. */
class LayersTest {

    private final Map<String, INDArray> weights = new HashMap<>();

    private Graph graph() {
        return Graph.of(weights);
    }

    private static INDArray floats(float[][] v) {
        return Nd4j.createFromArray(v);
    }

    private static float[][] run(Graph g, SDVariable out, SDVariable in, INDArray x) {
        return g.sameDiff().output(Map.of(in.name(), x), out.name()).get(out.name()).toFloatMatrix();
    }

    @Test
    void linearComputesXTimesWeightTransposedPlusBias() {
        weights.put("fc.weight", floats(new float[][] {{1, 2, 3}, {0, -1, 1}}));
        weights.put("fc.bias", Nd4j.createFromArray(10f, 20f));
        Graph g = graph();
        SDVariable x = g.sameDiff().placeHolder("x", DataType.FLOAT, -1, 3);
        SDVariable y = new Linear("fc", 3, 2, true).apply(g, x);
        float[][] out = run(g, y, x, floats(new float[][] {{1, 1, 1}, {2, 0, -1}}));
        assertThat(out).isDeepEqualTo(new float[][] {{16, 20}, {9, 19}});
    }

    @Test
    void layerNormUsesBiasedVarianceAndEpsilon() {
        weights.put("ln.weight", Nd4j.createFromArray(1f, 2f, 1f));
        weights.put("ln.bias", Nd4j.createFromArray(0f, 0f, 5f));
        Graph g = graph();
        SDVariable x = g.sameDiff().placeHolder("x", DataType.FLOAT, -1, 3);
        SDVariable y = new LayerNorm("ln", 3, 1e-5).apply(g, x);
        float[][] out = run(g, y, x, floats(new float[][] {{1, 2, 3}, {7, 7, 7}}));
        double s = 1 / Math.sqrt(2.0 / 3 + 1e-5);
        assertThat(out[0][0]).isCloseTo((float) -s, within(1e-6f));
        assertThat(out[0][1]).isCloseTo(0f, within(1e-6f));
        assertThat(out[0][2]).isCloseTo((float) (s + 5), within(1e-5f));
        // a constant row is all bias, not Inf/NaN as SameDiff's eps-less layerNorm gives
        assertThat(out[1]).containsExactly(0f, 0f, 5f);
    }

    @Test
    void geluIsTheExactErfForm() {
        Graph g = graph();
        SDVariable x = g.sameDiff().placeHolder("x", DataType.FLOAT, -1, 4);
        SDVariable y = Activation.GELU.apply(g.sameDiff(), x);
        float[][] out = run(g, y, x, floats(new float[][] {{-1, 0, 1, 2}}));
        // x * Phi(x), Phi from tables of the normal distribution
        assertThat(out[0][0]).isCloseTo(-0.15865525f, within(1e-6f));
        assertThat(out[0][1]).isEqualTo(0f);
        assertThat(out[0][2]).isCloseTo(0.84134475f, within(1e-6f));
        assertThat(out[0][3]).isCloseTo(1.9544997f, within(1e-6f));
    }

    @Test
    void quickGeluIsXSigmoid1702X() {
        Graph g = graph();
        SDVariable x = g.sameDiff().placeHolder("x", DataType.FLOAT, -1, 1);
        SDVariable y = Activation.QUICK_GELU.apply(g.sameDiff(), x);
        assertThat(run(g, y, x, floats(new float[][] {{1}}))[0][0])
                .isCloseTo((float) (1 / (1 + Math.exp(-1.702))), within(1e-6f));
    }

    @Test
    void mlpIsFcActivationProj() {
        weights.put("mlp.c_fc.weight", floats(new float[][] {{1}, {-1}}));
        weights.put("mlp.c_fc.bias", Nd4j.createFromArray(0f, 0f));
        weights.put("mlp.c_proj.weight", floats(new float[][] {{1, 1}}));
        weights.put("mlp.c_proj.bias", Nd4j.createFromArray(0.5f));
        Graph g = graph();
        SDVariable x = g.sameDiff().placeHolder("x", DataType.FLOAT, -1, 1);
        SDVariable y = new Mlp("mlp", 1, 2, Activation.GELU).apply(g, x);
        // gelu(1) + gelu(-1) + 0.5 = Phi(1) - Phi(-1) + 0.5 = 2 Phi(1) - 1 + 0.5
        assertThat(run(g, y, x, floats(new float[][] {{1}}))[0][0]).isCloseTo(1.1826895f, within(1e-6f));
    }

    @Test
    void l2NormalizeGivesUnitRowsAndLeavesZeroRowsZero() {
        Graph g = graph();
        SDVariable x = g.sameDiff().placeHolder("x", DataType.FLOAT, -1, 2);
        float[][] out = run(g, L2Normalize.apply(g, x), x, floats(new float[][] {{3, 4}, {0, 0}}));
        assertThat(out).isDeepEqualTo(new float[][] {{0.6f, 0.8f}, {0, 0}});
    }

    @Test
    void patchEmbeddingEqualsADirectStridedConvolution() {
        int channels = 3, width = 4, patch = 5, length = 20, batch = 2;
        INDArray w = Nd4j.rand(DataType.FLOAT, width, channels, patch).subi(0.5);
        INDArray x = Nd4j.rand(DataType.FLOAT, batch, channels, length).subi(0.5);
        weights.put("conv1.weight", w);
        Graph g = graph();
        SDVariable in = g.sameDiff().placeHolder("x", DataType.FLOAT, -1, channels, length);
        SDVariable y = new PatchEmbedding("conv1", channels, width, patch).apply(g, in, length);
        float[][] out = run(g, y, in, x);
        int patches = length / patch;
        assertThat(out).hasNumberOfRows(batch * patches);
        for (int b = 0; b < batch; b++) {
            for (int p = 0; p < patches; p++) {
                for (int o = 0; o < width; o++) {
                    double sum = 0;
                    for (int c = 0; c < channels; c++) {
                        for (int k = 0; k < patch; k++) {
                            sum += w.getDouble(o, c, k) * x.getDouble(b, c, p * patch + k);
                        }
                    }
                    assertThat(out[b * patches + p][o]).isCloseTo((float) sum, within(1e-5f));
                }
            }
        }
    }
}
