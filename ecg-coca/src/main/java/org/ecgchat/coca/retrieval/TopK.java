package org.ecgchat.coca.retrieval;

import org.ecgchat.coca.TopScores;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Exact top-k by dot product: the similarities of a block of queries against all candidates come
 * from one matrix product (blocks bounded to {@value #BLOCK_BYTES} bytes of similarities), then each
 * query keeps its best {@code k} with {@link TopScores}.
 */
final class TopK {

    /** The best candidates of each query: indices and scores, {@code [queries][min(k, candidates)]}, best first. */
    record Result(int[][] indices, float[][] scores) {}

    static final long BLOCK_BYTES = 64L << 20;

    private TopK() {}

    /** Top {@code k} rows of {@code candidates [N, D]} for every row of {@code queries [Q, D]} (FLOAT). */
    static Result search(INDArray queries, INDArray candidates, int k) {
        int q = (int) queries.rows();
        int n = (int) candidates.rows();
        int block = (int) Math.max(1, Math.min(q, BLOCK_BYTES / (4L * n)));
        int[][] indices = new int[q][];
        float[][] scores = new float[q][];
        for (int from = 0; from < q; from += block) {
            int to = Math.min(q, from + block);
            INDArray part = queries.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            float[] sim = Nd4j.gemm(part, candidates, false, true).dup('c').data().asFloat();
            for (int i = from; i < to; i++) {
                int offset = (i - from) * n;
                indices[i] = TopScores.select(sim, offset, n, k);
                scores[i] = new float[indices[i].length];
                for (int j = 0; j < indices[i].length; j++) {
                    scores[i][j] = sim[offset + indices[i][j]];
                }
            }
        }
        return new Result(indices, scores);
    }
}
