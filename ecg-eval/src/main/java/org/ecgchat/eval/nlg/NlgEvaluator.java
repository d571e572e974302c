package org.ecgchat.eval.nlg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ecgchat.eval.EvalInputException;

/**
 * Scores generated reports against reference reports with BLEU-1..4, METEOR, ROUGE-L and
 * CIDEr-D, after coco-caption's tokenisation.
 *
 * @param smoothing BLEU smoothing ({@link Smoothing#COCO} reproduces coco-caption)
 * @param meteor    METEOR settings
 * @param tokenize  apply {@link PtbTokenizer}; otherwise texts are split on whitespace as they are
 */
public record NlgEvaluator(Smoothing smoothing, Meteor meteor, boolean tokenize) {

    /** coco-caption BLEU, exact+stem METEOR, PTB tokenisation. */
    public static NlgEvaluator defaults() {
        return new NlgEvaluator(Smoothing.COCO, Meteor.exactAndStem(), true);
    }

    /**
     * Scores a corpus.
     *
     * @param hypotheses one generated report per sample
     * @param references one or more reference reports per sample
     */
    public NlgScores evaluate(List<String> hypotheses, List<List<String>> references) {
        if (hypotheses.size() != references.size()) {
            throw new EvalInputException(hypotheses.size() + " generated reports but " + references.size()
                    + " reference sets");
        }
        List<List<String>> hyp = new ArrayList<>(hypotheses.size());
        List<List<List<String>>> refs = new ArrayList<>(references.size());
        for (int i = 0; i < hypotheses.size(); i++) {
            String h = hypotheses.get(i);
            if (h == null) {
                throw new EvalInputException("generated report " + i + " is missing");
            }
            hyp.add(tokens(h));
            List<String> r = references.get(i);
            if (r == null || r.isEmpty()) {
                throw new EvalInputException("sample " + i + " has no reference report");
            }
            refs.add(r.stream().map(this::tokens).toList());
        }
        Bleu.Result bleu = Bleu.corpus(hyp, refs, 4, smoothing);
        return new NlgScores(hyp.size(), bleu.bleu().clone(), meteor.corpus(hyp, refs).score(),
                RougeL.corpus(hyp, refs).score(), CiderD.corpus(hyp, refs).score());
    }

    private List<String> tokens(String text) {
        if (text == null) {
            throw new EvalInputException("a reference report is missing");
        }
        return tokenize ? PtbTokenizer.tokenize(text)
                : Arrays.stream(text.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }
}
