package org.ecgchat.nn.layers;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Element-wise activations of the original models. SameDiff's own {@code gelu} and
 * {@code preciseGelu} are the sigmoid and tanh approximations; PyTorch's {@code nn.GELU()} is the
 * exact erf form, built here from {@code erf}.
 */
public enum Activation {
    /**
     * {@code x · Φ(x)}, PyTorch {@code nn.GELU()}; computed as {@code 0.5 · x · erfc(−x / √2)}, which
     * equals {@code 0.5 · x · (1 + erf(x / √2))} with one op less and no cancellation for negative x.
     */
    GELU {
        @Override
        public SDVariable apply(SameDiff sd, SDVariable x) {
            return sd.math.erfc(x.mul(-1.0 / Math.sqrt(2.0))).mul(x).mul(0.5);
        }
    },
    /** {@code x · sigmoid(1.702 x)}, open_clip's {@code QuickGELU} (OpenAI CLIP weights). */
    QUICK_GELU {
        @Override
        public SDVariable apply(SameDiff sd, SDVariable x) {
            return sd.nn.sigmoid(x.mul(1.702)).mul(x);
        }
    };

    public abstract SDVariable apply(SameDiff sd, SDVariable x);
}
