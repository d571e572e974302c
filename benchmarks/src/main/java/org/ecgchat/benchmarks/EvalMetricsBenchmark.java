package org.ecgchat.benchmarks;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ecgchat.eval.classification.BinaryCurve;
import org.ecgchat.eval.classification.ClassificationEvaluator;
import org.ecgchat.eval.classification.ClassificationReport;
import org.ecgchat.eval.classification.MultiLabelData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * AUROC + max-F1 (the original's two headline metrics) for 100,000 samples x 23 classes of
 * seeded synthetic scores (float32-like resolution, so ties occur as in real model output).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EvalMetricsBenchmark {
    static final int SAMPLES = 100_000;
    static final int CLASSES = 23;

    MultiLabelData data;

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(2025);
        double[][] s = new double[SAMPLES][CLASSES];
        int[][] y = new int[SAMPLES][CLASSES];
        for (int i = 0; i < SAMPLES; i++) {
            for (int c = 0; c < CLASSES; c++) {
                boolean pos = r.nextDouble() < 0.05 + 0.01 * c;
                y[i][c] = pos ? 1 : 0;
                double z = r.nextGaussian() + (pos ? 1.0 : 0.0);
                s[i][c] = (float) (1 / (1 + Math.exp(-z)));
            }
        }
        data = MultiLabelData.fromRows(null, s, y);
    }

    /** AUROC and max-F1 of every class, classes in parallel (the evaluator's default). */
    @Benchmark
    public double aurocAndMaxF1Parallel() {
        double sum = 0;
        List<Double> v = java.util.stream.IntStream.range(0, CLASSES).parallel().mapToObj(c -> {
            BinaryCurve curve = data.curve(c);
            return curve.auroc() + curve.maxF1().f1();
        }).toList();
        for (double d : v) {
            sum += d;
        }
        return sum;
    }

    /** The same on one thread. */
    @Benchmark
    public double aurocAndMaxF1Sequential() {
        double sum = 0;
        for (int c = 0; c < CLASSES; c++) {
            BinaryCurve curve = data.curve(c);
            sum += curve.auroc() + curve.maxF1().f1();
        }
        return sum;
    }

    /** The full per-class report (adds AP and confusion matrices). */
    @Benchmark
    public ClassificationReport fullReport() {
        return ClassificationEvaluator.defaults().evaluate(data);
    }
}
