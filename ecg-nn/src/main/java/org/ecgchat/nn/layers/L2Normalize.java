package org.ecgchat.nn.layers;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * {@code torch.nn.functional.normalize(x, dim=-1)}: rows divided by {@code max(‖row‖₂, 1e-12)},
 * computed as {@code x · rsqrt(max(Σx², 1e-24))}. Not as a division: on SameDiff 1.0.0-M2.1 the
 * gradient of {@code div} with respect to a {@code [1, 1]} divisor broadcast over a row is wrong,
 * so a batch of one row (e.g. a micro-batch of gradient accumulation) would train on a wrong gradient.
 */
public final class L2Normalize {

    private L2Normalize() {}

    /** Normalises each row of {@code x [N, D]}. */
    public static SDVariable apply(Graph g, SDVariable x) {
        SameDiff sd = g.sameDiff();
        SDVariable squares = sd.math.square(x).sum(true, 1);
        return x.mul(sd.math.rsqrt(sd.math.max(squares, g.constant(1e-24f))));
    }
}
