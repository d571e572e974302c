package org.ecgchat.nn.layers;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Hugging Face {@code BertLayer} (post-norm): {@code h = LN(x + dense(selfAttention(x)))},
 * {@code out = LN(h + output.dense(act(intermediate.dense(h))))}, with the original names
 * ({@code attention.self.query}, ..., {@code output.LayerNorm}). The separate query/key/value
 * weights are concatenated in the graph so the projection is one matrix product.
 */
public final class BertLayer implements Layer {

    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Linear attentionOutput;
    private final LayerNorm attentionNorm;
    private final Linear intermediate;
    private final Linear output;
    private final LayerNorm outputNorm;
    private final Activation activation;
    private final int heads;
    private final long headDim;

    /** Parameters under {@code prefix} (e.g. {@code text.transformer.encoder.layer.0}). */
    public BertLayer(String prefix, long width, int heads, long intermediateSize, double eps, Activation activation) {
        if (heads <= 0 || width % heads != 0) {
            throw new IllegalArgumentException(prefix + ": width " + width + " is not divisible into "
                    + heads + " heads");
        }
        this.query = new Linear(prefix + ".attention.self.query", width, width, true);
        this.key = new Linear(prefix + ".attention.self.key", width, width, true);
        this.value = new Linear(prefix + ".attention.self.value", width, width, true);
        this.attentionOutput = new Linear(prefix + ".attention.output.dense", width, width, true);
        this.attentionNorm = new LayerNorm(prefix + ".attention.output.LayerNorm", width, eps);
        this.intermediate = new Linear(prefix + ".intermediate.dense", width, intermediateSize, true);
        this.output = new Linear(prefix + ".output.dense", intermediateSize, width, true);
        this.outputNorm = new LayerNorm(prefix + ".output.LayerNorm", width, eps);
        this.activation = activation;
        this.heads = heads;
        this.headDim = width / heads;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (Layer l : List.of(query, key, value, attentionOutput, attentionNorm, intermediate, output, outputNorm)) {
            all.addAll(l.parameters());
        }
        return all;
    }

    /** One encoder layer over {@code x} with an additive mask broadcastable to {@code [B, H, L, L]}. */
    public Tokens apply(Graph g, Tokens x, SDVariable mask) {
        SameDiff sd = g.sameDiff();
        SDVariable w = sd.concat(0, g.parameter(query.weight()), g.parameter(key.weight()), g.parameter(value.weight()));
        SDVariable b = sd.concat(0, g.parameter(query.bias()), g.parameter(key.bias()), g.parameter(value.bias()));
        SDVariable qkv = sd.mmul(x.x(), w, false, true, false).add(b);
        SDVariable[] p = Attention.splitHeads(g, qkv, x.dims(), 3, heads, headDim);
        SDVariable context = Attention.attend(g, p[0], p[1], p[2], mask, heads, headDim);
        SDVariable h = attentionNorm.apply(g, x.x().add(attentionOutput.apply(g, context)));
        SDVariable ff = output.apply(g, activation.apply(sd, intermediate.apply(g, h)));
        return x.with(outputNorm.apply(g, h.add(ff)));
    }
}
