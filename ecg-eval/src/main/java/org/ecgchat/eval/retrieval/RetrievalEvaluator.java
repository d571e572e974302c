package org.ecgchat.eval.retrieval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ecgchat.eval.EvalInputException;
import org.ecgchat.eval.Embeddings;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Retrieval between paired ECG and report embeddings: ECG {@code i} belongs with report
 * {@code i}. Reports with the same text form one group, and any member of the query's group is a
 * hit, so two ECGs with the identical report "sinus rhythm" do not count as misses for each
 * other. Similarity is cosine (rows L2-normalised) or the plain dot product; the similarity
 * matrix is computed in row blocks with ND4J matrix products and never held whole.
 */
public final class RetrievalEvaluator {
    private static final long BLOCK_BYTES = 64L << 20;

    private RetrievalEvaluator() {
    }

    /**
     * Evaluates both directions.
     *
     * @param ecg         ECG embeddings {@code [pairs, dim]}
     * @param reports     report embeddings {@code [pairs, dim]}
     * @param reportTexts the report of each pair; equal strings are duplicates
     * @param cosine      normalise rows to unit length first
     */
    public static RetrievalReport evaluate(double[][] ecg, double[][] reports, List<String> reportTexts, boolean cosine) {
        int n = Embeddings.check("ecg embeddings", ecg);
        int m = Embeddings.check("report embeddings", reports);
        if (n != m) {
            throw new EvalInputException("ecg embeddings has " + n + " rows but report embeddings has " + m);
        }
        if (ecg[0].length != reports[0].length) {
            throw new EvalInputException("ecg embeddings have dimension " + ecg[0].length
                    + " but report embeddings have " + reports[0].length);
        }
        if (reportTexts.size() != n) {
            throw new EvalInputException(reportTexts.size() + " report texts for " + n + " embedding pairs");
        }
        int[] groups = groups(reportTexts);
        double[][] e = cosine ? Embeddings.normalizeRows("ecg embeddings", ecg) : ecg;
        double[][] r = cosine ? Embeddings.normalizeRows("report embeddings", reports) : reports;
        INDArray ei = Embeddings.toIndArray(e);
        INDArray ri = Embeddings.toIndArray(r);
        return new RetrievalReport(RetrievalMetrics.of(ranks(ei, ri, groups)), RetrievalMetrics.of(ranks(ri, ei, groups)));
    }

    /** As {@link #evaluate(double[][], double[][], List, boolean)} with ND4J matrices. */
    public static RetrievalReport evaluate(INDArray ecg, INDArray reports, List<String> reportTexts, boolean cosine) {
        return evaluate(Embeddings.fromIndArray("ecg embeddings", ecg),
                Embeddings.fromIndArray("report embeddings", reports), reportTexts, cosine);
    }

    /** Group index of every pair: pairs with equal report text share one. */
    static int[] groups(List<String> texts) {
        Map<String, Integer> ids = new HashMap<>();
        int[] g = new int[texts.size()];
        for (int i = 0; i < g.length; i++) {
            String t = texts.get(i);
            if (t == null) {
                throw new EvalInputException("report text " + i + " is missing");
            }
            g[i] = ids.computeIfAbsent(t, k -> ids.size());
        }
        return g;
    }

    /** Rank of the first relevant candidate for every query (ties with it counted above it). */
    static int[] ranks(INDArray queries, INDArray candidates, int[] groups) {
        int n = (int) queries.rows();
        int m = (int) candidates.rows();
        int block = (int) Math.max(1, Math.min(n, BLOCK_BYTES / (8L * m)));
        int[] ranks = new int[n];
        for (int start = 0; start < n; start += block) {
            int end = Math.min(n, start + block);
            INDArray q = queries.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(start, end),
                    org.nd4j.linalg.indexing.NDArrayIndex.all());
            double[] sim = Nd4j.gemm(q, candidates, false, true).dup('c').data().asDouble();
            for (int i = start; i < end; i++) {
                int off = (i - start) * m;
                int gi = groups[i];
                double best = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < m; j++) {
                    if (groups[j] == gi && sim[off + j] > best) {
                        best = sim[off + j];
                    }
                }
                int above = 0;
                for (int j = 0; j < m; j++) {
                    if (groups[j] != gi && sim[off + j] >= best) {
                        above++;
                    }
                }
                ranks[i] = above + 1;
            }
        }
        return ranks;
    }
}
