package org.ecgchat.nn.layers;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * open_clip's pre-norm {@code ResidualAttentionBlock}: {@code x + attn(ln_1(x))}, then
 * {@code x + mlp(ln_2(x))}. As a cross-attention block ({@code is_cross_attention=True}) the keys
 * and values are the memory after its own LayerNorm {@code ln_1_kv}. Layer scale is not supported
 * (open_clip's default {@code ls_init_value=None}).
 */
public final class ResidualAttentionBlock implements Layer {

    private final LayerNorm ln1;
    private final MultiheadAttention attn;
    private final LayerNorm ln1Kv;
    private final LayerNorm ln2;
    private final Mlp mlp;

    /**
     * @param prefix e.g. {@code ecg.transformer.resblocks.0}
     * @param crossAttention whether keys/values come from a memory (adds {@code ln_1_kv})
     */
    public ResidualAttentionBlock(String prefix, long width, int heads, double mlpRatio,
            Activation activation, boolean crossAttention) {
        this.ln1 = new LayerNorm(prefix + ".ln_1", width, LayerNorm.TORCH_EPS);
        this.attn = new MultiheadAttention(prefix + ".attn", width, heads);
        this.ln1Kv = crossAttention ? new LayerNorm(prefix + ".ln_1_kv", width, LayerNorm.TORCH_EPS) : null;
        this.ln2 = new LayerNorm(prefix + ".ln_2", width, LayerNorm.TORCH_EPS);
        this.mlp = new Mlp(prefix + ".mlp", width, (long) (width * mlpRatio), activation);
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(ln1.parameters());
        all.addAll(attn.parameters());
        if (ln1Kv != null) {
            all.addAll(ln1Kv.parameters());
        }
        all.addAll(ln2.parameters());
        all.addAll(mlp.parameters());
        return all;
    }

    /** A self-attention block step with an optional additive mask (e.g. causal). */
    public Tokens selfAttention(Graph g, Tokens x, SDVariable mask) {
        requireKind(false);
        SDVariable h = x.x().add(attn.selfAttention(g, x.with(ln1.apply(g, x.x())), mask));
        return x.with(feedForward(g, h));
    }

    /** A cross-attention block step over {@code memory}. */
    public Tokens crossAttention(Graph g, Tokens x, Tokens memory) {
        SDVariable[] kv = memoryKeysValues(g, memory);
        return crossAttention(g, x, kv[0], kv[1]);
    }

    /**
     * The keys and values this cross-attention block derives from {@code memory} (after
     * {@code ln_1_kv}), split into heads: {@code {k, v}}, each {@code [B, heads, M, headDim]}.
     */
    public SDVariable[] memoryKeysValues(Graph g, Tokens memory) {
        requireKind(true);
        return attn.memoryKeysValues(g, memory.with(ln1Kv.apply(g, memory.x())));
    }

    /** A cross-attention block step over keys and values from {@link #memoryKeysValues}. */
    public Tokens crossAttention(Graph g, Tokens x, SDVariable keys, SDVariable values) {
        requireKind(true);
        SDVariable h = x.x().add(attn.crossAttention(g, x.with(ln1.apply(g, x.x())), keys, values, null));
        return x.with(feedForward(g, h));
    }

    private SDVariable feedForward(Graph g, SDVariable h) {
        return h.add(mlp.apply(g, ln2.apply(g, h)));
    }

    private void requireKind(boolean cross) {
        if ((ln1Kv != null) != cross) {
            throw new IllegalStateException("this block is a " + (ln1Kv != null ? "cross" : "self")
                    + "-attention block");
        }
    }
}
