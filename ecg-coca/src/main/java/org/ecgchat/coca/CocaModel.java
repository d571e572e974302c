package org.ecgchat.coca;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.ecgchat.nn.checkpoint.Checkpoint;
import org.ecgchat.nn.checkpoint.Checkpoints;
import org.ecgchat.nn.checkpoint.Safetensors;
import org.ecgchat.nn.checkpoint.StateDict;
import org.ecgchat.nn.layers.GraphPool;
import org.ecgchat.nn.tokenize.BertTokenizer;
import org.ecgchat.nn.layers.Parameter;
import org.ecgchat.nn.layers.Parameters;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ECG-CoCa with its weights: ECG and text encoders, the captioning decoder and the CoCa loss,
 * numerically matching the PyTorch original.
 *
 * <p>Thread-safe: SameDiff graphs are not, so each call runs on a {@link CocaGraph} replica
 * confined to its own worker thread ({@link GraphPool}); replicas are built on first need and
 * share this model's weight arrays. Concurrent calls run in parallel up to the number of
 * replicas ({@link #withConcurrency}; default one per four processors, at least one, since every
 * op already uses all cores) and wait beyond it. Batch sizes are free; the ECG length must be the
 * configured {@code seq_length} (see
 * {@link EcgRecords} to read, clean, pad or crop records).
 */
public final class CocaModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CocaModel.class);

    /** Tensors of real checkpoints the model knowingly does not use (HF buffers, BERT's pooler). */
    private static final Predicate<String> UNUSED = name -> name.equals("text.transformer.embeddings.position_ids")
            || name.equals("text.transformer.embeddings.token_type_ids")
            || name.startsWith("text.transformer.pooler.");

    private final CocaConfig config;
    private final List<Parameter> parameters;
    private final Map<String, INDArray> weights;
    private final GraphPool<CocaGraph> graphs;

    private CocaModel(CocaConfig config, List<Parameter> parameters, Map<String, INDArray> weights, int replicas) {
        this.config = config;
        this.parameters = parameters;
        this.weights = Collections.unmodifiableMap(weights);
        this.graphs = new GraphPool<>(() -> newGraph(CocaLoss.ECG_CHAT), replicas);
    }

    /**
     * This model (same weight arrays) with up to {@code replicas} graphs for concurrent calls.
     * Each replica holds its graph and a cache of its activation arrays (for the ECG tower at
     * batch 32 under a gigabyte).
     */
    public CocaModel withConcurrency(int replicas) {
        return new CocaModel(config, parameters, weights, replicas);
    }

    /** Stops the worker threads of the graph replicas. */
    @Override
    public void close() {
        graphs.close();
    }

    /**
     * Loads a model folder ({@code config.json} + {@code model.safetensors}), a {@code .safetensors}
     * file or an open_clip {@code .pt} checkpoint. The configuration is the {@code config.json}
     * beside the weights, or ECG-Chat's {@link CocaConfig#ecgChat()} when there is none.
     */
    public static CocaModel load(Path path) throws IOException {
        return load(path, null);
    }

    /** As {@link #load(Path)} with an explicit configuration ({@code null}: find it as there). */
    public static CocaModel load(Path path, CocaConfig config) throws IOException {
        Checkpoint checkpoint = Checkpoints.load(path);
        CocaConfig cfg = config;
        if (cfg == null && checkpoint.config().isPresent()) {
            cfg = CocaConfig.read(checkpoint.config().get());
        } else if (cfg == null) {
            LOG.info("{}: no config.json beside the weights, assuming ECG-Chat's coca_ViT-B-32", path);
            cfg = CocaConfig.ecgChat();
        }
        return of(cfg, checkpoint.stateDict());
    }

    /**
     * A model of architecture {@code config} with the weights of {@code stateDict}, which must hold
     * exactly the model's tensors (plus known-unused Hugging Face buffers) with the right shapes;
     * otherwise a {@link org.ecgchat.nn.layers.WeightMismatchException} lists every problem.
     */
    public static CocaModel of(CocaConfig config, StateDict stateDict) {
        List<Parameter> parameters = parametersOf(config);
        Map<String, INDArray> weights = Parameters.match(stateDict.source(), parameters, stateDict.asMap(), UNUSED);
        return new CocaModel(config, parameters, weights,
                Math.max(1, Runtime.getRuntime().availableProcessors() / 4));
    }

    /** The parameters an architecture has, by state-dict name, without allocating them. */
    public static List<Parameter> parametersOf(CocaConfig config) {
        List<Parameter> all = new ArrayList<>();
        all.add(Parameter.of("logit_scale"));
        all.addAll(new TextTower(config).parameters());
        all.addAll(new EcgTower(config).parameters());
        all.addAll(new MultimodalDecoder(config).parameters());
        return List.copyOf(all);
    }

    /** Writes the model as a folder: {@code config.json} and {@code model.safetensors}. */
    public void save(Path folder) throws IOException {
        Files.createDirectories(folder);
        Safetensors.write(folder.resolve("model.safetensors"), StateDict.of(folder.toString(), weights));
        config.write(folder.resolve("config.json"));
    }

    public CocaConfig config() {
        return config;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /** {@code exp(logit_scale)}: the factor of the cosine similarities in the contrastive and zero-shot scores. */
    public double logitScale() {
        return Math.exp(weights.get("logit_scale").getDouble(0));
    }

    /** The weight arrays by state-dict name (shared with every graph of this model). */
    public Map<String, INDArray> weights() {
        return weights;
    }

    /** A new graph over this model's weights, e.g. for training with other loss weights. */
    public CocaGraph newGraph(CocaLoss loss) {
        return new CocaGraph(config, p -> weights.get(p.name()), loss);
    }

    /** L2-normalised ECG embeddings {@code [B, embed_dim]} of {@code ecg [B, lead_num, seq_length]}. */
    public INDArray encodeEcg(INDArray ecg) {
        return run(Map.of(CocaGraph.ECG, ecgInput(ecg)), CocaGraph.ECG_LATENT).get(CocaGraph.ECG_LATENT);
    }

    /**
     * The output of the ECG tower's last block for all tokens (class token first), before
     * {@code ln_post}: {@code [B, N+1, width]}, what the LLaVA projector consumes.
     */
    public INDArray ecgHidden(INDArray ecg) {
        return run(Map.of(CocaGraph.ECG, ecgInput(ecg)), CocaGraph.ECG_HIDDEN).get(CocaGraph.ECG_HIDDEN);
    }

    /** L2-normalised text embeddings {@code [B, embed_dim]} of token ids {@code [B, L]} (padding = {@code pad_id}). */
    public INDArray encodeText(INDArray ids) {
        return run(Map.of(CocaGraph.TEXT, textInput(ids, 1)), CocaGraph.TEXT_LATENT).get(CocaGraph.TEXT_LATENT);
    }

    /**
     * L2-normalised embeddings of texts (e.g. CKEPE class prompts or reports), tokenised as open_clip
     * does: {@code [CLS] pieces [SEP]} truncated and padded to {@code text_cfg.context_length}
     * (at most {@code max_position}).
     */
    public INDArray encodeText(BertTokenizer tokenizer, List<String> texts) {
        if (tokenizer.padId() != config.text().padId()) {
            throw new IllegalArgumentException("the tokenizer pads with id " + tokenizer.padId()
                    + " but text_cfg.pad_id is " + config.text().padId());
        }
        int context = Math.min(config.text().contextLength(), config.text().maxPosition());
        return encodeText(tokenizer.encodeBatch(texts, context).inputIds());
    }

    /** The full forward pass with losses for ECGs and their report token ids (one report per ECG). */
    public CocaOutput forward(INDArray ecg, INDArray ids) {
        Map<String, INDArray> inputs = inputs(ecg, ids);
        Map<String, INDArray> out = run(inputs,
                CocaGraph.ECG_LATENT, CocaGraph.ECG_POOLED, CocaGraph.ECG_TOKENS, CocaGraph.ECG_HIDDEN,
                CocaGraph.TEXT_LATENT, CocaGraph.TEXT_POOLED, CocaGraph.LOGITS, CocaGraph.LABELS,
                CocaGraph.CLIP_LOSS, CocaGraph.CAPTION_LOSS);
        return new CocaOutput(out.get(CocaGraph.ECG_LATENT), out.get(CocaGraph.ECG_POOLED),
                out.get(CocaGraph.ECG_TOKENS), out.get(CocaGraph.ECG_HIDDEN), out.get(CocaGraph.TEXT_LATENT),
                out.get(CocaGraph.TEXT_POOLED), out.get(CocaGraph.LOGITS), out.get(CocaGraph.LABELS),
                out.get(CocaGraph.CLIP_LOSS).getDouble(0), out.get(CocaGraph.CAPTION_LOSS).getDouble(0));
    }

    /**
     * The {@link CocaGraph} inputs ({@link CocaGraph#ECG}, {@link CocaGraph#TEXT}) for a batch of
     * ECGs and their report token ids, checked and converted as {@link #forward} needs them: FLOAT
     * {@code [B, lead_num, seq_length]}, INT64 ids inside the vocabulary, as many texts as ECGs, and
     * texts short enough for the decoder's context.
     *
     * @throws IllegalArgumentException saying what does not fit
     */
    public Map<String, INDArray> inputs(INDArray ecg, INDArray ids) {
        INDArray e = ecgInput(ecg);
        int minimum = config.text().clsPooling() ? 3 : 2;
        INDArray t = textInput(ids, minimum);
        if (e.size(0) != t.size(0)) {
            throw new IllegalArgumentException("batch of " + e.size(0) + " ECGs but " + t.size(0) + " texts");
        }
        long decoderLength = t.size(1) - (minimum - 1);
        if (decoderLength > config.multimodal().contextLength()) {
            throw new IllegalArgumentException("texts of " + t.size(1) + " tokens give the decoder " + decoderLength
                    + " positions, more than multimodal_cfg.context_length " + config.multimodal().contextLength());
        }
        return Map.of(CocaGraph.ECG, e, CocaGraph.TEXT, t);
    }

    private Map<String, INDArray> run(Map<String, INDArray> inputs, String... outputs) {
        return graphs.apply(g -> g.output(inputs, outputs));
    }

    private INDArray ecgInput(INDArray ecg) {
        Objects.requireNonNull(ecg, "ecg");
        EcgConfig c = config.ecg();
        long[] s = ecg.shape();
        if (s.length != 3 || s[0] < 1 || s[1] != c.leadNum() || s[2] != c.seqLength()) {
            throw new IllegalArgumentException("ECG batch has shape " + Arrays.toString(s) + ", the model expects [B, "
                    + c.leadNum() + ", " + c.seqLength() + "] (pad or crop with EcgRecords.evaluation)");
        }
        if (!ecg.dataType().isFPType()) {
            throw new IllegalArgumentException("ECG batch has dtype " + ecg.dataType() + ", expected floating point");
        }
        return ecg.dataType() == DataType.FLOAT ? ecg : ecg.castTo(DataType.FLOAT);
    }

    private INDArray textInput(INDArray ids, int minimumLength) {
        Objects.requireNonNull(ids, "ids");
        long[] s = ids.shape();
        if (s.length != 2 || s[0] < 1 || s[1] < minimumLength || s[1] > config.text().maxPosition()) {
            throw new IllegalArgumentException("token ids have shape " + Arrays.toString(s) + ", expected [B, L] with "
                    + minimumLength + " <= L <= " + config.text().maxPosition() + " (text_cfg.max_position)");
        }
        if (!ids.dataType().isIntType()) {
            throw new IllegalArgumentException("token ids have dtype " + ids.dataType() + ", expected an integer type");
        }
        INDArray t = ids.dataType() == DataType.INT64 ? ids : ids.castTo(DataType.INT64);
        long min = t.minNumber().longValue();
        long max = t.maxNumber().longValue();
        if (min < 0 || max >= config.text().bertVocabSize()) {
            throw new IllegalArgumentException("token ids range over [" + min + ", " + max + "], outside the vocabulary [0, "
                    + config.text().bertVocabSize() + ")");
        }
        return t;
    }
}
