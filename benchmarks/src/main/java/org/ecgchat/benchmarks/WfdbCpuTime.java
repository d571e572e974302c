package org.ecgchat.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.ecgchat.io.wfdb.Wfdb;
import org.ecgchat.io.wfdb.WfdbReader;

/**
 * The operations of {@link WfdbReadBenchmark} timed in CPU time of the reading thread, which a
 * machine busy with other work disturbs far less than JMH's wall-clock throughput. After a
 * warm-up, every round times each operation once in turn (so that a busy spell slows all of them
 * alike) and the best round of each is reported, with {@code readPhysical} as a multiple of the
 * {@code copyBytes} ceiling. Usage:
 * {@code java -cp benchmarks/target/benchmarks.jar org.ecgchat.benchmarks.WfdbCpuTime [SHARED_DIR [ROUNDS]]}.
 */
public final class WfdbCpuTime {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static Object sink;

    private interface Op {
        Object run() throws IOException;
    }

    private WfdbCpuTime() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared", "wfdb-corpus");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        String[][] records = {{"ludb", "egm/tests/testthat/ludb-ecg", "2000"}, {"mitdb100", "wfdb-python/sample-data/100", "60"}};
        for (String[] rec : records) {
            Path p = corpus.resolve(rec[1]);
            Path hea = p.resolveSibling(p.getFileName() + ".hea");
            Path dat = p.resolveSibling(Wfdb.readHeader(p).signals().get(0).fileName());
            int n = Integer.parseInt(rec[2]);
            Map<String, Op> ops = new LinkedHashMap<>();
            ops.put("copyBytes", () -> new byte[][] {Files.readAllBytes(hea), Files.readAllBytes(dat)});
            ops.put("readDigital", () -> {
                try (WfdbReader r = Wfdb.open(p)) {
                    return r.readDigital(0, r.length());
                }
            });
            ops.put("readPhysical", () -> {
                try (WfdbReader r = Wfdb.open(p)) {
                    return r.readPhysical(0, r.length());
                }
            });
            ops.put("readPhysicalFloat", () -> {
                try (WfdbReader r = Wfdb.open(p)) {
                    return r.readPhysicalFloat(0, r.length());
                }
            });
            Map<String, Long> best = new LinkedHashMap<>();
            for (Map.Entry<String, Op> op : ops.entrySet()) {
                time(op.getValue(), n);
                best.put(op.getKey(), Long.MAX_VALUE);
            }
            for (int round = 0; round < rounds; round++) {
                for (Map.Entry<String, Op> op : ops.entrySet()) {
                    best.merge(op.getKey(), time(op.getValue(), n), Math::min);
                }
            }
            long bytes = Files.size(dat);
            best.forEach((name, nanos) -> System.out.printf(Locale.ROOT,
                    "%-9s %-18s %9.1f us/op  %8.0f records/s  %7.0f MB/s of signal file%n",
                    rec[0], name, nanos / 1e3, 1e9 / nanos, bytes / (nanos / 1e9) / 1e6));
            System.out.printf(Locale.ROOT, "%-9s readPhysical / copyBytes = %.2f%n", rec[0],
                    (double) best.get("readPhysical") / best.get("copyBytes"));
        }
    }

    /** CPU nanoseconds per run of {@code op}, over {@code iterations} runs. */
    private static long time(Op op, int iterations) throws IOException {
        long t0 = CPU.getCurrentThreadCpuTime();
        for (int i = 0; i < iterations; i++) {
            sink = op.run();
        }
        long perRun = (CPU.getCurrentThreadCpuTime() - t0) / iterations;
        if (sink == null) {
            throw new IllegalStateException();
        }
        return perRun;
    }
}
