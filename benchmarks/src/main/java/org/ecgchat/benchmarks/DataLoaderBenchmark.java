package org.ecgchat.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ecgchat.io.dataset.DatasetRecord;
import org.ecgchat.io.dataset.EcgDataset;
import org.ecgchat.io.dataset.LabelSet;
import org.ecgchat.io.dataset.LabelVector;
import org.ecgchat.io.dataset.loader.DataLoader;
import org.ecgchat.io.dataset.loader.EcgBatch;
import org.ecgchat.io.preprocess.BandPass;
import org.ecgchat.io.preprocess.Clean;
import org.ecgchat.io.preprocess.Normalize;
import org.ecgchat.io.preprocess.PadOrCrop;
import org.ecgchat.io.preprocess.Preprocessor;
import org.ecgchat.io.wfdb.Wfdb;
import org.ecgchat.io.wfdb.WfdbRecord;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Data-loader throughput in records per second: one epoch over 256 WFDB records of 12 leads ×
 * 5000 samples (10 s at 500 Hz) in format 16 or 32, batches of 32, with no transform, the
 * original's evaluation transform (NaN/Inf → 0, normalise, pad/crop), or that plus a zero-phase
 * 0.5–40 Hz band-pass.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class DataLoaderBenchmark {
    static final int RECORDS = 256;
    static final List<String> LEADS = List.of("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6");

    @Param({"16", "32"})
    int format;

    @Param({"none", "evaluation", "bandpass"})
    String transform;

    @Param({"2"})
    int workers;

    Path dir;
    DataLoader loader;
    int epoch;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        dir = Files.createTempDirectory("loader-bench");
        SplittableRandom rng = new SplittableRandom(format);
        List<DatasetRecord> records = new ArrayList<>();
        for (int k = 0; k < RECORDS; k++) {
            double[][] x = new double[12][5000];
            for (int l = 0; l < 12; l++) {
                for (int t = 0; t < 5000; t++) {
                    x[l][t] = Math.sin(2 * Math.PI * 1.2 * t / 500 + l) + 0.05 * rng.nextGaussian();
                }
            }
            String name = String.format("r%04d", k);
            Wfdb.write(dir, WfdbRecord.fromPhysical(name, 500, LEADS, "mV", 1000, format, x));
            records.add(new DatasetRecord(name, dir.resolve(name), "", LabelVector.none(), Optional.empty(),
                    OptionalInt.empty(), "bench:" + k));
        }
        Preprocessor p = switch (transform) {
            case "none" -> Preprocessor.of();
            case "evaluation" -> Preprocessor.evaluation(5000);
            case "bandpass" -> Preprocessor.of(new Clean(), new BandPass(0.5, 40, 4), new Normalize(0, 1),
                    new PadOrCrop(5000));
            default -> throw new IllegalArgumentException(transform);
        };
        loader = DataLoader.builder(EcgDataset.of("bench", LabelSet.NONE, records)).batchSize(32).shuffle(true)
                .seed(1).transform(p).workers(workers).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        loader.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void epoch(Blackhole bh) {
        try (DataLoader.Epoch e = loader.epoch(epoch++)) {
            while (e.hasNext()) {
                EcgBatch b = e.next();
                bh.consume(b.signals());
            }
        }
    }
}
