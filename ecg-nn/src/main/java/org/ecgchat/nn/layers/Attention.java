package org.ecgchat.nn.layers;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Scaled dot-product attention built from matrix products, an additive mask and a softmax (the
 * built-in SameDiff attention only takes key-padding masks), and the masks the models need.
 * Masked positions get {@code -Float.MAX_VALUE} like Hugging Face's {@code finfo.min}: finite, so
 * a mask times zero never yields NaN, and still exactly zero weight after the softmax.
 */
public final class Attention {

    /** The additive value of a masked position. */
    public static final float MASKED = -Float.MAX_VALUE;

    private Attention() {}

    /**
     * Splits a packed projection {@code x [B·T, parts·heads·headDim]} (PyTorch's q|k|v packing:
     * part-major, then head-major) into {@code parts} tensors {@code [B, heads, T, headDim]}.
     */
    public static SDVariable[] splitHeads(Graph g, SDVariable x, SDVariable dims, int parts, int heads,
            long headDim) {
        SameDiff sd = g.sameDiff();
        if (parts == 1) {
            return new SDVariable[] {sd.permute(sd.reshape(x, g.shape(dims, heads, headDim)), 0, 2, 1, 3)};
        }
        // [B, T, parts, H, hd] -> [parts, B, H, T, hd]: one permute, then one unstack
        SDVariable split = sd.reshape(x, g.shape(dims, parts, heads, headDim));
        return sd.unstack(sd.permute(split, 2, 0, 3, 1, 4), 0, parts);
    }

    /**
     * {@code softmax(q kᵀ / √headDim + mask) v} for {@code q [B, H, Tq, hd]}, {@code k, v [B, H, Tk, hd]}
     * and an optional additive mask broadcastable to {@code [B, H, Tq, Tk]}; returns the heads
     * merged back into token-major {@code [B·Tq, H·hd]}.
     */
    public static SDVariable attend(Graph g, SDVariable q, SDVariable k, SDVariable v, SDVariable mask,
            int heads, long headDim) {
        SameDiff sd = g.sameDiff();
        SDVariable scores = sd.mmul(q.mul(1.0 / Math.sqrt(headDim)), k, false, true, false);
        if (mask != null) {
            scores = scores.add(mask);
        }
        SDVariable context = sd.mmul(sd.nn.softmax(scores, 3), v);
        return sd.reshape(sd.permute(context, 0, 2, 1, 3), -1, heads * headDim);
    }

    /** The causal mask {@code [T, T]} for an INT64 scalar length: position i attends to positions ≤ i. */
    public static SDVariable causalMask(Graph g, SDVariable length) {
        SameDiff sd = g.sameDiff();
        SDVariable positions = sd.range(g.scalar(0), length, g.scalar(1), DataType.INT64);
        SDVariable rows = sd.expandDims(positions, 1);
        SDVariable cols = sd.expandDims(positions, 0);
        return sd.castTo(sd.gt(cols, rows), DataType.FLOAT).mul(MASKED);
    }

    /**
     * The key-padding and causal masks together, {@code [B, 1, L, L]}: position i attends to the
     * positions ≤ i whose id is not {@code padId}.
     */
    public static SDVariable causalKeyPaddingMask(Graph g, SDVariable ids, long padId) {
        SameDiff sd = g.sameDiff();
        SDVariable positions = sd.range(g.scalar(0), sd.castTo(sd.sizeAt(ids, 1), DataType.INT64), g.scalar(1),
                DataType.INT64);
        SDVariable later = sd.castTo(sd.gt(sd.expandDims(positions, 0), sd.expandDims(positions, 1)), DataType.FLOAT);
        SDVariable padded = sd.expandDims(sd.expandDims(sd.castTo(ids.eq(padId), DataType.FLOAT), 1), 1);
        // hidden where either hides: [L, L] + [B, 1, 1, L] > 0 (adding the two additive masks would overflow)
        return sd.castTo(later.add(padded).gt(0.5), DataType.FLOAT).mul(MASKED);
    }

    /** The key-padding mask {@code [B, 1, 1, L]} hiding positions whose id is {@code padId}. */
    public static SDVariable keyPaddingMask(Graph g, SDVariable ids, long padId) {
        SameDiff sd = g.sameDiff();
        SDVariable padded = sd.castTo(ids.eq(padId), DataType.FLOAT).mul(MASKED);
        return sd.expandDims(sd.expandDims(padded, 1), 1);
    }
}
