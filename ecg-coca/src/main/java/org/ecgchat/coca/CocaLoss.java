package org.ecgchat.coca;

import org.ecgchat.nn.layers.Graph;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * open_clip's {@code CoCaLoss}: {@code clipWeight} × the symmetric contrastive loss
 * {@code (CE(S, arange) + CE(Sᵀ, arange)) / 2} with {@code S = exp(logit_scale) · ecg · textᵀ} over
 * L2-normalised latents, and {@code captionWeight} × the mean next-token cross-entropy over
 * non-padding labels. ECG-Chat trains with weights 1 and 2.
 */
public record CocaLoss(double clipWeight, double captionWeight) {

    /** ECG-Chat's weights: contrastive 1.0, caption 2.0. */
    public static final CocaLoss ECG_CHAT = new CocaLoss(1.0, 2.0);

    /** The weighted contrastive loss (a scalar) for latents {@code [B, E]} and the scalar {@code logitScale}. */
    public SDVariable clip(Graph g, SDVariable ecgLatent, SDVariable textLatent, SDVariable logitScale) {
        SameDiff sd = g.sameDiff();
        SDVariable logits = sd.mmul(ecgLatent, textLatent, false, true, false).mul(sd.math.exp(logitScale));
        // CE of row i against class i is logsumexp(row i) - S_ii; the transposed direction uses columns.
        SDVariable rows = logSumExp(g, logits, 1).mean();
        SDVariable cols = logSumExp(g, logits, 0).mean();
        SDVariable matched = sd.math.diagPart(logits).mean();
        return rows.add(cols).sub(matched.mul(2)).mul(0.5 * clipWeight);
    }

    /**
     * {@code log Σ exp(x)} along {@code axis}, shifted by the maximum. Built by hand with kept
     * dimensions: on SameDiff 1.0.0-M2.1 neither {@code logSumExp} nor an axis {@code logSoftmax}
     * can be differentiated.
     */
    private static SDVariable logSumExp(Graph g, SDVariable x, int axis) {
        SameDiff sd = g.sameDiff();
        SDVariable max = x.max(true, axis);
        return sd.math.log(sd.math.exp(x.sub(max)).sum(true, axis)).add(max);
    }

    /**
     * The weighted caption loss: mean cross-entropy of {@code logits [N, V]} against INT64
     * {@code labels [N]} over the labels that are not {@code padId}.
     */
    public SDVariable caption(Graph g, SDVariable logits, SDVariable labels, long padId, int vocab) {
        SameDiff sd = g.sameDiff();
        // CE = logsumexp(row) - row[label]. SameDiff's sparse softmax cross-entropy is not used: its
        // gradient ignores the incoming gradient, so masking and weighting would be lost.
        SDVariable picked = logits.mul(sd.oneHot(labels, vocab, -1, 1.0, 0.0, DataType.FLOAT)).sum(true, 1);
        SDVariable perToken = logSumExp(g, logits, 1).sub(picked).reshape(-1);
        SDVariable counted = sd.castTo(labels.neq(padId), DataType.FLOAT);
        return perToken.mul(counted).sum().div(counted.sum()).mul(captionWeight);
    }
}
