package org.ecgchat.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.ecgchat.io.wfdb.Wfdb;
import org.ecgchat.io.wfdb.WfdbReader;
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
 * Reading whole WFDB records in physical units, next to the ceiling of copying the same files'
 * bytes into memory. {@code ludb}: LUDB record 1 (12 leads, 10 s, 500 Hz, format 16, 120 kB);
 * {@code mitdb100}: MIT-BIH record 100 (2 leads, 30 min, 360 Hz, format 212, 1.95 MB).
 * Each operation opens the record, parses its header and decodes every sample, so ops/s is
 * records/s. The corpus is read from {@code -Decgchat.shared=DIR} (default {@code ../shared}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WfdbReadBenchmark {
    @Param({"ludb", "mitdb100"})
    public String record;

    private Path path;
    private Path header;
    private Path data;

    @Setup
    public void setup() throws IOException {
        Path corpus = Path.of(System.getProperty("ecgchat.shared", "../shared"), "wfdb-corpus");
        path = switch (record) {
            case "ludb" -> corpus.resolve("egm/tests/testthat/ludb-ecg");
            case "mitdb100" -> corpus.resolve("wfdb-python/sample-data/100");
            default -> throw new IllegalArgumentException(record);
        };
        header = path.resolveSibling(path.getFileName() + ".hea");
        data = path.resolveSibling(Wfdb.readHeader(path).signals().get(0).fileName());
        if (!Files.isRegularFile(data)) {
            throw new IllegalStateException("corpus record not found: " + path + " (set -Decgchat.shared)");
        }
    }

    /** The whole record in physical units (double, NaN for invalid samples). */
    @Benchmark
    public double[][] readPhysical() throws IOException {
        try (WfdbReader r = Wfdb.open(path)) {
            return r.readPhysical(0, r.length());
        }
    }

    /** The whole record in physical units as float. */
    @Benchmark
    public float[][] readPhysicalFloat() throws IOException {
        try (WfdbReader r = Wfdb.open(path)) {
            return r.readPhysicalFloat(0, r.length());
        }
    }

    /** The whole record in digital units. */
    @Benchmark
    public int[][] readDigital() throws IOException {
        try (WfdbReader r = Wfdb.open(path)) {
            return r.readDigital(0, r.length());
        }
    }

    /** Ceiling: the header's and signal file's bytes copied into memory, nothing decoded. */
    @Benchmark
    public byte[][] copyBytes() throws IOException {
        return new byte[][] {Files.readAllBytes(header), Files.readAllBytes(data)};
    }
}
