package org.ecgchat.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.ecgchat.io.wfdb.Wfdb;
import org.ecgchat.io.wfdb.WfdbReader;

/**
 * The operations of {@link WfdbReadBenchmark} timed in CPU time of the reading thread (best of 7
 * rounds after a warm-up round), which a machine busy with other work disturbs far less than
 * JMH's wall-clock throughput. Usage:
 * {@code java -cp benchmarks/target/benchmarks.jar org.ecgchat.benchmarks.WfdbCpuTime [SHARED_DIR]}.
 */
public final class WfdbCpuTime {
    private static Object sink;

    private interface Op {
        Object run() throws IOException;
    }

    private WfdbCpuTime() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared", "wfdb-corpus");
        String[][] records = {{"ludb", "egm/tests/testthat/ludb-ecg", "2000"}, {"mitdb100", "wfdb-python/sample-data/100", "60"}};
        for (String[] rec : records) {
            Path p = corpus.resolve(rec[1]);
            Path hea = p.resolveSibling(p.getFileName() + ".hea");
            Path dat = p.resolveSibling(Wfdb.readHeader(p).signals().get(0).fileName());
            int n = Integer.parseInt(rec[2]);
            measure(rec[0], "copyBytes", () -> new byte[][] {Files.readAllBytes(hea), Files.readAllBytes(dat)}, n,
                    Files.size(dat));
            measure(rec[0], "readDigital", () -> {
                try (WfdbReader r = Wfdb.open(p)) {
                    return r.readDigital(0, r.length());
                }
            }, n, Files.size(dat));
            measure(rec[0], "readPhysical", () -> {
                try (WfdbReader r = Wfdb.open(p)) {
                    return r.readPhysical(0, r.length());
                }
            }, n, Files.size(dat));
            measure(rec[0], "readPhysicalFloat", () -> {
                try (WfdbReader r = Wfdb.open(p)) {
                    return r.readPhysicalFloat(0, r.length());
                }
            }, n, Files.size(dat));
        }
    }

    private static void measure(String record, String name, Op op, int iterations, long bytes) throws IOException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < iterations; i++) {
            sink = op.run();
        }
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 7; round++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < iterations; i++) {
                sink = op.run();
            }
            best = Math.min(best, (mx.getCurrentThreadCpuTime() - t0) / iterations);
        }
        System.out.printf(Locale.ROOT, "%-9s %-18s %9.1f us/op  %8.0f records/s  %7.0f MB/s of signal file%n",
                record, name, best / 1e3, 1e9 / best, bytes / (best / 1e9) / 1e6);
        if (sink == null) {
            throw new IllegalStateException();
        }
    }
}
