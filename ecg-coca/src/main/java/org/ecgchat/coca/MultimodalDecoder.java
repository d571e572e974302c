package org.ecgchat.coca;

import java.util.ArrayList;
import java.util.List;
import org.ecgchat.nn.layers.Attention;
import org.ecgchat.nn.layers.Graph;
import org.ecgchat.nn.layers.Layer;
import org.ecgchat.nn.layers.LayerNorm;
import org.ecgchat.nn.layers.Parameter;
import org.ecgchat.nn.layers.ResidualAttentionBlock;
import org.ecgchat.nn.layers.Tokens;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * open_clip's {@code MultimodalTransformer} (prefix {@code text_decoder.}): per layer a causal
 * self-attention block {@code resblocks.N} over the text token states, then a cross-attention
 * block {@code cross_attn.N} whose keys and values are the ECG tokens (after that block's
 * {@code ln_1_kv}); finally {@code ln_final} and {@code text_projection [width, vocab]} (applied as
 * {@code x @ text_projection}). It has no position embedding of its own: the text states carry it.
 * Token i only sees tokens ≤ i, so the logits of a prefix do not depend on what follows, which is
 * what step-by-step caption generation relies on.
 */
public final class MultimodalDecoder implements Layer {

    private static final String PREFIX = "text_decoder";

    private final MultimodalConfig cfg;
    private final List<ResidualAttentionBlock> selfBlocks = new ArrayList<>();
    private final List<ResidualAttentionBlock> crossBlocks = new ArrayList<>();
    private final LayerNorm lnFinal;
    private final Parameter textProjection;

    public MultimodalDecoder(CocaConfig config) {
        this.cfg = config.multimodal();
        for (int i = 0; i < cfg.layers(); i++) {
            selfBlocks.add(new ResidualAttentionBlock(PREFIX + ".resblocks." + i, cfg.width(), cfg.heads(),
                    cfg.mlpRatio(), config.activation(), false));
            crossBlocks.add(new ResidualAttentionBlock(PREFIX + ".cross_attn." + i, cfg.width(), cfg.heads(),
                    cfg.mlpRatio(), config.activation(), true));
        }
        this.lnFinal = new LayerNorm(PREFIX + ".ln_final", cfg.width(), LayerNorm.TORCH_EPS);
        this.textProjection = Parameter.of(PREFIX + ".text_projection", cfg.width(), config.text().decoderVocabSize());
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(List.of(textProjection));
        selfBlocks.forEach(b -> all.addAll(b.parameters()));
        crossBlocks.forEach(b -> all.addAll(b.parameters()));
        all.addAll(lnFinal.parameters());
        return all;
    }

    /** Token-major logits {@code [B·L, vocab]} for text states {@code text} attending to {@code ecgTokens}. */
    public SDVariable apply(Graph g, Tokens text, Tokens ecgTokens) {
        return project(g, layers(g, text, memoryKeysValues(g, ecgTokens)).x());
    }

    /**
     * Per layer, the keys and values its cross-attention block derives from the ECG tokens
     * ({@code {k, v}}, each {@code [B, heads, N, width/heads]}): they do not depend on the text, so
     * step-by-step generation computes them once per ECG.
     */
    public List<SDVariable[]> memoryKeysValues(Graph g, Tokens ecgTokens) {
        List<SDVariable[]> memory = new ArrayList<>();
        for (ResidualAttentionBlock block : crossBlocks) {
            memory.add(block.memoryKeysValues(g, ecgTokens));
        }
        return memory;
    }

    /**
     * Logits {@code [B, vocab]} of the token after the last position only, for text states
     * attending to memory keys and values from {@link #memoryKeysValues}: the vocabulary
     * projection, the decoder's largest matrix, runs on one row per sequence.
     */
    public SDVariable nextTokenLogits(Graph g, Tokens text, List<SDVariable[]> memory) {
        SDVariable states = layers(g, text, memory).unflatten(g, cfg.width());
        SDVariable last = g.sameDiff().stridedSlice(states, new long[] {0, -1, 0}, new long[] {0, 0, 0},
                new long[] {1, 1, 1}, 0b101, 0b111, 0, 0, 0b010);
        return project(g, last);
    }

    private Tokens layers(Graph g, Tokens text, List<SDVariable[]> memory) {
        SameDiff sd = g.sameDiff();
        SDVariable length = sd.stridedSlice(text.dims(), new long[] {1}, new long[] {2}, new long[] {1}, 0, 0, 0, 0, 1);
        SDVariable causal = Attention.causalMask(g, sd.castTo(length, DataType.INT64));
        Tokens x = text;
        for (int i = 0; i < cfg.layers(); i++) {
            x = selfBlocks.get(i).selfAttention(g, x, causal);
            x = crossBlocks.get(i).crossAttention(g, x, memory.get(i)[0], memory.get(i)[1]);
        }
        return x;
    }

    private SDVariable project(Graph g, SDVariable states) {
        return g.sameDiff().mmul(lnFinal.apply(g, states), g.parameter(textProjection));
    }
}
