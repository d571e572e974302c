package org.ecgchat.eval.nlg;

/** A corpus-level score and the per-segment scores it summarises. */
public record CorpusScore(double score, double[] segments) {

    /** The arithmetic mean of per-segment scores. */
    static CorpusScore mean(double[] segments) {
        double s = 0;
        for (double v : segments) {
            s += v;
        }
        return new CorpusScore(s / segments.length, segments);
    }
}
