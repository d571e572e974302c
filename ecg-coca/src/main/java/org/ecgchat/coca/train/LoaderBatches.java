package org.ecgchat.coca.train;

import java.util.Objects;
import org.ecgchat.io.dataset.loader.DataLoader;
import org.ecgchat.io.dataset.loader.EcgBatch;
import org.ecgchat.nn.tokenize.BertTokenizer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training batches from the dataset module's {@link DataLoader} (any {@code EcgDataset}, records
 * read and transformed by its worker threads), with the reports tokenised as {@link CocaBatch#of}
 * does. The loader's epochs are read in order, as the trainer asks for them; a request out of
 * order (resuming in the middle of an epoch) restarts that epoch and skips the batches before the
 * requested one, which costs their loading once. The loader's order must be seeded (its
 * {@code seed}) for a resumed run to see the same batches.
 */
public final class LoaderBatches implements CocaBatches, AutoCloseable {

    private final DataLoader loader;
    private final BertTokenizer tokenizer;
    private final int contextLength;
    private DataLoader.Epoch current;
    private int currentEpoch = -1;
    private int next;

    /**
     * @param contextLength tokens per report before trimming (the text tower's {@code context_length})
     */
    public LoaderBatches(DataLoader loader, BertTokenizer tokenizer, int contextLength) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
        this.contextLength = contextLength;
    }

    @Override
    public int batchesPerEpoch() {
        return loader.batchesPerEpoch();
    }

    @Override
    public synchronized CocaBatch batch(int epoch, int index) {
        if (index < 0 || index >= batchesPerEpoch()) {
            throw new IndexOutOfBoundsException("batch " + index + " of epoch " + epoch + ": an epoch has "
                    + batchesPerEpoch() + " batches");
        }
        if (current == null || epoch != currentEpoch || index < next) {
            if (current != null) {
                current.close();
            }
            current = loader.epoch(epoch);
            currentEpoch = epoch;
            next = 0;
        }
        while (next < index) {
            current.next();
            next++;
        }
        EcgBatch b = current.next();
        next++;
        return CocaBatch.of(Nd4j.create(b.signals(), b.shape(), 'c'), b.reports(), tokenizer, contextLength);
    }

    /** Closes the epoch being read (not the loader, which belongs to the caller). */
    @Override
    public synchronized void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
