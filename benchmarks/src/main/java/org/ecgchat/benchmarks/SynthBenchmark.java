package org.ecgchat.benchmarks;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ecgchat.io.plot.EcgPaper;
import org.ecgchat.io.plot.EcgPlotter;
import org.ecgchat.io.plot.Tracing;
import org.ecgchat.io.synth.CohortRecord;
import org.ecgchat.io.synth.NoiseLevels;
import org.ecgchat.io.synth.SynthConfig;
import org.ecgchat.io.synth.SyntheticCohort;
import org.ecgchat.io.synth.SyntheticEcg;
import org.ecgchat.io.synth.SyntheticEcgGenerator;
import org.ecgchat.io.synth.SyntheticPtbXl;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Synthetic ECG generation and printing, single-threaded: records per second for the generator
 * (clean and with noise, cycling through the eleven conditions), for writing a PTB-XL-layout
 * dataset (500 Hz and 100 Hz WFDB files plus tables), and pages per second for the ECG-paper
 * renderer (PNG at 200 dpi, SVG).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SynthBenchmark {

    private static final int DATASET_RECORDS = 22;

    private final SyntheticEcgGenerator clean = new SyntheticEcgGenerator(SynthConfig.DEFAULT);
    private final SyntheticEcgGenerator noisy =
            new SyntheticEcgGenerator(SynthConfig.DEFAULT.withNoise(new NoiseLevels(0.2, 0.02, 50, 0.02)));
    private final EcgPlotter plotter = new EcgPlotter(EcgPaper.STANDARD);
    private List<CohortRecord> cohort;
    private Tracing tracing;
    private Path directory;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        cohort = SyntheticCohort.plan(SyntheticCohort.Options.of(1100, 1));
        SyntheticEcg ecg = clean.generate(cohort.get(0).diagnosis(), new SplittableRandom(1));
        tracing = new Tracing("bench", ecg.samplingFrequency(), ecg.leadNames(), ecg.signals(), ecg.report());
        directory = Files.createTempDirectory("synth-bench");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private CohortRecord nextRecord() {
        CohortRecord r = cohort.get(next);
        next = (next + 1) % cohort.size();
        return r;
    }

    @Benchmark
    public SyntheticEcg generateClean() {
        CohortRecord r = nextRecord();
        return clean.generate(r.diagnosis(), new SplittableRandom(r.seed()));
    }

    @Benchmark
    public SyntheticEcg generateNoisy() {
        CohortRecord r = nextRecord();
        return noisy.generate(r.diagnosis(), new SplittableRandom(r.seed()));
    }

    /** Records per second written as WFDB files at 500 and 100 Hz, with the CSV tables. */
    @Benchmark
    @OperationsPerInvocation(DATASET_RECORDS)
    public List<CohortRecord> writeDataset() throws IOException {
        return new SyntheticPtbXl(true, 1).write(directory, SyntheticCohort.Options.of(DATASET_RECORDS, next++), n -> {});
    }

    @Benchmark
    public BufferedImage renderPng200Dpi() {
        return plotter.renderImage(tracing);
    }

    @Benchmark
    public String renderSvg() {
        return plotter.renderSvg(tracing);
    }
}
