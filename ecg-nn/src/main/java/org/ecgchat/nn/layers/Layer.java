package org.ecgchat.nn.layers;

import java.util.List;

/**
 * A building block of a model. Each layer knows the parameters it owns (by original state-dict
 * name, so checkpoints can be validated and counted without building a graph) and adds its
 * computation to a {@link Graph} through a method whose inputs fit the layer.
 */
public interface Layer {

    /** The parameters this layer (and its children) reads, in state-dict order. */
    List<Parameter> parameters();
}
