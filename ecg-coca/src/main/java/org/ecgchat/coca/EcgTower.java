package org.ecgchat.coca;

import java.util.ArrayList;
import java.util.List;
import org.ecgchat.nn.layers.Graph;
import org.ecgchat.nn.layers.Layer;
import org.ecgchat.nn.layers.LayerNorm;
import org.ecgchat.nn.layers.Parameter;
import org.ecgchat.nn.layers.PatchEmbedding;
import org.ecgchat.nn.layers.ResidualAttentionBlock;
import org.ecgchat.nn.layers.Tokens;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ECG-Chat's ECG tower (open_clip {@code EcgTransformer}, prefix {@code ecg.}): a 1-D ViT. The
 * 12-lead signal is cut into patches by {@code conv1} (Conv1d, kernel = stride = patch, no bias),
 * a learned {@code class_embedding} is prepended, {@code positional_embedding} added, then
 * {@code ln_pre}, the residual blocks {@code transformer.resblocks.N} and {@code ln_post}. The
 * pooled output is the class token after {@code ln_post} times {@code proj}; tokens 1..N after
 * {@code ln_post} are the decoder's memory.
 */
public final class EcgTower implements Layer {

    /** What the tower computes for a batch. */
    public record Output(Tokens hidden, SDVariable tokens, SDVariable pooled) {}

    private static final String PREFIX = "ecg";

    private final EcgConfig cfg;
    private final PatchEmbedding conv1;
    private final Parameter classEmbedding;
    private final Parameter positionalEmbedding;
    private final LayerNorm lnPre;
    private final List<ResidualAttentionBlock> blocks = new ArrayList<>();
    private final LayerNorm lnPost;
    private final Parameter proj;

    public EcgTower(CocaConfig config) {
        this.cfg = config.ecg();
        int width = cfg.width();
        this.conv1 = new PatchEmbedding(PREFIX + ".conv1", cfg.leadNum(), width, cfg.patchSize());
        this.classEmbedding = Parameter.of(PREFIX + ".class_embedding", width);
        this.positionalEmbedding = Parameter.of(PREFIX + ".positional_embedding", cfg.patches() + 1, width);
        this.lnPre = new LayerNorm(PREFIX + ".ln_pre", width, LayerNorm.TORCH_EPS);
        for (int i = 0; i < cfg.layers(); i++) {
            blocks.add(new ResidualAttentionBlock(PREFIX + ".transformer.resblocks." + i, width, cfg.heads(),
                    cfg.mlpRatio(), config.activation(), false));
        }
        this.lnPost = new LayerNorm(PREFIX + ".ln_post", width, LayerNorm.TORCH_EPS);
        this.proj = Parameter.of(PREFIX + ".proj", width, config.embedDim());
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(List.of(classEmbedding, positionalEmbedding, proj));
        all.addAll(conv1.parameters());
        all.addAll(lnPre.parameters());
        blocks.forEach(b -> all.addAll(b.parameters()));
        all.addAll(lnPost.parameters());
        return all;
    }

    /** Runs the tower on {@code ecg [B, lead_num, seq_length]}. */
    public Output apply(Graph g, SDVariable ecg) {
        SameDiff sd = g.sameDiff();
        long width = cfg.width();
        long tokens = cfg.patches() + 1L;
        SDVariable patches = sd.reshape(conv1.apply(g, ecg, cfg.seqLength()), -1, cfg.patches(), width);
        // the class token sits in front: a zero row there, and the class embedding added with the positions
        SDVariable front = sd.constant(Nd4j.createFromArray(new int[][] {{0, 0}, {1, 0}, {0, 0}}));
        SDVariable withSlot = sd.nn.pad(patches, front, 0.0);
        SDVariable classRow = sd.nn.pad(sd.expandDims(g.parameter(classEmbedding), 0),
                sd.constant(Nd4j.createFromArray(new int[][] {{0, cfg.patches()}, {0, 0}})), 0.0);
        SDVariable embedded = withSlot.add(g.parameter(positionalEmbedding).add(classRow));
        SDVariable batch = sd.stridedSlice(sd.castTo(sd.shape(ecg), DataType.INT64), new long[] {0}, new long[] {1}, 1);
        Tokens x = new Tokens(lnPre.apply(g, sd.reshape(embedded, -1, width)), sd.concat(0, batch, g.longs(tokens)));
        for (ResidualAttentionBlock block : blocks) {
            x = block.selfAttention(g, x, null);
        }
        SDVariable post = sd.reshape(lnPost.apply(g, x.x()), -1, tokens, width);
        SDVariable cls = sd.stridedSlice(post, new long[] {0, 0, 0}, new long[] {0, 1, 0}, new long[] {1, 1, 1},
                0b101, 0b101, 0, 0, 0b010);
        SDVariable rest = sd.stridedSlice(post, new long[] {0, 1, 0}, new long[] {0, 0, 0}, new long[] {1, 1, 1},
                0b101, 0b111, 0, 0, 0);
        return new Output(x, rest, sd.mmul(cls, g.parameter(proj)));
    }
}
