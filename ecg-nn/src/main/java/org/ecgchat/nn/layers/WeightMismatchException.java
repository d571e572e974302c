package org.ecgchat.nn.layers;

import java.util.List;
import org.ecgchat.nn.checkpoint.CheckpointFormatException;

/**
 * The weights offered to a model do not fit its architecture: a tensor is missing, has another
 * shape or a non-floating dtype, or is not part of the model. The message names every offending
 * tensor with the expected and the actual shape, not just the first.
 */
public class WeightMismatchException extends CheckpointFormatException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public WeightMismatchException(String source, List<String> problems) {
        super(source + " does not fit the model (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n  " + String.join("\n  ", limit(problems)));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, one sentence each. */
    public List<String> problems() {
        return problems;
    }

    private static List<String> limit(List<String> problems) {
        if (problems.size() <= 20) {
            return problems;
        }
        var shown = new java.util.ArrayList<>(problems.subList(0, 20));
        shown.add("... and " + (problems.size() - 20) + " more; so many usually mean the configuration describes"
                + " another architecture than the weights");
        return shown;
    }
}
