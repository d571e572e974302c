package org.ecgchat.nn.layers;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * {@code torch.nn.Linear}: {@code y = x Wᵀ + b} with {@code weight [out, in]} and optional
 * {@code bias [out]}, applied to token-major input {@code [N, in]}. The transpose is a flag of the
 * matrix product, not a copy.
 */
public final class Linear implements Layer {

    private final Parameter weight;
    private final Parameter bias;

    /** A linear layer whose parameters are {@code prefix.weight} and, if {@code bias}, {@code prefix.bias}. */
    public Linear(String prefix, long in, long out, boolean bias) {
        this.weight = Parameter.of(prefix + ".weight", out, in);
        this.bias = bias ? Parameter.of(prefix + ".bias", out) : null;
    }

    public Parameter weight() {
        return weight;
    }

    /** The bias parameter; only for layers built with a bias. */
    public Parameter bias() {
        if (bias == null) {
            throw new IllegalStateException(weight.name() + " has no bias");
        }
        return bias;
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }

    /** {@code x [N, in]} → {@code [N, out]}. */
    public SDVariable apply(Graph g, SDVariable x) {
        SDVariable y = g.sameDiff().mmul(x, g.parameter(weight), false, true, false);
        return bias == null ? y : y.add(g.parameter(bias));
    }
}
