package org.ecgchat.coca;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Everything one ECG-CoCa forward pass over an (ECG, text) batch produces; names and layouts as in
 * {@link CocaGraph}.
 *
 * @param ecgLatent L2-normalised ECG embedding {@code [B, embed_dim]}
 * @param ecgPooled ECG embedding before normalisation
 * @param ecgTokens ECG tokens after {@code ln_post} {@code [B, N, width]}
 * @param ecgHidden ECG tokens after the last block, before {@code ln_post} {@code [B, N+1, width]}
 * @param textLatent L2-normalised text embedding {@code [B, embed_dim]}
 * @param textPooled text embedding before normalisation
 * @param logits caption logits {@code [B, L', vocab]}
 * @param labels the tokens the logits predict {@code [B, L']}
 * @param clipLoss weighted contrastive loss
 * @param captionLoss weighted caption loss
 */
public record CocaOutput(INDArray ecgLatent, INDArray ecgPooled, INDArray ecgTokens, INDArray ecgHidden,
        INDArray textLatent, INDArray textPooled, INDArray logits, INDArray labels, double clipLoss,
        double captionLoss) {

    /** {@code clipLoss + captionLoss}. */
    public double loss() {
        return clipLoss + captionLoss;
    }
}
