package org.ecgchat.nn.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Autodiff of composed layers against central finite differences (step 1e-2 on float32 weights,
 * so agreement within 2e-3 + 2%): a causal pre-norm block, a cross-attention block and a BERT
 * layer with padding and embedding lookups, each reduced to a scalar by a fixed random projection.
 */
class GradientCheckTest {

    private static final long W = 4;

    private final Map<String, INDArray> weights = new HashMap<>();

    private void randomWeights(Layer layer, long seed) {
        Nd4j.getRandom().setSeed(seed);
        for (Parameter p : layer.parameters()) {
            weights.put(p.name(), Nd4j.randn(DataType.DOUBLE, p.shape()).muli(0.5).castTo(DataType.FLOAT));
        }
    }

    /** Checks d loss / d w against (f(w+h) − f(w−h)) / 2h for up to 8 entries spread over each named parameter. */
    private void check(Graph g, SDVariable out, Map<String, INDArray> inputs, List<String> names) {
        SameDiff sd = g.sameDiff();
        Nd4j.getRandom().setSeed(7);
        SDVariable r = sd.constant(Nd4j.rand(DataType.FLOAT, 6, W).subi(0.5));
        SDVariable loss = out.mul(r).sum();
        sd.setLossVariables(loss);
        Map<String, INDArray> grads = g.gradients(inputs, names);
        for (String name : names) {
            INDArray w = weights.get(name);
            INDArray flat = w.reshape(w.length());
            double h = 1e-2;
            long entries = Math.min(8, w.length());
            for (long k = 0; k < entries; k++) {
                long i = entries == 1 ? 0 : k * (w.length() - 1) / (entries - 1);
                float orig = flat.getFloat(i);
                flat.putScalar(i, orig + h);
                double plus = sd.output(inputs, loss.name()).get(loss.name()).getDouble(0);
                flat.putScalar(i, orig - h);
                double minus = sd.output(inputs, loss.name()).get(loss.name()).getDouble(0);
                flat.putScalar(i, orig);
                double numeric = (plus - minus) / (2 * h);
                double analytic = grads.get(name).reshape(w.length()).getDouble(i);
                assertThat(analytic).as(name + "[" + i + "]")
                        .isCloseTo(numeric, org.assertj.core.api.Assertions.within(2e-3 + 2e-2 * Math.abs(numeric)));
            }
        }
    }

    private static Tokens tokens(Graph g, SDVariable x, long batch, long length) {
        return new Tokens(x, g.longs(batch, length));
    }

    @Test
    void causalSelfAttentionBlock() {
        ResidualAttentionBlock block = new ResidualAttentionBlock("b", W, 2, 2.0, Activation.GELU, false);
        randomWeights(block, 1);
        Graph g = Graph.of(weights);
        SDVariable x = g.sameDiff().placeHolder("x", DataType.FLOAT, -1, W);
        SDVariable mask = Attention.causalMask(g, g.scalar(3));
        Tokens out = block.selfAttention(g, tokens(g, x, 2, 3), mask);
        check(g, out.x(), Map.of("x", Nd4j.randn(DataType.FLOAT, 6, W)),
                List.of("b.attn.in_proj_weight", "b.ln_1.weight", "b.mlp.c_fc.bias", "b.attn.out_proj.weight"));
    }

    @Test
    void crossAttentionBlock() {
        ResidualAttentionBlock block = new ResidualAttentionBlock("c", W, 2, 2.0, Activation.GELU, true);
        randomWeights(block, 2);
        Graph g = Graph.of(weights);
        SDVariable x = g.sameDiff().placeHolder("x", DataType.FLOAT, -1, W);
        SDVariable m = g.sameDiff().placeHolder("m", DataType.FLOAT, -1, W);
        Tokens out = block.crossAttention(g, tokens(g, x, 2, 3), tokens(g, m, 2, 5));
        check(g, out.x(), Map.of("x", Nd4j.randn(DataType.FLOAT, 6, W), "m", Nd4j.randn(DataType.FLOAT, 10, W)),
                List.of("c.attn.in_proj_weight", "c.attn.in_proj_bias", "c.ln_1_kv.weight", "c.ln_1_kv.bias"));
    }

    @Test
    void bertLayerWithPadding() {
        BertModel bert = new BertModel("t", 9, 8, 2, W, 1, 2, 6, 1e-12, Activation.GELU);
        randomWeights(bert, 3);
        Graph g = Graph.of(weights);
        SDVariable ids = g.sameDiff().placeHolder("ids", DataType.INT64, -1, -1);
        Tokens out = bert.apply(g, ids, 0);
        check(g, out.x(), Map.of("ids", Nd4j.createFromArray(new long[][] {{1, 5, 8}, {1, 4, 0}})),
                List.of("t.embeddings.word_embeddings.weight", "t.embeddings.position_embeddings.weight",
                        "t.embeddings.token_type_embeddings.weight", "t.encoder.layer.0.attention.self.key.weight",
                        "t.encoder.layer.0.output.LayerNorm.weight"));
    }
}
