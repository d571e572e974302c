package org.ecgchat.nn.layers;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * {@code torch.nn.LayerNorm} over the last axis with an epsilon:
 * {@code (x − mean) / sqrt(var + eps) · weight + bias} with the biased variance. Built from
 * mean/variance/rsqrt because SameDiff's own {@code layerNorm} has no epsilon (a constant row
 * would give Inf).
 */
public final class LayerNorm implements Layer {

    /** PyTorch's default epsilon. */
    public static final double TORCH_EPS = 1e-5;

    private final Parameter weight;
    private final Parameter bias;
    private final double eps;

    /** A layer norm with parameters {@code prefix.weight} and {@code prefix.bias}, both {@code [width]}. */
    public LayerNorm(String prefix, long width, double eps) {
        this.weight = Parameter.of(prefix + ".weight", width);
        this.bias = Parameter.of(prefix + ".bias", width);
        this.eps = eps;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    /** Normalises each row of {@code x [N, width]}. */
    public SDVariable apply(Graph g, SDVariable x) {
        SameDiff sd = g.sameDiff();
        SDVariable centred = x.sub(x.mean(true, 1));
        SDVariable variance = centred.mul(centred).mean(true, 1);
        // The per-row and per-column factors are broadcast by adding them to zeros, so that every
        // product has operands of equal shape: the gradient of a broadcasting product (libnd4j's
        // multiply_bp) tiles the smaller operand element by element, ~10× slower than the add's
        // row or column sum. (A product also differentiates faster than square's power rule.)
        SDVariable zeros = sd.fill(sd.shape(x), DataType.FLOAT, 0.0);
        SDVariable scale = zeros.add(sd.math.rsqrt(variance.add(eps))).mul(zeros.add(g.parameter(weight)));
        return centred.mul(scale).add(g.parameter(bias));
    }
}
