package org.ecgchat.nn.layers;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** {@code torch.nn.functional.normalize(x, dim=-1)}: rows divided by {@code max(‖row‖₂, 1e-12)}. */
public final class L2Normalize {

    private L2Normalize() {}

    /** Normalises each row of {@code x [N, D]}. */
    public static SDVariable apply(Graph g, SDVariable x) {
        SameDiff sd = g.sameDiff();
        return x.div(sd.math.max(x.norm2(true, 1), g.constant(1e-12f)));
    }
}
