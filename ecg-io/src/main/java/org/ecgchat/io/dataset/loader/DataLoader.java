package org.ecgchat.io.dataset.loader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ecgchat.io.EcgIoException;
import org.ecgchat.io.dataset.DatasetRecord;
import org.ecgchat.io.dataset.EcgDataset;
import org.ecgchat.io.preprocess.Preprocessor;
import org.ecgchat.io.wfdb.Wfdb;
import org.ecgchat.io.wfdb.WfdbReader;

/**
 * Batches of a dataset for training and evaluation: the records of each epoch in a seeded order,
 * read by background threads, put through a transform chain ({@link Preprocessor}) and packed
 * into fixed-size {@link EcgBatch}es {@code [B, leads, T]}.
 *
 * <pre>{@code
 * try (DataLoader loader = DataLoader.builder(dataset).batchSize(96).shuffle(true).seed(42)
 *         .transform(Preprocessor.evaluation(5000)).workers(4).build()) {
 *     for (int epoch = 0; epoch < 20; epoch++) {
 *         try (DataLoader.Epoch batches = loader.epoch(epoch)) {
 *             while (batches.hasNext()) { EcgBatch b = batches.next(); ... }
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>The order of an epoch depends only on the seed and the epoch number, and a batch's content
 * only on its records and the transform, so the batches are the same whatever the number of
 * threads. Each batch is built by one task; at most {@code prefetch} batches are built or waiting
 * at a time, so memory is bounded by the prefetch depth and the batch size, not by the dataset
 * (beyond one {@code int} per record for the epoch's order). A record that cannot be read or has
 * the wrong shape after the transform stops the epoch with an {@link UncheckedIOException} naming
 * the record and its metadata row. {@link #close()} stops the threads.
 */
public final class DataLoader implements AutoCloseable {
    private final EcgDataset dataset;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final boolean dropLast;
    private final Preprocessor transform;
    private final int leads;
    private final int length;
    private final int prefetch;
    private final ExecutorService pool;
    private volatile boolean closed;

