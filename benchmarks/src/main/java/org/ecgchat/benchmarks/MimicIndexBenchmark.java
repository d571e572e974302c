package org.ecgchat.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ecgchat.io.dataset.EcgDataset;
import org.ecgchat.io.dataset.MimicIvEcg;
import org.ecgchat.io.dataset.Split;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading the MIMIC-IV-ECG metadata at full scale: a seeded {@code record_list.csv} and
 * {@code machine_measurements.csv} of 800,035 studies (the real dataset's count) with machine
 * statements drawn from a vocabulary of 2,000, streamed into the compact index. Run with
 * {@code -prof gc} for allocation; {@link #main} prints the heap the finished index keeps.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class MimicIndexBenchmark {

    @Param({"800035"})
    int studies;

    Path root;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        root = Files.createTempDirectory("mimic-bench");
        write(root, studies);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(root.resolve("record_list.csv"));
        Files.deleteIfExists(root.resolve("machine_measurements.csv"));
        Files.deleteIfExists(root);
    }

    @Benchmark
    public EcgDataset readTrainSplit() throws IOException {
        return MimicIvEcg.at(root).split(Split.TRAIN).read();
    }

    /** Writes the two seeded CSV files of {@code n} studies into {@code root}. */
    static void write(Path root, int n) throws IOException {
        SplittableRandom rng = new SplittableRandom(2024);
        String[] vocabulary = new String[2000];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = "Machine statement " + i + (i % 7 == 0 ? ", possibly abnormal" : "");
        }
        try (BufferedWriter list = Files.newBufferedWriter(root.resolve("record_list.csv"));
             BufferedWriter m = Files.newBufferedWriter(root.resolve("machine_measurements.csv"))) {
            list.write("subject_id,study_id,file_name,ecg_time,path\n");
            m.write("subject_id,study_id,cart_id");
            for (int j = 0; j < 18; j++) {
                m.write(",report_" + j);
            }
            m.write(",bandwidth,filtering,rr_interval\n");
            for (int k = 0; k < n; k++) {
                int subject = 10_000_000 + k / 3;
                int study = 40_000_000 + k * 7;
                int file = 40_000_000 + k * 7;
                list.write(subject + "," + study + "," + file + ",2180-07-23 09:38:00,files/p"
                        + String.valueOf(subject).substring(0, 4) + "/p" + subject + "/s" + study + "/" + file + "\n");
                m.write(subject + "," + study + ",6848");
                int statements = 2 + rng.nextInt(5);
                for (int j = 0; j < 18; j++) {
                    m.write(j < statements ? ",\"" + vocabulary[(int) Math.min(1999, Math.abs(rng.nextGaussian()) * 300)] + "\"" : ",");
                }
                m.write(",0.005-150 Hz,60 Hz notch Baseline filter,659\n");
            }
        }
    }

    /** Prints the time to read the full index and the heap it keeps. */
    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 800_035;
        Path root = Files.createTempDirectory("mimic-bench");
        write(root, n);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long start = System.nanoTime();
        EcgDataset ds = MimicIvEcg.at(root).read();
        long took = System.nanoTime() - start;
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        System.out.printf("%d studies indexed in %.1f s; the index keeps %.1f MB (%.0f bytes per study); e.g. %s%n",
                ds.size(), took / 1e9, (after - before) / 1e6, (after - before) / (double) ds.size(), ds.get(ds.size() / 2));
        Files.delete(root.resolve("record_list.csv"));
        Files.delete(root.resolve("machine_measurements.csv"));
        Files.delete(root);
    }
}
