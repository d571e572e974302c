package org.ecgchat.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bytedeco.javacpp.Pointer;
import org.ecgchat.coca.CocaConfig;
import org.ecgchat.coca.EcgTower;
import org.ecgchat.nn.layers.Graph;
import org.ecgchat.nn.layers.Parameter;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Forward pass of the full-size ECG-CoCa ECG tower (ECG-Chat's {@code coca_ViT-B-32}: 12 blocks of
 * width 768, 12 heads, patch 50 over 12 × 5000 samples; 17.6 GFLOP per ECG = 2 × (100·600·768 for
 * the patches + 12 × (101·768·2304 + 2·12·101²·64 + 101·768² + 2·101·768·3072))) with seeded
 * random weights: throughput at batch 8 in ECGs per second, and peak memory of one batch of 32.
 * The {@code OneDnn} variants run the same code on ND4J's oneDNN build of the CPU backend
 * (classifier {@code linux-x86_64-onednn}, matrix products by oneDNN instead of OpenBLAS).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=8G", "-Dorg.bytedeco.javacpp.maxphysicalbytes=12G",
    CpuBuild.OPENBLAS})
public class EcgTowerBenchmark {

    private Graph graph;
    private String latent;
    private INDArray batch8;
    private INDArray batch32;

    @Setup
    public void build() {
        CpuBuild.requireRequested();
        CocaConfig config = CocaConfig.ecgChat();
        EcgTower tower = new EcgTower(config);
        Nd4j.getRandom().setSeed(20250101L);
        Map<String, INDArray> weights = new HashMap<>();
        for (Parameter p : tower.parameters()) {
            weights.put(p.name(), Nd4j.randn(DataType.FLOAT, p.shape()).muli(0.02));
        }
        graph = Graph.of(weights);
        SDVariable ecg = graph.sameDiff().placeHolder("ecg", DataType.FLOAT, -1, 12, 5000);
        latent = tower.apply(graph, ecg).pooled().name();
        batch8 = Nd4j.randn(DataType.FLOAT, 8, 12, 5000);
        batch32 = Nd4j.randn(DataType.FLOAT, 32, 12, 5000);
    }

    /** ECGs per second at batch 8 (each invocation embeds 8 ECGs). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(8)
    @Warmup(iterations = 2, time = 10)
    @Measurement(iterations = 5, time = 10)
    public INDArray forwardBatch8() {
        return graph.output(Map.of("ecg", batch8), latent).get(latent);
    }

    /** As {@link #forwardBatch8()} on the oneDNN build. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(8)
    @Warmup(iterations = 2, time = 10)
    @Measurement(iterations = 5, time = 10)
    @Fork(value = 1, jvmArgs = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=8G",
        "-Dorg.bytedeco.javacpp.maxphysicalbytes=12G", CpuBuild.ONEDNN})
    public INDArray forwardBatch8OneDnn() {
        return forwardBatch8();
    }

    /** One batch of 32; the memory counters hold the peaks seen during it (MB). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public INDArray forwardBatch32(MemoryPeaks peaks) {
        peaks.start();
        try {
            return graph.output(Map.of("ecg", batch32), latent).get(latent);
        } finally {
            peaks.stop();
        }
    }

    /** As {@link #forwardBatch32} on the oneDNN build. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    @Fork(value = 1, jvmArgs = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=8G",
        "-Dorg.bytedeco.javacpp.maxphysicalbytes=12G", CpuBuild.ONEDNN})
    public INDArray forwardBatch32OneDnn(MemoryPeaks peaks) {
        return forwardBatch32(peaks);
    }

    /**
     * Peaks sampled every millisecond during an invocation: Java heap in use (including garbage
     * not yet collected), the process's resident set ({@code Pointer.physicalBytes}: JVM, native
     * libraries, the 344 MB of weights and ND4J's off-heap activations, which JavaCPP's own
     * counters do not see) and how far the resident set grew during the call (the activations).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class MemoryPeaks {
        public double heapMB;
        public double residentMB;
        public double residentGrowthMB;

        private Thread sampler;
        private final AtomicBoolean running = new AtomicBoolean();

        void start() {
            heapMB = 0;
            residentMB = 0;
            double before = Pointer.physicalBytes() / 1e6;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            running.set(true);
            sampler = new Thread(() -> {
                while (running.get()) {
                    residentMB = Math.max(residentMB, Pointer.physicalBytes() / 1e6);
                    residentGrowthMB = residentMB - before;
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "memory-peaks");
            sampler.setDaemon(true);
            sampler.start();
        }

        void stop() {
            running.set(false);
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long heap = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    heap += pool.getPeakUsage().getUsed();
                }
            }
            heapMB = Math.max(heapMB, heap / 1e6);
        }
    }
}
