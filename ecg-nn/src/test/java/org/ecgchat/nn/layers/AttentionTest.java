package org.ecgchat.nn.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Multi-head attention with PyTorch's packed projection against hand-computed softmax weights. */
class AttentionTest {

    private static final float E = (float) Math.E;
    private final Map<String, INDArray> weights = new HashMap<>();

    private void packed(float[][] q, float[][] k, float[][] v, float[] bias) {
        float[][] w = new float[6][];
        for (int i = 0; i < 2; i++) {
            w[i] = q[i];
            w[2 + i] = k[i];
            w[4 + i] = v[i];
        }
        weights.put("attn.in_proj_weight", Nd4j.createFromArray(w));
        weights.put("attn.in_proj_bias", Nd4j.createFromArray(bias));
        weights.put("attn.out_proj.weight", Nd4j.createFromArray(new float[][] {{1, 0}, {0, 1}}));
        weights.put("attn.out_proj.bias", Nd4j.createFromArray(0f, 0f));
    }

    private static final float[][] I = {{1, 0}, {0, 1}};
    private static final float[][] ZERO = {{0, 0}, {0, 0}};

    /** Runs self-attention over x [B, T, 2] and returns [B·T, 2]. */
    private float[][] selfAttention(int heads, INDArray x, boolean causal) {
        Graph g = Graph.of(weights);
        SameDiff sd = g.sameDiff();
        SDVariable in = sd.placeHolder("x", DataType.FLOAT, -1, -1, 2);
        Tokens t = new Tokens(sd.reshape(in, -1, 2), sd.castTo(sd.shape(in), DataType.INT64)
                .get(org.nd4j.autodiff.samediff.SDIndex.interval(0, 2)));
        SDVariable mask = causal ? Attention.causalMask(g, sd.castTo(sd.sizeAt(in, 1), DataType.INT64)) : null;
        SDVariable y = new MultiheadAttention("attn", 2, heads).selfAttention(g, t, mask);
        return sd.output(Map.of("x", x), y.name()).get(y.name()).toFloatMatrix();
    }

    private static INDArray tokens(float[][]... batches) {
        return Nd4j.createFromArray(batches);
    }

    @Test
    void packedRowsAreQueryKeyValueInThatOrder() {
        // zero keys give uniform attention: every output is the mean of the values 2x + (1, -1)
        packed(I, ZERO, new float[][] {{2, 0}, {0, 2}}, new float[] {0, 0, 0, 0, 1, -1});
        float[][] out = selfAttention(1, tokens(new float[][] {{1, 0}, {0, 1}}), false);
        assertThat(out).isDeepEqualTo(new float[][] {{2, 0}, {2, 0}});
    }

    @Test
    void singleHeadScalesScoresBySqrtOfHeadWidth() {
        packed(I, I, I, new float[6]);
        float[][] out = selfAttention(1, tokens(new float[][] {{1, 0}, {0, 1}}), false);
        float a = (float) (Math.exp(1 / Math.sqrt(2)) / (Math.exp(1 / Math.sqrt(2)) + 1));
        assertThat(out[0][0]).isCloseTo(a, within(1e-6f));
        assertThat(out[0][1]).isCloseTo(1 - a, within(1e-6f));
        assertThat(out[1][0]).isCloseTo(1 - a, within(1e-6f));
        assertThat(out[1][1]).isCloseTo(a, within(1e-6f));
    }

    @Test
    void headsOwnConsecutiveSlicesOfTheWidth() {
        packed(I, I, I, new float[6]);
        // two heads of width 1: head 0 sees feature 0 only, head 1 feature 1 only
        float[][] out = selfAttention(2, tokens(new float[][] {{1, 0}, {0, 1}}), false);
        float a = E / (E + 1);
        assertThat(out[0][0]).isCloseTo(a, within(1e-6f));
        assertThat(out[0][1]).isCloseTo(0.5f, within(1e-6f));
        assertThat(out[1][0]).isCloseTo(0.5f, within(1e-6f));
        assertThat(out[1][1]).isCloseTo(a, within(1e-6f));
    }

    @Test
    void causalMaskHidesLaterPositions() {
        packed(I, I, I, new float[6]);
        float[][] out = selfAttention(1, tokens(new float[][] {{1, 0}, {0, 1}, {5, 5}}), true);
        assertThat(out[0]).containsExactly(1f, 0f);
        float a = (float) (Math.exp(1 / Math.sqrt(2)) / (Math.exp(1 / Math.sqrt(2)) + 1));
        assertThat(out[1][0]).isCloseTo(1 - a, within(1e-6f));
        assertThat(out[1][1]).isCloseTo(a, within(1e-6f));
    }

    @Test
    void batchesDoNotMix() {
        packed(I, I, I, new float[6]);
        float[][] alone = selfAttention(2, tokens(new float[][] {{1, 0}, {0, 1}}), false);
        float[][] both = selfAttention(2, tokens(new float[][] {{3, 3}, {-1, 2}}, new float[][] {{1, 0}, {0, 1}}), false);
        assertThat(both[2]).containsExactly(alone[0]);
        assertThat(both[3]).containsExactly(alone[1]);
    }

    @Test
    void keyPaddingMaskGivesPaddedKeysZeroWeight() {
        Graph g = Graph.of(weights);
        SameDiff sd = g.sameDiff();
        SDVariable ids = sd.placeHolder("ids", DataType.INT64, -1, -1);
        SDVariable mask = Attention.keyPaddingMask(g, ids, 0);
        SDVariable scores = sd.placeHolder("s", DataType.FLOAT, -1, 1, 1, -1);
        SDVariable p = sd.nn.softmax(scores.add(mask), 3);
        INDArray out = sd.output(Map.of("ids", Nd4j.createFromArray(new long[][] {{5, 7, 0}}),
                "s", Nd4j.createFromArray(new float[] {1, 1, 100}).reshape(1, 1, 1, 3)), p.name()).get(p.name());
        assertThat(out.reshape(3).toFloatVector()).containsExactly(0.5f, 0.5f, 0f);
    }

    @Test
    void crossAttentionTakesKeysAndValuesFromTheMemory() {
        packed(I, I, new float[][] {{1, 0}, {0, -1}}, new float[] {0, 0, 0, 0, 0.5f, 0});
        Graph g = Graph.of(weights);
        SameDiff sd = g.sameDiff();
        SDVariable q = sd.placeHolder("q", DataType.FLOAT, -1, 2);
        SDVariable m = sd.placeHolder("m", DataType.FLOAT, -1, 2);
        Tokens queries = new Tokens(q, g.longs(1, 3));
        Tokens memory = new Tokens(m, g.longs(1, 1));
        SDVariable y = new MultiheadAttention("attn", 2, 2).crossAttention(g, queries, memory, null);
        float[][] out = sd.output(Map.of("q", Nd4j.rand(DataType.FLOAT, 3, 2),
                "m", Nd4j.createFromArray(new float[][] {{4, 2}})), y.name()).get(y.name()).toFloatMatrix();
        // one memory token: every query gets its value (4 + 0.5, -2)
        assertThat(out).isDeepEqualTo(new float[][] {{4.5f, -2}, {4.5f, -2}, {4.5f, -2}});
    }
}
