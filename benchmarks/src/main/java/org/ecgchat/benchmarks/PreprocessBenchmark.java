package org.ecgchat.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ecgchat.io.preprocess.BandPass;
import org.ecgchat.io.preprocess.EcgSignal;
import org.ecgchat.io.preprocess.PolyphaseResampler;
import org.ecgchat.io.preprocess.Preprocessor;
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

/** Preprocessing of one 10 s 12-lead 500 Hz ECG: the evaluation chain, filtering and resampling. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PreprocessBenchmark {

    private float[][] floats;
    private EcgSignal ecg;
    private final Preprocessor evaluation = Preprocessor.evaluation(5000);
    private final BandPass bandPass = new BandPass(0.5, 40, 3);

    @Setup
    public void generate() {
        Random random = new Random(42);
        double[][] x = new double[12][5000];
        floats = new float[12][5000];
        for (int lead = 0; lead < 12; lead++) {
            for (int n = 0; n < 5000; n++) {
                x[lead][n] = Math.sin(2 * Math.PI * 1.2 * n / 500.0 + lead) + 0.05 * random.nextGaussian();
                floats[lead][n] = (float) x[lead][n];
            }
        }
        ecg = new EcgSignal(x, 500);
    }

    /** NaN/Inf → 0, normalise, pad/crop to 5000 on float32 leads (the model's input transform). */
    @Benchmark
    public float[][] evaluationChain() {
        return evaluation.apply(floats, 500);
    }

    /** Zero-phase 3rd-order Butterworth band-pass 0.5–40 Hz of all 12 leads. */
    @Benchmark
    public EcgSignal bandPass12Leads() {
        return bandPass.apply(ecg);
    }

    /** Target rates of the resampling benchmark. */
    @State(Scope.Benchmark)
    public static class Target {
        @Param({"100", "250", "257", "360", "1000"})
        public int hz;
    }

    /** Anti-aliased polyphase resampling of all 12 leads from 500 Hz (filter design cached after the first call). */
    @Benchmark
    public double[][] resample12Leads(Target target) {
        return PolyphaseResampler.between(500, target.hz).apply(ecg.samples());
    }
}
