package org.ecgchat.nn.layers;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;

/** open_clip's transformer MLP: {@code c_fc} (width → hidden), activation, {@code c_proj} (hidden → width). */
public final class Mlp implements Layer {

    private final Linear fc;
    private final Linear proj;
    private final Activation activation;

    /** Parameters {@code prefix.c_fc.*} and {@code prefix.c_proj.*}. */
    public Mlp(String prefix, long width, long hidden, Activation activation) {
        this.fc = new Linear(prefix + ".c_fc", width, hidden, true);
        this.proj = new Linear(prefix + ".c_proj", hidden, width, true);
        this.activation = activation;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(fc.parameters());
        all.addAll(proj.parameters());
        return all;
    }

    /** {@code x [N, width]} → {@code [N, width]}. */
    public SDVariable apply(Graph g, SDVariable x) {
        return proj.apply(g, activation.apply(g.sameDiff(), fc.apply(g, x)));
    }
}
