package org.ecgchat.eval.nlg;

/**
 * Report-generation scores of a corpus (fractions, not percentages).
 *
 * @param segments number of generated reports
 * @param bleu     {@code bleu[n-1]} = corpus BLEU-n, n = 1..4
 */
public record NlgScores(int segments, double[] bleu, double meteor, double rougeL, double ciderD) {

    /** Corpus BLEU-n. */
    public double bleu(int n) {
        return bleu[n - 1];
    }
}
