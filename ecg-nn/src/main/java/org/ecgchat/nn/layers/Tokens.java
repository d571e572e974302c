package org.ecgchat.nn.layers;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * A batch of token sequences in token-major layout: {@code x} is {@code [batch · length, width]}
 * (so per-token layers are plain matrix products without reshapes) and {@code dims} is the INT64
 * vector {@code (batch, length)} that attention needs to split the batch again. Both sizes may be
 * unknown until the graph runs.
 */
public record Tokens(SDVariable x, SDVariable dims) {

    /** The same sequences with new per-token values. */
    public Tokens with(SDVariable values) {
        return new Tokens(values, dims);
    }

    /** {@code x} as {@code [batch, length, width]}. */
    public SDVariable unflatten(Graph g, long width) {
        return g.sameDiff().reshape(x, g.shape(dims, width));
    }
}
