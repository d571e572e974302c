package org.ecgchat.examples.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ecgchat.coca.train.CocaBatch;
import org.ecgchat.coca.train.CocaBatches;
import org.ecgchat.coca.train.CocaExample;
import org.ecgchat.coca.train.CocaExamples;
import org.ecgchat.coca.train.ShuffledBatches;
import org.ecgchat.nn.tokenize.BertTokenizer;

/**
 * The demo's training batches: {@link ShuffledBatches}' order, but each pair keeps its whole report
 * only with probability {@code fullShare}; otherwise the report is cut down to a random non-empty
 * subset of its statements, in their order ({@code "sinus rhythm. left bundle branch block."} may
 * become {@code "left bundle branch block."}).
 *
 * <p>Why: a zero-shot prompt names one condition, while a report names all of a record's
 * findings. Trained on whole reports only, the text tower never sees a statement alone, and a
 * prompt such as {@code "sinus rhythm."} lands nearer the normal reports of the other rhythms
 * ({@code "sinus bradycardia. otherwise normal ecg."}) than the sinus-rhythm records with other
 * findings (their zero-shot AUROC fell below 0.5). Trained on single statements too, each
 * statement's text is drawn towards every ECG that shows it.
 *
 * <p>The choice of statements is a function of the seed, the epoch and the example only, so a
 * batch is the same whenever it is asked for, as {@link CocaBatches} requires.
 */
final class StatementSampledBatches implements CocaBatches {

    private final List<CocaExample> examples;
    private final ShuffledBatches order;
    private final BertTokenizer tokenizer;
    private final int contextLength;
    private final int batchSize;
    private final long seed;
    private final double fullShare;

    /**
     * @param fullShare probability that a pair keeps its whole report, in [0, 1]
     */
    StatementSampledBatches(List<CocaExample> examples, BertTokenizer tokenizer, int contextLength, int batchSize,
            long seed, double fullShare) {
        if (!(fullShare >= 0 && fullShare <= 1)) {
            throw new IllegalArgumentException("share of whole reports must be in [0, 1], was " + fullShare);
        }
        this.examples = List.copyOf(examples);
        this.order = new ShuffledBatches(CocaExamples.of(this.examples), tokenizer, contextLength, batchSize, seed);
        this.tokenizer = tokenizer;
        this.contextLength = contextLength;
        this.batchSize = batchSize;
        this.seed = seed;
        this.fullShare = fullShare;
    }

    @Override
    public int batchesPerEpoch() {
        return order.batchesPerEpoch();
    }

    @Override
    public CocaBatch batch(int epoch, int index) {
        if (index < 0 || index >= batchesPerEpoch() || epoch < 0) {
            throw new IndexOutOfBoundsException("batch " + index + " of epoch " + epoch + ": an epoch has "
                    + batchesPerEpoch() + " batches");
        }
        int[] permutation = order.order(epoch);
        List<CocaExample> chosen = new ArrayList<>(batchSize);
        for (int i = index * batchSize; i < (index + 1) * batchSize; i++) {
            CocaExample e = examples.get(permutation[i]);
            chosen.add(new CocaExample(e.ecg(), report(e.report(), epoch, permutation[i])));
        }
        return ShuffledBatches.of(chosen, tokenizer, contextLength);
    }

    /** The report example {@code example} trains with in epoch {@code epoch}. */
    String report(String report, int epoch, int example) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch * 0xC2B2AE3D27D4EB4FL + example);
        List<String> statements = statements(report);
        if (statements.size() < 2 || rng.nextDouble() < fullShare) {
            return report;
        }
        List<String> kept = new ArrayList<>();
        while (kept.isEmpty()) {
            for (String s : statements) {
                if (rng.nextBoolean()) {
                    kept.add(s);
                }
            }
        }
        return String.join(" ", kept);
    }

    /** The statements of a report written as PTB-XL's are: sentences, each ending in {@code "."}. */
    static List<String> statements(String report) {
        List<String> out = new ArrayList<>();
        for (String s : report.strip().split("(?<=\\.)\\s+")) {
            if (!s.isBlank()) {
                out.add(s);
            }
        }
        return out;
    }
}
