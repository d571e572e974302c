package org.ecgchat.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ecgchat.coca.CocaConfig;
import org.ecgchat.coca.CocaModel;
import org.ecgchat.coca.caption.CaptionGenerator;
import org.ecgchat.coca.caption.CaptionSettings;
import org.ecgchat.coca.caption.GeneratedTokens;
import org.ecgchat.coca.caption.SpecialTokens;
import org.ecgchat.nn.checkpoint.StateDict;
import org.ecgchat.nn.layers.Parameter;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Caption generation speed in generated tokens per second (per caption, not per beam), greedy and
 * beam search with 4 beams, for one ECG. Models have random weights: the fixture-size architecture
 * (2-layer towers of width 64, vocabulary 100) and ECG-Chat's full one (ViT-B ECG tower, BERT-base
 * text tower, 12-layer decoder of width 768 over 49408 tokens). The end token is forbidden until the
 * last step, so every caption has exactly {@link #STEPS} generated tokens; each step re-runs BERT over
 * the whole sequence and the decoder (see docs/coca-inference.md for why there is no self-attention
 * cache), with the ECG's cross-attention keys and values computed once per caption.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=8G"})
public class CaptionBenchmark {

    /** Generated tokens per caption: the start token and a one-token prefix come first. */
    static final int STEPS = 14;

    /** {@code fixture}: the test fixture's architecture; {@code ecg-chat}: ECG-Chat's full ECG-CoCa. */
    @Param({"fixture", "ecg-chat"})
    public String size;

    @Param({"greedy", "beam4"})
    public String strategy;

    private CaptionGenerator generator;
    private INDArray ecg;
    private int[] start;
    private SpecialTokens tokens;
    private CaptionSettings settings;

    @Setup(Level.Trial)
    public void build() {
        CocaConfig config = size.equals("fixture") ? fixtureConfig() : CocaConfig.ecgChat();
        CocaModel model = CocaModel.of(config, randomWeights(config));
        generator = new CaptionGenerator(model);
        Nd4j.getRandom().setSeed(1);
        ecg = Nd4j.randn(DataType.FLOAT, 1, config.ecg().leadNum(), config.ecg().seqLength());
        tokens = size.equals("fixture") ? new SpecialTokens(1, 2, 0) : new SpecialTokens(101, 102, 0);
        start = new int[] {tokens.sot(), size.equals("fixture") ? 69 : 1000};
        int seqLen = start.length + STEPS;
        CaptionSettings.Builder b = CaptionSettings.defaults().toBuilder().seqLen(seqLen).minSeqLen(seqLen - 1);
        settings = strategy.equals("greedy") ? b.strategy(CaptionSettings.Strategy.GREEDY).build()
                : b.strategy(CaptionSettings.Strategy.BEAM_SEARCH).beams(4, 1).build();
    }

    /** Generates one caption of {@link #STEPS} tokens. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public List<GeneratedTokens> caption() {
        return generator.generate(ecg, start, tokens, settings);
    }

    static CocaConfig fixtureConfig() {
        return CocaConfig.parse("""
                {"embed_dim": 32,
                 "ecg_cfg": {"seq_length": 500, "lead_num": 12, "layers": 2, "width": 64, "head_width": 16, "patch_size": 50},
                 "text_cfg": {"vocab_size": 100, "width": 64, "layers": 2, "heads": 4, "intermediate": 128,
                              "max_position": 40, "pad_id": 0},
                 "multimodal_cfg": {"context_length": 16, "width": 64, "heads": 4, "layers": 2}}
                """);
    }

    /**
     * Random weights shaped like a trained model's: N(0, 0.02) matrices and embeddings, unit
     * LayerNorm scales, zero biases, logit scale ln(1/0.07).
     */
    static StateDict randomWeights(CocaConfig config) {
        Nd4j.getRandom().setSeed(42);
        Map<String, INDArray> weights = new LinkedHashMap<>();
        for (Parameter p : CocaModel.parametersOf(config)) {
            String name = p.name();
            INDArray value;
            if (name.equals("logit_scale")) {
                value = Nd4j.scalar((float) Math.log(1 / 0.07));
            } else if (name.endsWith("bias")) {
                value = Nd4j.zeros(DataType.FLOAT, p.shape());
            } else if (p.shape().length == 1 && !name.endsWith("class_embedding")) {
                value = Nd4j.ones(DataType.FLOAT, p.shape());
            } else {
                value = Nd4j.randn(DataType.FLOAT, p.shape()).muli(0.02);
            }
            weights.put(name, value);
        }
        return StateDict.of("random", weights);
    }
}
