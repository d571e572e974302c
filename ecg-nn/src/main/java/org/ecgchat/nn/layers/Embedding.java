package org.ecgchat.nn.layers;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;

/** {@code torch.nn.Embedding}: a table {@code weight [rows, width]} indexed by integer ids. */
public final class Embedding implements Layer {

    private final Parameter weight;

    /** Parameter {@code prefix.weight}. */
    public Embedding(String prefix, long rows, long width) {
        this.weight = Parameter.of(prefix + ".weight", rows, width);
    }

    public Parameter weight() {
        return weight;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight);
    }

    /** Rows for INT64 {@code ids} of any shape, flattened row-major: {@code [ids.length, width]}. */
    public SDVariable apply(Graph g, SDVariable ids) {
        return g.lookup(weight, ids);
    }
}
