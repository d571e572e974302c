package org.ecgchat.eval.retrieval;

/**
 * Retrieval quality in one direction. The rank of a query is the position of its first relevant
 * candidate (1 = top); candidates that tie with it count as ranked above it.
 *
 * @param queries            number of queries
 * @param recallAt1          fraction of queries with rank 1
 * @param recallAt5          fraction with rank at most 5
 * @param recallAt10         fraction with rank at most 10
 * @param medianRank         median rank (mean of the two middle ranks for an even count)
 * @param meanReciprocalRank mean of 1 / rank
 * @param ranks              the rank of every query, in query order
 */
public record RetrievalMetrics(int queries, double recallAt1, double recallAt5, double recallAt10, double medianRank,
                               double meanReciprocalRank, int[] ranks) {

    /** Summarises per-query ranks. */
    public static RetrievalMetrics of(int[] ranks) {
        int n = ranks.length;
        int r1 = 0;
        int r5 = 0;
        int r10 = 0;
        double rr = 0;
        for (int r : ranks) {
            r1 += r <= 1 ? 1 : 0;
            r5 += r <= 5 ? 1 : 0;
            r10 += r <= 10 ? 1 : 0;
            rr += 1.0 / r;
        }
        int[] sorted = ranks.clone();
        java.util.Arrays.sort(sorted);
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        return new RetrievalMetrics(n, (double) r1 / n, (double) r5 / n, (double) r10 / n, median, rr / n,
                ranks.clone());
    }

    /** Recall at {@code k}: the fraction of queries with rank at most {@code k}. */
    public double recallAt(int k) {
        int hits = 0;
        for (int r : ranks) {
            hits += r <= k ? 1 : 0;
        }
        return (double) hits / ranks.length;
    }
}
