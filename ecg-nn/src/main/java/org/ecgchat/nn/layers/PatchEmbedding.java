package org.ecgchat.nn.layers;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A {@code torch.nn.Conv1d(channels, width, kernel_size=patch, stride=patch, bias=False)} that cuts
 * a signal into non-overlapping patches and embeds each: {@code weight [width, channels, patch]}.
 * With kernel equal to stride the convolution is exactly one matrix product of the patches
 * (flattened channel-major, like the weight) with the flattened weight, which is what runs.
 */
public final class PatchEmbedding implements Layer {

    private final Parameter weight;
    private final long channels;
    private final long width;
    private final long patch;

    /** Parameter {@code prefix.weight}. */
    public PatchEmbedding(String prefix, long channels, long width, long patch) {
        this.weight = Parameter.of(prefix + ".weight", width, channels, patch);
        this.channels = channels;
        this.width = width;
        this.patch = patch;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight);
    }

    /**
     * {@code x [B, channels, length]} → token-major patch embeddings {@code [B · length/patch, width]}
     * (batch-major, then patch order). {@code length} must be a multiple of the patch size.
     */
    public SDVariable apply(Graph g, SDVariable x, long length) {
        if (length % patch != 0) {
            throw new IllegalArgumentException("signal length " + length + " is not a multiple of the patch size "
                    + patch);
        }
        SameDiff sd = g.sameDiff();
        SDVariable patches = sd.permute(sd.reshape(x, -1, channels, length / patch, patch), 0, 2, 1, 3);
        SDVariable flat = sd.reshape(patches, -1, channels * patch);
        SDVariable kernel = sd.reshape(g.parameter(weight), width, channels * patch);
        return sd.mmul(flat, kernel, false, true, false);
    }
}
