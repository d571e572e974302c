package org.ecgchat.io.dataset;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * An ordered set of class labels, e.g. {@code ptbxl_form} or {@code cpsc2018} from
 * {@code zero_shot_classes.json}: the order is the order of the label vector's columns and of the
 * model's score columns.
 *
 * @param name   the set's name, e.g. {@code "cpsc2018"}
 * @param labels the labels in column order, distinct
 */
public record LabelSet(String name, List<String> labels) {

    /** The set of a dataset that carries no class labels (reports only). */
    public static final LabelSet NONE = new LabelSet("none", List.of());

    public LabelSet {
        Objects.requireNonNull(name, "name");
        labels = List.copyOf(labels);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            Integer before = seen.put(labels.get(i), i);
            if (before != null) {
                throw new IllegalArgumentException("label set " + name + " lists '" + labels.get(i)
                        + "' twice (positions " + before + " and " + i + ")");
            }
        }
    }

    /** A set of the given labels. */
    public static LabelSet of(String name, String... labels) {
        return new LabelSet(name, List.of(labels));
    }

    /** Number of labels (columns of the label vector). */
    public int size() {
        return labels.size();
    }

    /** The column of a label, if the set has it. */
    public OptionalInt indexOf(String label) {
        int i = labels.indexOf(label);
        return i < 0 ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /** Whether the set has the label. */
    public boolean contains(String label) {
        return labels.contains(label);
    }
}
