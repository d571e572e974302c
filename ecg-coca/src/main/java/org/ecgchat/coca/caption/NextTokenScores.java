package org.ecgchat.coca.caption;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.ecgchat.coca.TopScores;

/**
 * Operations on one row of next-token scores, with the semantics of the Hugging Face logits
 * processors and warpers open_clip's {@code CoCa.generate} uses ({@code MinLengthLogitsProcessor},
 * {@code RepetitionPenaltyLogitsProcessor}, {@code TopKLogitsWarper}, {@code TopPLogitsWarper},
 * {@code HammingDiversityLogitsProcessor}). Removed tokens get {@code -∞}. Rows are modified in place.
 */
final class NextTokenScores {

    static final float REMOVED = Float.NEGATIVE_INFINITY;

    private NextTokenScores() {}

    /** Forbids the end token while the sequence (start token included) is shorter than {@code minLength}. */
    static void minLength(float[] row, int length, int minLength, int eos) {
        if (length < minLength) {
            row[eos] = REMOVED;
        }
    }

    /**
     * CTRL's repetition penalty: every distinct token of {@code sequence} has its score divided by
     * {@code penalty} if positive, multiplied if negative (each token once, however often it occurs).
     */
    static void repetitionPenalty(float[] row, int[] sequence, float penalty) {
        if (penalty == 1f) {
            return;
        }
        boolean[] seen = new boolean[row.length];
        for (int id : sequence) {
            if (!seen[id]) {
                seen[id] = true;
                float v = row[id];
                row[id] = v < 0 ? v * penalty : v / penalty;
            }
        }
    }

    /**
     * Hamming diversity: subtracts {@code penalty × n} from every token that {@code n} beams of the
     * earlier groups chose at this step.
     */
    static void diversity(float[] row, int[] earlierGroupTokens, int count, float penalty) {
        for (int i = 0; i < count; i++) {
            int token = earlierGroupTokens[i];
            boolean first = true;
            int n = 0;
            for (int j = 0; j < count; j++) {
                first &= j >= i || earlierGroupTokens[j] != token;
                n += earlierGroupTokens[j] == token ? 1 : 0;
            }
            if (first) {
                row[token] -= penalty * n;
            }
        }
    }

    /** Keeps the scores at least as high as the {@code k}-th highest (ties with it stay), removes the rest. */
    static void topK(float[] row, int k) {
        int[] best = TopScores.select(row, 0, row.length, k);
        float threshold = row[best[best.length - 1]];
        for (int i = 0; i < row.length; i++) {
            if (row[i] < threshold) {
                row[i] = REMOVED;
            }
        }
    }

    /**
     * Nucleus filtering: in ascending order of score, removes tokens while the cumulative softmax
     * probability stays at most {@code 1 − p}; the most likely token always stays.
     */
    static void topP(float[] row, double p) {
        long[] order = ascending(row);
        double max = row[(int) order[order.length - 1]];
        double total = 0;
        for (float v : row) {
            total += Math.exp(v - max);
        }
        double cumulative = 0;
        for (int i = 0; i < order.length - 1; i++) {
            int id = (int) order[i];
            cumulative += Math.exp(row[id] - max) / total;
            if (cumulative <= 1 - p) {
                row[id] = REMOVED;
            }
        }
    }

    /** The index of the highest score, the first of equal ones (as {@code torch.argmax}). */
    static int argmax(float[] row) {
        int best = 0;
        for (int i = 1; i < row.length; i++) {
            if (row[i] > row[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Replaces the scores by their log-softmax. */
    static void logSoftmax(float[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : row) {
            max = Math.max(max, v);
        }
        double total = 0;
        for (float v : row) {
            total += Math.exp(v - max);
        }
        double log = max + Math.log(total);
        for (int i = 0; i < row.length; i++) {
            row[i] = (float) (row[i] - log);
        }
    }

    /** Draws a token from {@code softmax(row / temperature)}; removed tokens have probability 0. */
    static int sample(float[] row, double temperature, RandomGenerator random) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : row) {
            max = Math.max(max, v);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            throw new IllegalStateException("every token was removed: nothing to sample");
        }
        double[] weights = new double[row.length];
        double total = 0;
        for (int i = 0; i < row.length; i++) {
            weights[i] = Math.exp((row[i] - max) / temperature);
            total += weights[i];
        }
        double u = random.nextDouble() * total;
        int last = 0;
        for (int i = 0; i < row.length; i++) {
            if (weights[i] > 0) {
                last = i;
                u -= weights[i];
                if (u < 0) {
                    return i;
                }
            }
        }
        return last;
    }

    /** Token ids in ascending order of score (ties by id), from one primitive sort of packed keys. */
    private static long[] ascending(float[] row) {
        long[] keys = new long[row.length];
        for (int i = 0; i < row.length; i++) {
            int bits = Float.floatToIntBits(row[i]);
            // the float order as signed int order (negative floats have their magnitude bits flipped)
            int ordered = bits < 0 ? bits ^ 0x7fffffff : bits;
            keys[i] = (long) ordered << 32 | i;
        }
        Arrays.sort(keys);
        for (int i = 0; i < keys.length; i++) {
            keys[i] &= 0xffffffffL;
        }
        return keys;
    }
}
