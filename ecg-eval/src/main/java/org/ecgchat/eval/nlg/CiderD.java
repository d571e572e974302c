package org.ecgchat.eval.nlg;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CIDEr-D (Vedantam et al. 2015) as coco-caption's {@code CiderScorer}: TF-IDF vectors of 1..4
 * grams with document frequencies over the corpus's reference sets and
 * {@code idf = log(segments) - log(max(1, df))}; per order the cosine with each reference where
 * the hypothesis weights are clipped to the reference's ({@code min(h, r) r}), times the length
 * penalty {@code exp(-(delta^2) / (2 sigma^2))}, sigma = 6, delta = the difference of the
 * bigram counts as in the toolkit; the mean over orders and references, times 10; the corpus
 * score is the mean over segments. The idf depends on the whole corpus, so scores of a segment
 * change with the other segments, as in the toolkit.
 */
public final class CiderD {
    private static final int N = 4;
    private static final double SIGMA = 6.0;

    private CiderD() {
    }

    /** Scores a tokenised corpus. */
    public static CorpusScore corpus(List<List<String>> hypotheses, List<List<List<String>>> references) {
        NlgInputs.check(hypotheses, references);
        int segments = hypotheses.size();
        Map<String, Integer> df = new HashMap<>();
        List<List<List<Map<String, Integer>>>> refCounts = new ArrayList<>();
        for (List<List<String>> refs : references) {
            Set<String> seen = new HashSet<>();
            List<List<Map<String, Integer>>> perRef = new ArrayList<>();
            for (List<String> r : refs) {
                List<Map<String, Integer>> c = counts(r);
                perRef.add(c);
                for (Map<String, Integer> m : c) {
                    seen.addAll(m.keySet());
                }
            }
            refCounts.add(perRef);
            for (String g : seen) {
                df.merge(g, 1, Integer::sum);
            }
        }
        double refLen = Math.log(segments);
        double[] per = new double[segments];
        for (int s = 0; s < segments; s++) {
            Vector hyp = new Vector(counts(hypotheses.get(s)), df, refLen);
            double[] score = new double[N];
            for (List<Map<String, Integer>> ref : refCounts.get(s)) {
                Vector r = new Vector(ref, df, refLen);
                double penalty = Math.exp(-Math.pow(hyp.length - r.length, 2) / (2 * SIGMA * SIGMA));
                for (int n = 0; n < N; n++) {
                    double val = 0;
                    for (Map.Entry<String, Double> e : hyp.weights.get(n).entrySet()) {
                        double rv = r.weights.get(n).getOrDefault(e.getKey(), 0.0);
                        val += Math.min(e.getValue(), rv) * rv;
                    }
                    if (hyp.norm[n] != 0 && r.norm[n] != 0) {
                        val /= hyp.norm[n] * r.norm[n];
                    }
                    score[n] += val * penalty;
                }
            }
            double mean = 0;
            for (double v : score) {
                mean += v;
            }
            per[s] = mean / N / refCounts.get(s).size() * 10.0;
        }
        return CorpusScore.mean(per);
    }

    private static List<Map<String, Integer>> counts(List<String> tokens) {
        List<Map<String, Integer>> c = new ArrayList<>(N);
        for (int n = 1; n <= N; n++) {
            c.add(NGrams.count(tokens, n));
        }
        return c;
    }

    /** TF-IDF weights per order, their norms, and the bigram count the toolkit calls length. */
    private static final class Vector {
        final List<Map<String, Double>> weights = new ArrayList<>(N);
        final double[] norm = new double[N];
        final int length;

        Vector(List<Map<String, Integer>> counts, Map<String, Integer> df, double refLen) {
            for (int n = 0; n < N; n++) {
                Map<String, Double> w = new HashMap<>();
                double sq = 0;
                for (Map.Entry<String, Integer> e : counts.get(n).entrySet()) {
                    double idf = refLen - Math.log(Math.max(1.0, df.getOrDefault(e.getKey(), 0)));
                    double v = e.getValue() * idf;
                    w.put(e.getKey(), v);
                    sq += v * v;
                }
                weights.add(w);
                norm[n] = Math.sqrt(sq);
            }
            int bigrams = 0;
            for (int c : counts.get(1).values()) {
                bigrams += c;
            }
            length = bigrams;
        }
    }
}
