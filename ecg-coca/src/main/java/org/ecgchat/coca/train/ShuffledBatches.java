package org.ecgchat.coca.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.ecgchat.nn.tokenize.BertTokenizer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batches of examples in a seeded random order per epoch, as open_clip's training loader: every
 * epoch is a fresh permutation (a function of the seed and the epoch only), the last incomplete
 * batch is dropped, and reports are tokenised as {@link CocaBatch#of} does.
 */
public final class ShuffledBatches implements CocaBatches {

    private final CocaExamples examples;
    private final BertTokenizer tokenizer;
    private final int contextLength;
    private final int batchSize;
    private final long seed;
    private int cachedEpoch = -1;
    private int[] cachedOrder;

    /**
     * @param contextLength tokens per report before trimming (the text tower's {@code context_length})
     * @param batchSize examples per batch; there must be at least that many examples
     */
    public ShuffledBatches(CocaExamples examples, BertTokenizer tokenizer, int contextLength, int batchSize, long seed) {
        this.examples = Objects.requireNonNull(examples, "examples");
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
        if (contextLength < 3) {
            throw new IllegalArgumentException("context length must be at least 3, was " + contextLength);
        }
        if (batchSize < 1 || examples.size() < batchSize) {
            throw new IllegalArgumentException("batch size " + batchSize + " needs at least as many examples, there are "
                    + examples.size());
        }
        this.contextLength = contextLength;
        this.batchSize = batchSize;
        this.seed = seed;
    }

    @Override
    public int batchesPerEpoch() {
        return examples.size() / batchSize;
    }

    /** The example indices of an epoch in training order. */
    public synchronized int[] order(int epoch) {
        if (epoch != cachedEpoch) {
            cachedOrder = permutation(examples.size(), Seeds.generator(seed, Seeds.ORDER, epoch));
            cachedEpoch = epoch;
        }
        return cachedOrder.clone();
    }

    @Override
    public CocaBatch batch(int epoch, int index) {
        if (index < 0 || index >= batchesPerEpoch() || epoch < 0) {
            throw new IndexOutOfBoundsException("batch " + index + " of epoch " + epoch + ": an epoch has "
                    + batchesPerEpoch() + " batches");
        }
        int[] order = order(epoch);
        List<CocaExample> chosen = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            chosen.add(examples.get(order[index * batchSize + i]));
        }
        return of(chosen, tokenizer, contextLength);
    }

    /** A batch of the given examples: signals stacked, reports tokenised as {@link CocaBatch#of} does. */
    public static CocaBatch of(List<CocaExample> chosen, BertTokenizer tokenizer, int contextLength) {
        float[][] first = chosen.get(0).ecg();
        int leads = first.length;
        int samples = leads == 0 ? 0 : first[0].length;
        if (leads == 0 || samples == 0) {
            throw new IllegalArgumentException("example ECG has no samples");
        }
        float[] data = new float[Math.multiplyExact(Math.multiplyExact(chosen.size(), leads), samples)];
        List<String> reports = new ArrayList<>(chosen.size());
        int at = 0;
        for (CocaExample e : chosen) {
            if (e.ecg().length != leads) {
                throw new IllegalArgumentException("examples of one batch have " + leads + " and " + e.ecg().length + " leads");
            }
            for (float[] lead : e.ecg()) {
                if (lead.length != samples) {
                    throw new IllegalArgumentException("examples of one batch have " + samples + " and " + lead.length
                            + " samples per lead (pad or crop them to the model's seq_length)");
                }
                System.arraycopy(lead, 0, data, at, samples);
                at += samples;
            }
            reports.add(e.report());
        }
        return CocaBatch.of(Nd4j.create(data, new long[] {chosen.size(), leads, samples}, 'c'), reports, tokenizer,
                contextLength);
    }

    private static int[] permutation(int n, RandomGenerator rng) {
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
