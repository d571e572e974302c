package org.ecgchat.coca;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import org.ecgchat.nn.layers.Graph;
import org.ecgchat.nn.layers.L2Normalize;
import org.ecgchat.nn.layers.Parameter;
import org.ecgchat.nn.layers.Tokens;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The whole ECG-CoCa computation as one SameDiff graph, for inference and training alike. Inputs
 * are the placeholders {@link #ECG} {@code [B, lead_num, seq_length]} (FLOAT) and {@link #TEXT}
 * {@code [B, L]} (INT64 token ids); every intermediate result the original exposes is a named
 * output, and {@link #LOSS} = {@link #CLIP_LOSS} + {@link #CAPTION_LOSS} is the loss variable.
 * SameDiff runs only what the requested outputs need, so ECG-only outputs need no text.
 *
 * <p>Variables are named by the original state-dict keys. A graph is not thread-safe; build one
 * per thread (they can share weights) or go through {@link CocaModel}, which pools them.
 */
public final class CocaGraph {

    /** Placeholder: ECG batch {@code [B, lead_num, seq_length]}, FLOAT. */
    public static final String ECG = "ecg";
    /** Placeholder: token ids {@code [B, L]}, INT64. */
    public static final String TEXT = "text";
    /** All tokens after the last ECG block, before {@code ln_post}: {@code [B, N+1, width]}. */
    public static final String ECG_HIDDEN = "ecg_hidden";
    /** ECG tokens 1..N after {@code ln_post} (the decoder's memory): {@code [B, N, width]}. */
    public static final String ECG_TOKENS = "ecg_tokens";
    /** Class token after {@code ln_post} times {@code proj}: {@code [B, embed_dim]}. */
    public static final String ECG_POOLED = "ecg_pooled_unnormalized";
    /** {@link #ECG_POOLED} L2-normalised. */
    public static final String ECG_LATENT = "ecg_latent";
    /** Pooled BERT state times {@code text.proj}: {@code [B, embed_dim]}. */
    public static final String TEXT_POOLED = "text_pooled_unnormalized";
    /** {@link #TEXT_POOLED} L2-normalised. */
    public static final String TEXT_LATENT = "text_latent";
    /** Decoder logits with teacher forcing: {@code [B, L', vocab]}. */
    public static final String LOGITS = "logits";
    /** The tokens {@link #LOGITS} predict: {@code [B, L']}, INT64. */
    public static final String LABELS = "labels";
    /** Weighted contrastive loss (scalar). */
    public static final String CLIP_LOSS = "clip_loss";
    /** Weighted caption loss (scalar). */
    public static final String CAPTION_LOSS = "caption_loss";
    /** {@link #CLIP_LOSS} + {@link #CAPTION_LOSS}, the graph's loss variable. */
    public static final String LOSS = "loss";
    /**
     * Placeholder of {@linkplain #forAccumulation accumulation graphs}: the gradient of the whole
     * accumulated batch's contrastive loss with respect to this micro-batch's {@link #ECG_LATENT}.
     */
    public static final String ECG_LATENT_GRAD = "ecg_latent_grad";
    /** Placeholder of accumulation graphs: as {@link #ECG_LATENT_GRAD} for {@link #TEXT_LATENT}. */
    public static final String TEXT_LATENT_GRAD = "text_latent_grad";
    /** Placeholder of accumulation graphs (scalar): this micro-batch's share of the accumulated caption tokens. */
    public static final String CAPTION_SHARE = "caption_share";
    /**
     * The loss variable of accumulation graphs: {@code Σ ecg_latent·ecg_latent_grad +
     * Σ text_latent·text_latent_grad + caption_share·caption_loss}. Its gradient with respect to
     * every parameter except {@code logit_scale} (which it does not reach) is this micro-batch's
     * part of the gradient of the accumulated batch's loss.
     */
    public static final String ACCUMULATION_LOSS = "accumulation_loss";

    private final Graph graph;

    /** Builds the graph with parameter values from {@code weights} and the given loss weights. */
    public CocaGraph(CocaConfig config, Function<Parameter, INDArray> weights, CocaLoss loss) {
        this(config, weights, loss, false);
    }

    /**
     * A graph whose loss variable is {@link #ACCUMULATION_LOSS}, for open_clip's gradient
     * accumulation ({@code accum_freq > 1}): the contrastive loss of the accumulated batch needs every
     * micro-batch's latents, so its gradient with respect to this micro-batch's latents is computed
     * outside and fed in, and autodiff carries it back through the towers.
     */
    public static CocaGraph forAccumulation(CocaConfig config, Function<Parameter, INDArray> weights, CocaLoss loss) {
        return new CocaGraph(config, weights, loss, true);
    }

    private CocaGraph(CocaConfig config, Function<Parameter, INDArray> weights, CocaLoss loss, boolean accumulation) {
        this.graph = new Graph(SameDiff.create(), weights);
        SameDiff sd = graph.sameDiff();
        SDVariable ecg = sd.placeHolder(ECG, DataType.FLOAT, -1, config.ecg().leadNum(), config.ecg().seqLength());
        SDVariable text = sd.placeHolder(TEXT, DataType.INT64, -1, -1);

        EcgTower.Output e = new EcgTower(config).apply(graph, ecg);
        e.hidden().unflatten(graph, config.ecg().width()).rename(ECG_HIDDEN);
        e.tokens().rename(ECG_TOKENS);
        e.pooled().rename(ECG_POOLED);
        SDVariable ecgLatent = L2Normalize.apply(graph, e.pooled()).rename(ECG_LATENT);

        TextTower textTower = new TextTower(config);
        TextTower.Output t = textTower.apply(graph, text);
        t.pooled().rename(TEXT_POOLED);
        SDVariable textLatent = L2Normalize.apply(graph, t.pooled()).rename(TEXT_LATENT);

        int width = config.ecg().width();
        SDVariable memoryDims = sd.concat(0, sd.stridedSlice(e.hidden().dims(), new long[] {0}, new long[] {1}, 1),
                graph.longs(config.ecg().patches()));
        Tokens memory = new Tokens(sd.reshape(e.tokens(), -1, width), memoryDims);
        Tokens decoderInput = textTower.decoderInput(graph, t.hidden(), true);
        SDVariable logits = new MultimodalDecoder(config).apply(graph, decoderInput, memory);
        int vocab = config.text().decoderVocabSize();
        sd.reshape(logits, graph.shape(decoderInput.dims(), vocab)).rename(LOGITS);
        SDVariable labels = textTower.labels(graph, text).rename(LABELS);

        SDVariable logitScale = graph.parameter(Parameter.of("logit_scale"));
        SDVariable clip = loss.clip(graph, ecgLatent, textLatent, logitScale).rename(CLIP_LOSS);
        SDVariable caption = loss.caption(graph, logits, sd.reshape(labels, -1), config.padId(), vocab).rename(CAPTION_LOSS);
        SDVariable total = clip.add(caption).rename(LOSS);
        if (accumulation) {
            int embed = config.embedDim();
            SDVariable ecgGrad = sd.placeHolder(ECG_LATENT_GRAD, DataType.FLOAT, -1, embed);
            SDVariable textGrad = sd.placeHolder(TEXT_LATENT_GRAD, DataType.FLOAT, -1, embed);
            SDVariable share = sd.placeHolder(CAPTION_SHARE, DataType.FLOAT);
            SDVariable surrogate = ecgLatent.mul(ecgGrad).sum().add(textLatent.mul(textGrad).sum())
                    .add(caption.mul(share));
            sd.setLossVariables(surrogate.rename(ACCUMULATION_LOSS));
        } else {
            sd.setLossVariables(total);
        }
    }

    /** The underlying graph (variables named by state-dict keys). */
    public Graph graph() {
        return graph;
    }

    /** Runs the graph for the named outputs; {@code inputs} maps {@link #ECG} and/or {@link #TEXT}. */
    public Map<String, INDArray> output(Map<String, INDArray> inputs, String... outputs) {
        return graph.output(inputs, outputs);
    }

    /** Gradients of the loss variable with respect to the named parameters, by SameDiff's autodiff. */
    public Map<String, INDArray> gradients(Map<String, INDArray> inputs, Collection<String> parameters) {
        return graph.gradients(inputs, parameters);
    }

    /** Gradients of the loss variable and, from the same pass, the named outputs (e.g. {@link #CLIP_LOSS}). */
    public Graph.Pass backward(Map<String, INDArray> inputs, Collection<String> parameters, Collection<String> outputs) {
        return graph.backward(inputs, parameters, outputs);
    }
}
