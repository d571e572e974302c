package org.ecgchat.nn.train;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.clip.ClipByValue;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keeps a parameter inside {@code [min, max]} after each optimiser step, as open_clip does with
 * {@code logit_scale.clamp_(0, math.log(100))} so that the contrastive temperature cannot grow without bound.
 *
 * @param name the parameter's state-dict name
 */
public record Clamp(String name, double min, double max) {

    /** open_clip's clamp of the learnable logit scale to {@code [0, ln 100]}. */
    public static final Clamp LOGIT_SCALE = new Clamp("logit_scale", 0, Math.log(100));

    public Clamp {
        if (!(min <= max)) {
            throw new IllegalArgumentException("clamp of " + name + ": min " + min + " > max " + max);
        }
    }

    /** Clamps the named weight in place; a model without it is left alone. */
    public void apply(Map<String, INDArray> weights) {
        INDArray w = weights.get(name);
        if (w != null) {
            ClipByValue op = new ClipByValue(w, min, max);
            op.addOutputArgument(w);
            Nd4j.exec(op);
        }
    }
}
