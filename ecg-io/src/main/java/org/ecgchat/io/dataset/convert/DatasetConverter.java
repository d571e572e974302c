package org.ecgchat.io.dataset.convert;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ecgchat.io.wfdb.ChecksumPolicy;
import org.ecgchat.io.wfdb.Wfdb;
import org.ecgchat.io.wfdb.WfdbReadOptions;
import org.ecgchat.io.wfdb.WfdbRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts every source file of a directory or archive to WFDB records, in parallel, resumably:
 * a record whose header and signal file already exist and read back with matching checksums and
 * 12 leads is skipped, anything else is (re)written. Files are written atomically, so a stopped
 * conversion leaves only whole records behind and simply runs again.
 *
 * <p>A source that cannot be converted does not stop the others: it is logged and listed in the
 * {@link Summary}. Progress goes to the {@link Listener} and, every 10 seconds, to the log.
 * Memory is bounded: at most twice as many sources as threads are in flight.
 */
public final class DatasetConverter {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetConverter.class);
    private static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    /**
     * @param threads        worker threads
     * @param flat           write every record directly into the output folder instead of mirroring
     *                       the source's sub-folders
     * @param maxSourceBytes the largest source file accepted
     */
    public record Options(int threads, boolean flat, long maxSourceBytes) {
        public Options {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, was " + threads);
            }
            if (maxSourceBytes < 1) {
                throw new IllegalArgumentException("maxSourceBytes must be positive");
            }
        }

        /** One thread per core, mirrored folders, sources up to 256 MiB. */
        public static Options defaults() {
            return new Options(Runtime.getRuntime().availableProcessors(), false, 256L << 20);
        }

        public Options withThreads(int n) {
            return new Options(n, flat, maxSourceBytes);
        }

        public Options withFlat(boolean f) {
            return new Options(threads, f, maxSourceBytes);
        }
    }

    /** What became of one source. */
    public enum Outcome { CONVERTED, SKIPPED, FAILED }

    /** Hears about the conversion; called from worker threads, so implementations must be thread-safe. */
    public interface Listener {
        /** Before the first record; {@code total} is -1 when unknown (a compressed archive). */
        default void started(int total) {
        }

        /** After each source; {@code message} says why it failed (null otherwise). */
        void finished(SourceFile source, Outcome outcome, String message);
    }

    /** A source that could not be converted. */
    public record Failure(String source, String message) {
    }

    /** The result of a conversion. */
    public record Summary(int converted, int skipped, List<Failure> failures, Duration elapsed) {
        /** Whether every source was converted or already complete. */
        public boolean ok() {
            return failures.isEmpty();
        }
    }

    private final RecordConverter converter;
    private final Options options;

    public DatasetConverter(RecordConverter converter, Options options) {
        this.converter = Objects.requireNonNull(converter, "converter");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Converts {@code input} (a directory or archive) into {@code output}.
     *
     * @throws IOException if the input cannot be listed or read as a whole, or an archive entry
     *                     would leave the output folder (records converted before stay)
     */
    public Summary convert(Path input, Path output, Listener listener) throws IOException {
        long start = System.nanoTime();
        SourceTree tree = new SourceTree(input, converter.sourceSuffix(), options.maxSourceBytes());
        Files.createDirectories(output);
        int total = tree.count();
        listener.started(total);
        AtomicInteger converted = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
        Set<Path> claimed = ConcurrentHashMap.newKeySet();
        Progress progress = new Progress(total, start);
        Semaphore inFlight = new Semaphore(2 * options.threads());
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), daemonThreads());
        try {
            tree.visit(source -> {
                acquire(inFlight);
                pool.execute(() -> {
                    try {
                        Outcome o;
                        String message = null;
                        try {
                            o = convertOne(source, output, claimed);
                        } catch (IOException | RuntimeException e) {
                            o = Outcome.FAILED;
                            message = e.getMessage() == null ? e.toString() : e.getMessage();
                            failures.add(new Failure(source.location(), message));
                            LOG.warn("cannot convert {}: {}", source.location(), message);
                        }
                        if (o == Outcome.CONVERTED) {
                            converted.incrementAndGet();
                        } else if (o == Outcome.SKIPPED) {
                            skipped.incrementAndGet();
                        }
                        listener.finished(source, o, message);
                        progress.tick(converted.get(), skipped.get(), failures.size());
                    } finally {
                        inFlight.release();
                    }
                });
            });
            pool.shutdown();
            awaitTermination(pool);
        } finally {
            pool.shutdownNow();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        Summary summary = new Summary(converted.get(), skipped.get(), List.copyOf(failures), elapsed);
        LOG.info("converted {} records into {} ({} already complete, {} failed) in {} s", summary.converted(), output,
                summary.skipped(), summary.failures().size(), elapsed.toSeconds());
        return summary;
    }

    private Outcome convertOne(SourceFile source, Path output, Set<Path> claimed) throws IOException {
        String name = source.recordName(converter.sourceSuffix());
        Path dir = options.flat() || source.directory().isEmpty() ? output : output.resolve(source.directory());
        Path record = dir.resolve(name);
        if (!claimed.add(record.toAbsolutePath().normalize())) {
            throw new IOException("another source already converts to " + record + " (use mirrored folders)");
        }
        if (isComplete(record)) {
            return Outcome.SKIPPED;
        }
        WfdbRecord converted = converter.convert(name, source.content().read(), source.location());
        Files.createDirectories(dir);
        Wfdb.write(dir, converted);
        return Outcome.CONVERTED;
    }

    /** Whether a record exists, has 12 leads and its samples match the checksums of its header. */
    static boolean isComplete(Path record) {
        Path header = record.resolveSibling(record.getFileName() + ".hea");
        if (!Files.isRegularFile(header)) {
            return false;
        }
        try {
            WfdbRecord r = Wfdb.read(record, WfdbReadOptions.DEFAULT.withChecksums(ChecksumPolicy.STRICT));
            return r.header().numberOfSignals() == RecordConverter.LEADS.size() && r.length() > 0;
        } catch (IOException | RuntimeException e) {
            LOG.info("{} exists but is incomplete or damaged ({}); converting it again", record, e.getMessage());
            return false;
        }
    }

    private static void acquire(Semaphore s) throws InterruptedIOException {
        try {
            s.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("conversion interrupted");
        }
    }

    private static void awaitTermination(ExecutorService pool) throws InterruptedIOException {
        try {
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                LOG.debug("waiting for conversion workers");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("conversion interrupted");
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "ecg-convert-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Logs progress at most every 10 seconds. */
    private static final class Progress {
        private final int total;
        private final long start;
        private long lastLog;

        Progress(int total, long start) {
            this.total = total;
            this.start = start;
            this.lastLog = start;
        }

        synchronized void tick(int converted, int skipped, int failed) {
            long now = System.nanoTime();
            if (now - lastLog < LOG_INTERVAL_NANOS) {
                return;
            }
            lastLog = now;
            int done = converted + skipped + failed;
            LOG.info("conversion: {}{} records done ({} converted, {} already complete, {} failed), {} s",
                    done, total < 0 ? "" : "/" + total, converted, skipped, failed,
                    TimeUnit.NANOSECONDS.toSeconds(now - start));
        }
    }
}
