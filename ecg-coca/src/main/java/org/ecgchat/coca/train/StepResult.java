package org.ecgchat.coca.train;

/**
 * What one optimiser step reports, with open_clip's names for the loss parts.
 *
 * @param contrastiveLoss weighted contrastive loss of the step's (accumulated) batch, before the update
 * @param captionLoss weighted caption loss of that batch
 * @param gradNorm global L2 norm of the gradients before clipping
 * @param logitScale the learnable {@code logit_scale} after the update (and clamp)
 */
public record StepResult(double contrastiveLoss, double captionLoss, double gradNorm, double logitScale) {

    /** {@code contrastiveLoss + captionLoss}. */
    public double loss() {
        return contrastiveLoss + captionLoss;
    }
}
