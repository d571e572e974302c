package org.ecgchat.coca.train;

/**
 * The training data as {@link CocaTrainer} reads it: the numbered batches of each epoch. The same
 * {@code (epoch, index)} must always give the same batch (the data order is a function of a seed
 * and the epoch), which is what lets a resumed run continue exactly where a killed one stopped.
 * Implementations are called from a prefetching thread, one call at a time.
 */
public interface CocaBatches {

    /** Number of batches in one epoch (at least 1). */
    int batchesPerEpoch();

    /** Batch {@code index} (0-based, below {@link #batchesPerEpoch()}) of epoch {@code epoch} (0-based). */
    CocaBatch batch(int epoch, int index);
}
