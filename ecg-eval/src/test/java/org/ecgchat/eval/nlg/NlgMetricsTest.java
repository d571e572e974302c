package org.ecgchat.eval.nlg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecgchat.eval.EvalInputException;
import org.junit.jupiter.api.Test;

/**
 * Report-generation metrics against published and independently computed values.
 *
 * <p>BLEU: the examples of NLTK's {@code bleu_score} docstrings (published prefixes 0.5045...,
 * 0.5920..., 0.3920..., 0.0370..., 0.4118..., 0.2635971381157267); full digits from a stdlib
 * Python re-implementation of NLTK's {@code corpus_bleu}, whose output agrees with every
 * published prefix. METEOR: NLTK's docstring example (0.6944 with exact+stem matching; 0.7398 in
 * the NLTK versions whose WordNet matched "always"/"forever") and NLTK's unit test (0.9921875),
 * worked exactly as fractions: 12 matches, 6 chunks give 25/36, 13 matches, 7 chunks give
 * 20255/27378. ROUGE-L and CIDEr-D: a stdlib Python re-implementation of coco-caption's
 * {@code Rouge} and {@code CiderScorer} code on the corpus below; ROUGE-L of segment 2 is also
 * worked by hand (LCS 6 of 6 and 9 tokens: 2.44 * 2/3 / (2/3 + 1.44) = 0.772151898...).
 */
class NlgMetricsTest {
    static final List<String> HYP1 = words("It is a guide to action which ensures that the military always obeys the commands of the party");
    static final List<String> HYP2 = words("It is to insure the troops forever hearing the activity guidebook that party direct");
    static final List<String> REF1 = words("It is a guide to action that ensures that the military will forever heed Party commands");
    static final List<String> REF2 = words("It is the guiding principle which guarantees the military forces always being under the command of the Party");
    static final List<String> REF3 = words("It is the practical guide for the army always to heed the directions of the party");
    static final List<String> H2 = words("he read the book because he was interested in world history");
    static final List<String> R2A = words("he was interested in world history because he read the book");

    static final List<List<String>> CORPUS_HYP = List.of(
            words("sinus rhythm with left axis deviation possible lateral infarct"),
            words("atrial fibrillation with rapid ventricular response"),
            words("normal ecg sinus rhythm"));
    static final List<List<List<String>>> CORPUS_REF = List.of(
            List.of(words("sinus rhythm left axis deviation abnormal ecg"), words("sinus rhythm with left axis deviation")),
            List.of(words("atrial fibrillation with rapid ventricular response nonspecific st changes")),
            List.of(words("sinus rhythm normal ecg"), words("normal ecg")));

    @Test
    void bleuMatchesNltkExamples() {
        List<List<List<String>>> three = List.of(List.of(REF1, REF2, REF3));
        assertThat(Bleu.corpus(List.of(HYP1), three, 4, Smoothing.NONE).bleu(4)).isCloseTo(0.5045666840058485, within(1e-9));
        assertThat(Bleu.corpus(List.of(HYP1), three, 5, Smoothing.NONE).bleu(5)).isCloseTo(0.39202634084155785, within(1e-9));
        assertThat(Bleu.corpus(List.of(HYP2), three, 4, Smoothing.NONE).bleu(4)).isEqualTo(0.0);
        assertThat(Bleu.corpus(List.of(HYP2), three, 4, Smoothing.floor(0.1)).bleu(4)).isCloseTo(0.03703131191121491, within(1e-9));
        assertThat(Bleu.corpus(List.of(HYP1, H2), List.of(List.of(REF1, REF2, REF3), List.of(R2A)), 4, Smoothing.NONE)
                .bleu(4)).isCloseTo(0.5920778868801042, within(1e-9));
        List<List<List<String>>> one = List.of(List.of(REF1));
        assertThat(Bleu.corpus(List.of(HYP1), one, 4, Smoothing.NONE).bleu(4)).isCloseTo(0.41180376356915777, within(1e-9));
        assertThat(Bleu.corpus(List.of(HYP1), one, 4, Smoothing.floor(0.1)).bleu(4)).isCloseTo(0.41180376356915777, within(1e-9));
        assertThat(Bleu.corpus(List.of(HYP1), one, 4, Smoothing.EXPONENTIAL).bleu(4)).isCloseTo(0.41180376356915777, within(1e-9));
        // add-one for n >= 2 (sacreBLEU add-k, current NLTK method2); NLTK's older method2 also
        // smoothed unigrams, which gives its docstring's 0.4489...
        assertThat(Bleu.corpus(List.of(HYP1), one, 4, Smoothing.addK(1)).bleu(4)).isCloseTo(0.4452945001507636, within(1e-9));
    }

    @Test
    void brevityPenaltyAndClosestReferenceLength() {
        List<String> a12 = Arrays.asList(new String[12]).stream().map(x -> "a").toList();
        Bleu.Result r = Bleu.corpus(List.of(a12), List.of(List.of(repeat(28), repeat(28))), 1, Smoothing.NONE);
        assertThat(r.brevityPenalty()).isCloseTo(0.2635971381157267, within(1e-15));
        // equidistant references 13 and 11: the shorter wins, so no penalty for 12 tokens
        assertThat(Bleu.closestReferenceLength(List.of(repeat(13), repeat(11)), 12)).isEqualTo(11);
        assertThat(Bleu.closestReferenceLength(List.of(repeat(11), repeat(8)), 7)).isEqualTo(8);
    }

