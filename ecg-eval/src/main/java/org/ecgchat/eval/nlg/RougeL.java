package org.ecgchat.eval.nlg;

import java.util.List;

/**
 * ROUGE-L as coco-caption computes it (Lin 2004): for each segment the longest common
 * subsequence with every reference, the best precision and the best recall over references
 * (taken separately), {@code F = (1 + b^2) P R / (R + b^2 P)} with {@code b = 1.2}; the corpus
 * score is the mean over segments.
 */
public final class RougeL {
    /** coco-caption's recall weight. */
    public static final double BETA = 1.2;

    private RougeL() {
    }

    /** Mean ROUGE-L over segments, and the score of each segment. */
    public static CorpusScore corpus(List<List<String>> hypotheses, List<List<List<String>>> references) {
        NlgInputs.check(hypotheses, references);
        double[] per = new double[hypotheses.size()];
        for (int s = 0; s < per.length; s++) {
            per[s] = segment(hypotheses.get(s), references.get(s));
        }
        return CorpusScore.mean(per);
    }

    /** ROUGE-L of one hypothesis against its references. */
    public static double segment(List<String> hyp, List<List<String>> refs) {
        double precMax = 0;
        double recMax = 0;
        for (List<String> ref : refs) {
            int lcs = lcs(ref, hyp);
            if (!hyp.isEmpty()) {
                precMax = Math.max(precMax, lcs / (double) hyp.size());
            }
            if (!ref.isEmpty()) {
                recMax = Math.max(recMax, lcs / (double) ref.size());
            }
        }
        if (precMax == 0 || recMax == 0) {
            return 0.0;
        }
        double b2 = BETA * BETA;
        return ((1 + b2) * precMax * recMax) / (recMax + b2 * precMax);
    }

    /** Length of the longest common subsequence (two-row dynamic programme). */
    static int lcs(List<String> a, List<String> b) {
        int[] prev = new int[b.size() + 1];
        int[] cur = new int[b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            String ai = a.get(i - 1);
            for (int j = 1; j <= b.size(); j++) {
                cur[j] = ai.equals(b.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.size()];
    }
}
