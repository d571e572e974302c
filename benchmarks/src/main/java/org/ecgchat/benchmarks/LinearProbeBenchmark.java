package org.ecgchat.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ecgchat.eval.classification.MultiLabelData;
import org.ecgchat.eval.probe.LinearProbe;
import org.ecgchat.eval.probe.LinearProbeSettings;
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
 * Linear probe on 20,000 x 512 seeded synthetic features (unit-norm-like embeddings with a
 * planted linear signal) x 23 classes; one fit per invocation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class LinearProbeBenchmark {
    static final int CLASSES = 23;

    @Param("20000")
    int samples;

    @Param("512")
    int features;

    /** "sklearn": sklearn's own defaults (tol 1e-4 on the scaled gradient, 100 iterations); "tight": this SDK's defaults. */
    @Param({"tight", "sklearn"})
    String tolerance;

    double[][] x;
    MultiLabelData labels;
    LinearProbeSettings settings;

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(7);
        x = new double[samples][features];
        double[][] w = new double[CLASSES][features];
        for (double[] wc : w) {
            for (int j = 0; j < features; j++) {
                wc[j] = r.nextGaussian() / Math.sqrt(features) * 3;
            }
        }
        double[][] y = new double[samples][CLASSES];
        double[][] s = new double[samples][CLASSES];
        for (int i = 0; i < samples; i++) {
            for (int j = 0; j < features; j++) {
                x[i][j] = r.nextGaussian();
            }
            for (int c = 0; c < CLASSES; c++) {
                double z = -1.5;
                for (int j = 0; j < features; j++) {
                    z += w[c][j] * x[i][j];
                }
                y[i][c] = r.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
            }
        }
        labels = MultiLabelData.fromRows(null, s, y);
        settings = LinearProbeSettings.defaults();
        if (tolerance.equals("sklearn")) {
            settings = settings.withSolver(new org.ecgchat.eval.probe.Lbfgs.Settings(10, 1e-4, 64 * Math.ulp(1.0), 100, 50));
        }
    }

    @Benchmark
    public LinearProbe fit() {
        return LinearProbe.fit(x, labels, settings);
    }
}
