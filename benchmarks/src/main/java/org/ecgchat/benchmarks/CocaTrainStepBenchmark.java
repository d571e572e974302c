package org.ecgchat.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ecgchat.coca.CocaConfig;
import org.ecgchat.coca.CocaModel;
import org.ecgchat.coca.train.CocaBatch;
import org.ecgchat.coca.train.CocaInitializer;
import org.ecgchat.coca.train.CocaTrainStep;
import org.ecgchat.coca.train.TrainConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ECG-CoCa training steps per second: forward, backward, global-norm clipping to 0.5, AdamW with
 * open_clip's decay exclusions and the logit-scale clamp ({@link CocaTrainStep}), on seeded
 * random weights ({@link CocaInitializer}) and a random batch of {@code batch} ECGs with reports
 * of {@code textLength} tokens. Configurations ({@code coca-train-configs.json}, shared with the
 * PyTorch baseline {@code benchmarks/python/train_step_torch.py}):
 * <ul>
 *   <li>{@code tiny}: the parity fixture's architecture (0.4 M parameters, 12 × 500 samples);</li>
 *   <li>{@code demo}: exactly the model {@code ecg-chat demo} trains (1.35 M parameters; causal, mean-pooled text
 *       tower over the demo's 104-word vocabulary); run it as the demo does with
 *       {@code -p config=demo -p batch=32 -p textLength=48};</li>
 *   <li>{@code small}: a model between demo and full size (ECG 4 × 256 over 12 × 5000, BERT 4 × 256 with the 30522-word vocabulary,
 *       decoder 2 × 256);</li>
 *   <li>{@code full}: ECG-Chat's {@code coca_ViT-B-32} (403 M parameters); run it on request
 *       ({@code -p config=full}), it needs about 10 GB of native memory.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=14G", "-Dorg.bytedeco.javacpp.maxphysicalbytes=16G",
    CpuBuild.OPENBLAS})
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 3, time = 10)
public class CocaTrainStepBenchmark {

    @Param({"tiny", "small"})
    public String config;

    @Param({"8"})
    public int batch;

    @Param({"32"})
    public int textLength;

    /** open_clip's {@code --lock-text} (ECG-Chat trains with the text tower locked). */
    @Param({"false"})
    public boolean lockText;

    private CocaTrainStep step;
    private List<CocaBatch> batches;

    /** The named architecture of {@code coca-train-configs.json}. */
    public static CocaConfig architecture(String name) throws IOException {
        try (InputStream in = CocaTrainStepBenchmark.class.getResourceAsStream("coca-train-configs.json")) {
            JsonNode all = new ObjectMapper().readTree(in);
            JsonNode node = all.get(name);
            if (node == null) {
                throw new IllegalArgumentException("no benchmark configuration '" + name + "', there are " + all.fieldNames());
            }
            return CocaConfig.parse(node.toString());
        }
    }

    @Setup
    public void build() throws IOException {
        CpuBuild.requireRequested();
        CocaConfig architecture = architecture(config);
        CocaModel model = CocaInitializer.initialize(architecture, 1);
        TrainConfig train = TrainConfig.parse("{\"lr\": 1e-4, \"wd\": 0.1, \"grad_clip_norm\": 0.5, \"lock_text\": "
                + lockText + "}");
        step = new CocaTrainStep(model, train);
        Nd4j.getRandom().setSeed(7);
        INDArray ecg = Nd4j.randn(DataType.FLOAT, batch, architecture.ecg().leadNum(), architecture.ecg().seqLength());
        java.util.Random rng = new java.util.Random(7);
        long[][] tokens = new long[batch][textLength];
        for (long[] row : tokens) {
            for (int i = 0; i < textLength; i++) {
                row[i] = i == 0 ? 1 : i == textLength - 1 ? 2 : 5 + rng.nextInt(architecture.text().bertVocabSize() - 5);
            }
        }
        INDArray ids = Nd4j.createFromArray(tokens);
        batches = List.of(new CocaBatch(ecg, ids));
    }

    /** One optimiser step (OpenBLAS build); returns the loss so the work cannot be elided. */
    @Benchmark
    public double trainStep() {
        return step.step(batches, 1e-4).loss();
    }

    /** As {@link #trainStep()} on ND4J's oneDNN build of the CPU backend. */
    @Benchmark
    @Fork(value = 1, jvmArgs = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=14G", "-Dorg.bytedeco.javacpp.maxphysicalbytes=16G",
        CpuBuild.ONEDNN})
    public double trainStepOneDnn() {
        return step.step(batches, 1e-4).loss();
    }
}
