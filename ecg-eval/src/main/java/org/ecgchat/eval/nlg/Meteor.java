package org.ecgchat.eval.nlg;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * METEOR (Lavie and Agarwal 2007) as NLTK's {@code meteor_score}: words aligned in three
 * stages, exact match, then stem match ({@link Stemmer}), then synonym match
 * ({@link SynonymSource}, applied to the stemmed forms as NLTK does), each stage greedily pairing the last unmatched hypothesis word with
 * the last equal unmatched reference word; {@code P = m / |h|}, {@code R = m / |r|},
 * {@code Fmean = P R / (alpha P + (1 - alpha) R)}, penalty {@code gamma (chunks / m)^beta},
 * score {@code (1 - penalty) Fmean}, the best over references; the corpus score is the mean over
 * segments.
 *
 * <p>Not the METEOR 1.5 jar that coco-caption runs: that one adds paraphrase tables,
 * function-word weighting, other parameters and its own corpus aggregation, so its numbers differ.
 *
 * @param alpha     precision weight (0.9)
 * @param beta      fragmentation exponent (3)
 * @param gamma     fragmentation weight (0.5)
 * @param stemmer   stem module; null disables it
 * @param synonyms  synonym module
 */
public record Meteor(double alpha, double beta, double gamma, Stemmer stemmer, SynonymSource synonyms) {

    /** NLTK's parameters with exact and Porter stem matching, no synonyms. */
    public static Meteor exactAndStem() {
        return new Meteor(0.9, 3.0, 0.5, Stemmer.PORTER, SynonymSource.NONE);
    }

    /** The same parameters with a synonym module. */
    public Meteor withSynonyms(SynonymSource source) {
        return new Meteor(alpha, beta, gamma, stemmer, source);
    }

    /** Mean METEOR over segments. */
    public CorpusScore corpus(List<List<String>> hypotheses, List<List<List<String>>> references) {
        NlgInputs.check(hypotheses, references);
        double[] per = new double[hypotheses.size()];
        for (int s = 0; s < per.length; s++) {
            per[s] = segment(hypotheses.get(s), references.get(s));
        }
        return CorpusScore.mean(per);
    }

    /** Best score of one hypothesis over its references. */
    public double segment(List<String> hypothesis, List<List<String>> references) {
        double best = 0;
        for (List<String> r : references) {
            best = Math.max(best, single(hypothesis, r));
        }
        return best;
    }

    /** Score of one hypothesis against one reference. */
    public double single(List<String> hypothesis, List<String> reference) {
        List<Word> hyp = enumerate(hypothesis);
        List<Word> ref = enumerate(reference);
        int hypLen = hyp.size();
        int refLen = ref.size();
        List<int[]> matches = new ArrayList<>();
        align(hyp, ref, matches, Word::text, (h, r) -> h.equals(r));
        if (stemmer != null) {
            for (Word w : hyp) {
                w.text = stemmer.stem(w.text);
            }
            for (Word w : ref) {
                w.text = stemmer.stem(w.text);
            }
            align(hyp, ref, matches, Word::text, (h, r) -> h.equals(r));
        }
        // as NLTK, the synonym stage sees the stemmed forms left over by the stem stage
        align(hyp, ref, matches, Word::text, (h, r) -> h.equals(r) || synonyms.synonyms(h).contains(r));
        int m = matches.size();
        if (m == 0 || hypLen == 0 || refLen == 0) {
            return 0.0;
        }
        double precision = (double) m / hypLen;
        double recall = (double) m / refLen;
        double fmean = precision * recall / (alpha * precision + (1 - alpha) * recall);
        matches.sort(Comparator.comparingInt(a -> a[0]));
        int chunks = 1;
        for (int i = 0; i + 1 < m; i++) {
            if (!(matches.get(i + 1)[0] == matches.get(i)[0] + 1 && matches.get(i + 1)[1] == matches.get(i)[1] + 1)) {
                chunks++;
            }
        }
        double penalty = gamma * Math.pow((double) chunks / m, beta);
        return (1 - penalty) * fmean;
    }

    /**
     * One stage: for hypothesis words from last to first, the last unmatched reference word that
     * matches; both leave the unmatched lists (NLTK's {@code _match_enums}).
     */
    private static void align(List<Word> hyp, List<Word> ref, List<int[]> matches,
                              java.util.function.Function<Word, String> key,
                              java.util.function.BiPredicate<String, String> same) {
        for (int i = hyp.size() - 1; i >= 0; i--) {
            String h = key.apply(hyp.get(i));
            for (int j = ref.size() - 1; j >= 0; j--) {
                if (same.test(h, key.apply(ref.get(j)))) {
                    matches.add(new int[] {hyp.get(i).index, ref.get(j).index});
                    hyp.remove(i);
                    ref.remove(j);
                    break;
                }
            }
        }
    }

    private static List<Word> enumerate(List<String> tokens) {
        List<Word> l = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            l.add(new Word(i, tokens.get(i).toLowerCase(Locale.ROOT)));
        }
        return l;
    }

    /** A word with its position and current (lower-case, possibly stemmed) form. */
    private static final class Word {
        final int index;
        String text;

        Word(int index, String text) {
            this.index = index;
            this.text = text;
        }

        String text() {
            return text;
        }
    }
}
