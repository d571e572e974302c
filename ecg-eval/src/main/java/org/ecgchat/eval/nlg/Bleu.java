package org.ecgchat.eval.nlg;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ecgchat.eval.EvalInputException;

/**
 * Corpus BLEU (Papineni et al. 2002): clipped n-gram matches and n-gram totals summed over the
 * corpus, the brevity penalty from the summed hypothesis length and the summed closest
 * reference length (ties to the shorter), and BLEU-n the geometric mean of orders 1..n.
 */
public final class Bleu {
    private static final double COCO_TINY = 1e-15;
    private static final double COCO_SMALL = 1e-9;

    /**
     * Corpus statistics and scores.
     *
     * @param bleu           {@code bleu[n-1]} = BLEU-n, cumulative over orders 1..n
     * @param matches        clipped n-gram matches per order
     * @param totals         hypothesis n-grams per order
     * @param hypothesisLength total hypothesis tokens
     * @param referenceLength  total closest-reference tokens
     * @param brevityPenalty   the brevity penalty applied
     */
    public record Result(double[] bleu, long[] matches, long[] totals, long hypothesisLength, long referenceLength,
                         double brevityPenalty) {
        /** BLEU-n for {@code n} in 1..maxOrder. */
        public double bleu(int n) {
            return bleu[n - 1];
        }
    }

    private Bleu() {
    }

    /**
     * Scores a tokenised corpus.
     *
     * @param hypotheses one token list per segment
     * @param references for every segment, one or more token lists
     * @param maxOrder   highest n-gram order (4 for BLEU-4)
     */
    public static Result corpus(List<List<String>> hypotheses, List<List<List<String>>> references, int maxOrder,
                                Smoothing smoothing) {
        NlgInputs.check(hypotheses, references);
        if (maxOrder < 1) {
            throw new EvalInputException("BLEU order must be at least 1, got " + maxOrder);
        }
        long[] matches = new long[maxOrder];
        long[] totals = new long[maxOrder];
        long hypLen = 0;
        long refLen = 0;
        for (int s = 0; s < hypotheses.size(); s++) {
            List<String> hyp = hypotheses.get(s);
            List<List<String>> refs = references.get(s);
            hypLen += hyp.size();
            refLen += closestReferenceLength(refs, hyp.size());
            for (int n = 1; n <= maxOrder; n++) {
                Map<String, Integer> counts = NGrams.count(hyp, n);
                Map<String, Integer> maxRef = new HashMap<>();
                for (List<String> ref : refs) {
                    for (Map.Entry<String, Integer> e : NGrams.count(ref, n).entrySet()) {
                        if (counts.containsKey(e.getKey())) {
                            maxRef.merge(e.getKey(), e.getValue(), Math::max);
                        }
                    }
                }
                for (Map.Entry<String, Integer> e : counts.entrySet()) {
                    matches[n - 1] += Math.min(e.getValue(), maxRef.getOrDefault(e.getKey(), 0));
                }
                totals[n - 1] += Math.max(0, hyp.size() - n + 1);
            }
        }
        double[] logP = logPrecisions(matches, totals, smoothing);
        double bp;
        if (smoothing.kind() == Smoothing.Kind.COCO) {
            double ratio = (hypLen + COCO_TINY) / (refLen + COCO_SMALL);
            bp = ratio < 1 ? Math.exp(1 - 1 / ratio) : 1.0;
        } else {
            bp = hypLen > refLen ? 1.0 : hypLen == 0 ? 0.0 : Math.exp(1 - (double) refLen / hypLen);
        }
        double[] bleu = new double[maxOrder];
        double sum = 0;
        for (int n = 1; n <= maxOrder; n++) {
            sum += logP[n - 1];
            bleu[n - 1] = sum == Double.NEGATIVE_INFINITY ? 0.0 : bp * Math.exp(sum / n);
        }
        return new Result(bleu, matches, totals, hypLen, refLen, bp);
    }

    /** Length of the reference closest to {@code hypLength}, the shorter one on ties. */
    static int closestReferenceLength(List<List<String>> refs, int hypLength) {
        int best = -1;
        for (List<String> r : refs) {
            int len = r.size();
            if (best < 0 || Math.abs(len - hypLength) < Math.abs(best - hypLength)
                    || (Math.abs(len - hypLength) == Math.abs(best - hypLength) && len < best)) {
                best = len;
            }
        }
        return best;
    }

    private static double[] logPrecisions(long[] matches, long[] totals, Smoothing smoothing) {
        int orders = matches.length;
        double[] logP = new double[orders];
        int zeroOrders = 0;
        for (int i = 0; i < orders; i++) {
            long m = matches[i];
            long t = totals[i];
            double p;
            switch (smoothing.kind()) {
                case COCO -> p = (m + COCO_TINY) / (t + COCO_SMALL);
                case ADD_K -> p = i == 0 ? ratio(m, t) : (m + smoothing.value()) / (t + smoothing.value());
                case FLOOR -> p = m == 0 ? (t == 0 ? 0 : smoothing.value() / t) : (double) m / t;
                case EXPONENTIAL -> {
                    if (m == 0) {
                        zeroOrders++;
                        p = t == 0 ? 0 : 1.0 / (Math.pow(2, zeroOrders) * t);
                    } else {
                        p = (double) m / t;
                    }
                }
                default -> p = ratio(m, t);
            }
            logP[i] = Math.log(p);
        }
        return logP;
    }

    private static double ratio(long m, long t) {
        return t == 0 ? 0 : (double) m / t;
    }
}