    @Test
    void cocoBleuRougeCiderOnAReportCorpus() {
        Bleu.Result b = Bleu.corpus(CORPUS_HYP, CORPUS_REF, 4, Smoothing.COCO);
        assertThat(b.bleu()).containsExactly(new double[] {0.7989300883507965, 0.7539737365468732, 0.6923629540570851,
                0.6592858855654959}, within(1e-9));
        CorpusScore rouge = RougeL.corpus(CORPUS_HYP, CORPUS_REF);
        assertThat(rouge.segments()).containsExactly(new double[] {0.8299319727891156, 0.7721518987341772,
                0.7093023255813954}, within(1e-12));
        assertThat(rouge.score()).isCloseTo(0.7704620657015627, within(1e-12));
        CorpusScore cider = CiderD.corpus(CORPUS_HYP, CORPUS_REF);
        assertThat(cider.segments()).containsExactly(new double[] {4.603316102557295, 6.724924778946834,
                3.7858450957093814}, within(1e-9));
        assertThat(cider.score()).isCloseTo(5.038028659071171, within(1e-9));
    }

    @Test
    void meteorMatchesNltk() {
        Meteor m = Meteor.exactAndStem();
        assertThat(m.single(HYP1, REF1)).isCloseTo(25.0 / 36, within(1e-12));
        // the synonym stage sees stems, so the table is keyed by them
        Meteor withSyn = m.withSynonyms(SynonymSource.of(
                Map.of(Stemmer.PORTER.stem("always"), Set.of(Stemmer.PORTER.stem("forever")))));
        assertThat(withSyn.single(HYP1, REF1)).isCloseTo(20255.0 / 27378, within(1e-12));
        assertThat(m.segment(words("THIS Is a tEST"), List.of(words("this is a test"), words("this istest"))))
                .isEqualTo(0.9921875);
        assertThat(m.single(words("non matching hypothesis"), words("this is a cat"))).isEqualTo(0.0);
        // stem matching only: 2 matches in 1 chunk, P = R = 1, penalty 0.5 (1/2)^3 = 0.0625
        assertThat(m.single(words("rhythms changes"), words("rhythm change"))).isEqualTo(0.9375);
        assertThat(new Meteor(0.9, 3, 0.5, null, SynonymSource.NONE).single(words("rhythms changes"),
                words("rhythm change"))).isEqualTo(0.0);
    }

    @Test
    void ptbTokenizationAsCocoCaption() {
        assertThat(PtbTokenizer.tokenizeToString("Sinus rhythm. Left axis deviation, possible inferior infarct."))
                .isEqualTo("sinus rhythm left axis deviation possible inferior infarct");
        assertThat(PtbTokenizer.tokenizeToString("RR: 934 PR: 153 QRS: 154 QT/QTc: 472/488 P/R/T Wave: 2336/2419/2384"))
                .isEqualTo("rr 934 pr 153 qrs 154 qt\\/qtc 472\\/488 p\\/r\\/t wave 2336\\/2419\\/2384");
        assertThat(PtbTokenizer.tokenizeToString("Don't miss the patient's ST-T changes in V1-V3; 50% e.g. 1,000 0.12 s"))
                .isEqualTo("do n't miss the patient 's st-t changes in v1-v3 50 % e.g. 1,000 0.12 s");
        assertThat(PtbTokenizer.tokenizeToString("\"Normal\" ECG... cannot rule out infarct -- age undetermined (old)"))
                .isEqualTo("normal ecg can not rule out infarct age undetermined -lrb- old -rrb-");
    }

    @Test
    void evaluatorTokenizesAndCombines() {
        NlgScores s = NlgEvaluator.defaults().evaluate(
                List.of("Sinus rhythm with left axis deviation, possible lateral infarct.",
                        "Atrial fibrillation with rapid ventricular response.", "Normal ECG; sinus rhythm."),
                List.of(List.of("Sinus rhythm. Left axis deviation. Abnormal ECG.", "Sinus rhythm with left axis deviation"),
                        List.of("Atrial fibrillation with rapid ventricular response, nonspecific ST changes."),
                        List.of("Sinus rhythm, normal ECG.", "Normal ECG")));
        assertThat(s.bleu(4)).isCloseTo(0.6592858855654959, within(1e-9));
        assertThat(s.rougeL()).isCloseTo(0.7704620657015627, within(1e-12));
        assertThat(s.ciderD()).isCloseTo(5.038028659071171, within(1e-9));
        assertThat(s.meteor()).isEqualTo(Meteor.exactAndStem().corpus(CORPUS_HYP, CORPUS_REF).score());
        assertThatThrownBy(() -> NlgEvaluator.defaults().evaluate(List.of("a"), List.of()))
                .isInstanceOf(EvalInputException.class).hasMessageContaining("1 generated reports but 0 reference sets");
        assertThatThrownBy(() -> NlgEvaluator.defaults().evaluate(List.of("a"), List.of(List.of())))
                .isInstanceOf(EvalInputException.class).hasMessageContaining("no reference");
    }

    static List<String> words(String s) {
        return List.of(s.split(" "));
    }

    static List<String> repeat(int n) {
        return java.util.Collections.nCopies(n, "a");
    }
}
