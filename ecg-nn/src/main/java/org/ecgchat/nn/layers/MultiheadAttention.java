package org.ecgchat.nn.layers;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * {@code torch.nn.MultiheadAttention} with PyTorch's packed projection: {@code in_proj_weight [3D, D]}
 * and {@code in_proj_bias [3D]} (rows q, k, v), {@code out_proj.weight [D, D]}, {@code out_proj.bias [D]}.
 * Self-attention projects q, k and v with one matrix product; cross-attention projects the
 * queries with the q rows and the memory with the k|v rows.
 */
public final class MultiheadAttention implements Layer {

    private final Parameter inWeight;
    private final Parameter inBias;
    private final Linear out;
    private final long width;
    private final int heads;
    private final long headDim;

    /** Parameters {@code prefix.in_proj_weight}, {@code prefix.in_proj_bias}, {@code prefix.out_proj.*}. */
    public MultiheadAttention(String prefix, long width, int heads) {
        if (heads <= 0 || width % heads != 0) {
            throw new IllegalArgumentException(prefix + ": width " + width + " is not divisible into "
                    + heads + " heads");
        }
        this.inWeight = Parameter.of(prefix + ".in_proj_weight", 3 * width, width);
        this.inBias = Parameter.of(prefix + ".in_proj_bias", 3 * width);
        this.out = new Linear(prefix + ".out_proj", width, width, true);
        this.width = width;
        this.heads = heads;
        this.headDim = width / heads;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(List.of(inWeight, inBias));
        all.addAll(out.parameters());
        return all;
    }

    /** Self-attention of {@code x} with an optional additive mask broadcastable to {@code [B, H, T, T]}. */
    public SDVariable selfAttention(Graph g, Tokens x, SDVariable mask) {
        SameDiff sd = g.sameDiff();
        SDVariable qkv = sd.mmul(x.x(), g.parameter(inWeight), false, true, false).add(g.parameter(inBias));
        SDVariable[] p = Attention.splitHeads(g, qkv, x.dims(), 3, heads, headDim);
        return out.apply(g, Attention.attend(g, p[0], p[1], p[2], mask, heads, headDim));
    }

    /** Attention of the queries {@code x} over {@code memory} (keys and values), with an optional mask. */
    public SDVariable crossAttention(Graph g, Tokens x, Tokens memory, SDVariable mask) {
        SDVariable[] kv = memoryKeysValues(g, memory);
        return crossAttention(g, x, kv[0], kv[1], mask);
    }

    /**
     * The keys and values of {@code memory} for cross-attention, split into heads: {@code {k, v}},
     * each {@code [B, heads, M, headDim]}. They depend on the memory only, so a caller attending to
     * the same memory many times (step-by-step decoding) computes them once.
     */
    public SDVariable[] memoryKeysValues(Graph g, Tokens memory) {
        SameDiff sd = g.sameDiff();
        SDVariable wkv = sd.stridedSlice(g.parameter(inWeight), new long[] {width, 0}, new long[] {3 * width, width}, 1, 1);
        SDVariable bkv = sd.stridedSlice(g.parameter(inBias), new long[] {width}, new long[] {3 * width}, 1);
        SDVariable kv = sd.mmul(memory.x(), wkv, false, true, false).add(bkv);
        return Attention.splitHeads(g, kv, memory.dims(), 2, heads, headDim);
    }

    /** Attention of the queries {@code x} over keys and values from {@link #memoryKeysValues}. */
    public SDVariable crossAttention(Graph g, Tokens x, SDVariable keys, SDVariable values, SDVariable mask) {
        SameDiff sd = g.sameDiff();
        SDVariable wq = sd.stridedSlice(g.parameter(inWeight), new long[] {0, 0}, new long[] {width, width}, 1, 1);
        SDVariable bq = sd.stridedSlice(g.parameter(inBias), new long[] {0}, new long[] {width}, 1);
        SDVariable q = sd.mmul(x.x(), wq, false, true, false).add(bq);
        SDVariable[] qh = Attention.splitHeads(g, q, x.dims(), 1, heads, headDim);
        return out.apply(g, Attention.attend(g, qh[0], keys, values, mask, heads, headDim));
    }
}
