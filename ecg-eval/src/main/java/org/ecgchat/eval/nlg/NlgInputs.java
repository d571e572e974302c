package org.ecgchat.eval.nlg;

import java.util.List;
import org.ecgchat.eval.EvalInputException;

/** Shared validation of a hypothesis/references corpus. */
final class NlgInputs {
    private NlgInputs() {
    }

    static void check(List<List<String>> hypotheses, List<List<List<String>>> references) {
        if (hypotheses.isEmpty()) {
            throw new EvalInputException("no segments: the hypothesis list is empty");
        }
        if (hypotheses.size() != references.size()) {
            throw new EvalInputException(hypotheses.size() + " hypotheses but " + references.size()
                    + " reference sets");
        }
        for (int s = 0; s < hypotheses.size(); s++) {
            if (hypotheses.get(s) == null) {
                throw new EvalInputException("hypothesis " + s + " is missing");
            }
            List<List<String>> refs = references.get(s);
            if (refs == null || refs.isEmpty()) {
                throw new EvalInputException("segment " + s + " has no reference");
            }
            for (List<String> r : refs) {
                if (r == null) {
                    throw new EvalInputException("segment " + s + " has a missing reference");
                }
            }
        }
    }
}
