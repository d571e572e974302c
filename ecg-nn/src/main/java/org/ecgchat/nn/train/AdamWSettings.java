package org.ecgchat.nn.train;

/**
 * AdamW hyperparameters other than the learning rate (which a schedule supplies per step), with
 * {@code torch.optim.AdamW}'s meaning.
 *
 * @param beta1 decay of the first-moment average
 * @param beta2 decay of the second-moment average
 * @param eps added to the bias-corrected root of the second moment
 * @param weightDecay decoupled decay: each step multiplies decayed weights by {@code 1 − lr·weightDecay}
 */
public record AdamWSettings(double beta1, double beta2, double eps, double weightDecay) {

    public AdamWSettings {
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1 must be in [0, 1), was " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta2 must be in [0, 1), was " + beta2);
        }
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("eps must be positive and finite, was " + eps);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be non-negative and finite, was " + weightDecay);
        }
    }
}