    private DataLoader(Builder b) {
        this.dataset = b.dataset;
        this.batchSize = b.batchSize;
        this.shuffle = b.shuffle;
        this.seed = b.seed;
        this.dropLast = b.dropLast;
        this.transform = b.transform;
        this.leads = b.leads;
        this.length = b.length;
        this.prefetch = b.prefetch > 0 ? b.prefetch : 2 * b.workers;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(b.workers, r -> {
            Thread t = new Thread(r, "ecg-loader-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** A builder for a loader over {@code dataset}. */
    public static Builder builder(EcgDataset dataset) {
        return new Builder(dataset);
    }

    /** Batches per epoch. */
    public int batchesPerEpoch() {
        int n = dataset.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** The dataset indices of an epoch in loading order: seeded Fisher–Yates per epoch when shuffling. */
    public int[] order(int epoch) {
        int n = dataset.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (shuffle) {
            SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return order;
    }

    /** Starts an epoch; its batches are built in the background as they are consumed. */
    public Epoch epoch(int epoch) {
        if (closed) {
            throw new IllegalStateException("the loader is closed");
        }
        return new Epoch(epoch, order(epoch));
    }

    /** Stops the loading threads; batches being built are abandoned. */
    @Override
    public void close() {
        closed = true;
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads, transforms and packs the records of one batch. */
    EcgBatch build(int epoch, int index, int[] order) throws IOException {
        int from = index * batchSize;
        int to = Math.min(order.length, from + batchSize);
        int b = to - from;
        int classes = dataset.labelSet().size();
        float[] signals = new float[b * leads * length];
        float[] labels = new float[b * classes];
        List<DatasetRecord> records = new ArrayList<>(b);
        for (int k = 0; k < b; k++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.io.InterruptedIOException("loading stopped");
            }
            DatasetRecord r = dataset.get(order[from + k]);
            records.add(r);
            float[][] x = load(r);
            for (int l = 0; l < leads; l++) {
                System.arraycopy(x[l], 0, signals, (k * leads + l) * length, length);
            }
            r.labels().copyInto(labels, k * classes);
        }
        return new EcgBatch(epoch, index, records, leads, length, signals, classes, labels);
    }

    private float[][] load(DatasetRecord r) throws IOException {
        float[][] x;
        try (WfdbReader in = Wfdb.open(r.record())) {
            x = in.readPhysicalFloat(0, in.length());
            x = transform.apply(x, in.header().samplingFrequency(), in.header().signalNames());
        } catch (EcgIoException e) {
            throw new EcgIoException(e.file(), e.getMessage() + " (record " + r.id() + " of " + dataset.name()
                    + ", from " + r.origin() + ")", e);
        } catch (IllegalArgumentException e) {
            throw new EcgIoException(r.record(), "transform failed: " + e.getMessage() + " (record " + r.id() + ", from "
                    + r.origin() + ")", e);
        }
        if (x.length != leads || x[0].length != length) {
            throw new EcgIoException(r.record(), x.length + " leads × " + x[0].length + " samples after the transform "
                    + "chain, the loader needs " + leads + " × " + length + " (record " + r.id() + " of " + dataset.name()
                    + ", from " + r.origin() + "; a pad_or_crop step fixes the length, select_leads the leads)");
        }
        return x;
    }

    /** The batches of one epoch, in order; close it to abandon the rest. */
    public final class Epoch implements Iterator<EcgBatch>, AutoCloseable {
        private final int epoch;
        private final int[] order;
        private final int batches;
        private final ArrayDeque<Future<EcgBatch>> pending = new ArrayDeque<>();
        private int submitted;
        private int delivered;

        private Epoch(int epoch, int[] order) {
            this.epoch = epoch;
            this.order = order;
            this.batches = batchesPerEpoch();
            fill();
        }

        private void fill() {
            while (pending.size() < prefetch && submitted < batches && !closed) {
                int index = submitted++;
                pending.add(pool.submit(() -> build(epoch, index, order)));
            }
        }

        @Override
        public boolean hasNext() {
            return delivered < batches;
        }

        @Override
        public EcgBatch next() {
            if (!hasNext()) {
                throw new NoSuchElementException("epoch " + epoch + " has " + batches + " batches");
            }
            if (closed) {
                throw new IllegalStateException("the loader is closed");
            }
            Future<EcgBatch> f = pending.poll();
            try {
                EcgBatch b = f.get();
                delivered++;
                fill();
                return b;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while waiting for batch " + delivered, e);
            } catch (CancellationException e) {
                throw new IllegalStateException("the loader is closed", e);
            } catch (ExecutionException e) {
                close();
                Throwable c = e.getCause();
                if (c instanceof IOException io) {
                    throw new UncheckedIOException(io.getMessage(), io);
                }
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(c);
            }
        }

        /** Cancels the batches not yet delivered. */
        @Override
        public void close() {
            for (Future<EcgBatch> f : pending) {
                f.cancel(true);
            }
            pending.clear();
            delivered = batches;
        }
    }

    /** Configures a {@link DataLoader}. */
    public static final class Builder {
        private final EcgDataset dataset;
        private int batchSize = 32;
        private boolean shuffle;
        private long seed;
        private boolean dropLast;
        private Preprocessor transform = Preprocessor.evaluation(5000);
        private int leads = 12;
        private int length = 5000;
        private int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        private int prefetch;

        private Builder(EcgDataset dataset) {
            this.dataset = Objects.requireNonNull(dataset, "dataset");
        }

        /** Records per batch (default 32). */
        public Builder batchSize(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("batch size must be positive, was " + n);
            }
            this.batchSize = n;
            return this;
        }

        /** Shuffle each epoch (default: dataset order). */
        public Builder shuffle(boolean on) {
            this.shuffle = on;
            return this;
        }

        /** Seed of the shuffling (default 0); epoch {@code e} uses a stream derived from seed and e. */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** Drop a last batch smaller than the batch size (default: keep it). */
        public Builder dropLast(boolean on) {
            this.dropLast = on;
            return this;
        }

        /**
         * The transform chain applied to each record's physical samples (default: the original's
         * evaluation transform for 5000 samples: NaN/Inf → 0, (x − 0)/1, pad or crop).
         */
        public Builder transform(Preprocessor p) {
            this.transform = Objects.requireNonNull(p, "transform");
            return this;
        }

        /** Leads and samples per lead every record must have after the transform (default 12 × 5000). */
        public Builder shape(int leadCount, int samples) {
            if (leadCount < 1 || samples < 1) {
                throw new IllegalArgumentException("shape must be positive, was " + leadCount + " × " + samples);
            }
            this.leads = leadCount;
            this.length = samples;
            return this;
        }

        /** Loading threads (default: one per core). */
        public Builder workers(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("workers must be at least 1, was " + n);
            }
            this.workers = n;
            return this;
        }

        /** Batches built ahead of the consumer (default: twice the workers). */
        public Builder prefetch(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("prefetch must be at least 1, was " + n);
            }
            this.prefetch = n;
            return this;
        }

        public DataLoader build() {
            return new DataLoader(this);
        }
    }
}
