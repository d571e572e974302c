package org.ecgchat.coca.caption;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.ecgchat.coca.CocaConfig;
import org.ecgchat.coca.CocaModel;
import org.ecgchat.nn.layers.GraphPool;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Caption generation with an ECG-CoCa model's multimodal decoder, as open_clip's
 * {@code CoCa.generate}: greedy, top-k and top-p sampling or (diverse) beam search per
 * {@link CaptionSettings}, producing token ids. Each ECG is encoded once and its cross-attention
 * keys and values are reused by every step and beam.
 *
 * <p>Thread-safe: each call runs on one of the generator's graph replicas (each confined to its own
 * worker thread and sharing the model's weights, as {@link CocaModel}'s); {@link #close} stops those
 * threads. Sampling is deterministic: the sequence of row {@code firstIndex + i} draws from a
 * generator seeded by {@code settings.seed()} and that index, whatever the batch it runs in.
 */
public final class CaptionGenerator implements AutoCloseable {

    private final CocaModel model;
    private final GraphPool<CaptionGraph> graphs;

    /** A generator with one graph replica per four processors (at least one), as {@link CocaModel}. */
    public CaptionGenerator(CocaModel model) {
        this(model, Math.max(1, Runtime.getRuntime().availableProcessors() / 4));
    }

    /** A generator running up to {@code replicas} calls at once. */
    public CaptionGenerator(CocaModel model, int replicas) {
        this.model = Objects.requireNonNull(model, "model");
        this.graphs = new GraphPool<>(() -> new CaptionGraph(model.config(), p -> model.weights().get(p.name())),
                replicas);
    }

    /** Stops the worker threads of the graph replicas. */
    @Override
    public void close() {
        graphs.close();
    }

    /** The model whose decoder this generator runs. */
    public CocaModel model() {
        return model;
    }

    /**
     * The longest token sequence the model can continue: the decoder's {@code context_length}
     * positions (plus the start token, which a CLS-pooled text tower keeps from the decoder), at most
     * BERT's {@code max_position}.
     */
    public int maxSequenceLength() {
        CocaConfig c = model.config();
        int decoder = c.multimodal().contextLength() + (c.text().clsPooling() ? 1 : 0);
        return Math.min(decoder, c.text().maxPosition());
    }

    /** {@link #generate(INDArray, int[], SpecialTokens, CaptionSettings, long)} for rows numbered from 0. */
    public List<GeneratedTokens> generate(INDArray ecg, int[] start, SpecialTokens tokens, CaptionSettings settings) {
        return generate(ecg, start, tokens, settings, 0);
    }

    /**
     * Generates one token sequence per ECG.
     *
     * @param ecg ECGs {@code [B, lead_num, seq_length]}, prepared as for {@link CocaModel#encodeEcg}
     * @param start the tokens every sequence begins with: the start token, then any prefix
     * @param firstIndex the number of the first row, for its sampling generator
     */
    public List<GeneratedTokens> generate(INDArray ecg, int[] start, SpecialTokens tokens, CaptionSettings settings,
            long firstIndex) {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(settings, "settings");
        INDArray input = checkEcg(ecg);
        checkStart(start);
        int rows = (int) input.size(0);
        return graphs.apply(graph -> {
            EcgConditionedDecoder decoder = new EcgConditionedDecoder(graph, input, maxSequenceLength(),
                    model.config().text().bertVocabSize());
            if (settings.strategy() == CaptionSettings.Strategy.BEAM_SEARCH) {
                return BeamSearchDecoder.decode(decoder, start, rows, tokens, settings);
            }
            RandomGenerator[] random = new RandomGenerator[rows];
            for (int i = 0; i < rows; i++) {
                random[i] = new SplittableRandom(mix(settings.seed(), firstIndex + i));
            }
            return SamplingDecoder.decode(decoder, start, rows, tokens, settings, random);
        });
    }

    private void checkStart(int[] start) {
        Objects.requireNonNull(start, "start");
        int vocabulary = model.config().text().bertVocabSize();
        for (int i = 0; i < start.length; i++) {
            if (start[i] >= vocabulary) {
                throw new IllegalArgumentException("start token " + i + " is " + start[i] + ", outside the vocabulary [0, "
                        + vocabulary + ")");
            }
        }
        if (model.config().text().clsPooling() && start.length < 2) {
            throw new IllegalArgumentException("with a CLS-pooled text tower (text_cfg.hf_pooler_type cls_pooler) the"
                    + " decoder reads the token states from the second token on: generation needs at least one token"
                    + " after the start token, e.g. the caption's first word as a prefix");
        }
    }

    private INDArray checkEcg(INDArray ecg) {
        Objects.requireNonNull(ecg, "ecg");
        long[] s = ecg.shape();
        CocaConfig c = model.config();
        if (s.length != 3 || s[0] < 1 || s[1] != c.ecg().leadNum() || s[2] != c.ecg().seqLength()) {
            throw new IllegalArgumentException("ECG batch has shape " + Arrays.toString(s) + ", the model expects [B, "
                    + c.ecg().leadNum() + ", " + c.ecg().seqLength() + "]");
        }
        if (!ecg.dataType().isFPType()) {
            throw new IllegalArgumentException("ECG batch has dtype " + ecg.dataType() + ", expected floating point");
        }
        return ecg.dataType() == DataType.FLOAT ? ecg : ecg.castTo(DataType.FLOAT);
    }

    /** A well-mixed seed for row {@code index} (SplitMix64's finaliser over seed and index). */
    private static long mix(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
