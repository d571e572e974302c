package org.ecgchat.eval.zeroshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecgchat.eval.EvalInputException;

/**
 * The zero-shot label sets ({@code zero_shot_classes.json}): set name ({@code ptbxl_super_class},
 * {@code cpsc2018}, ...) to its ordered class labels. Keys starting with {@code _} are comments.
 */
public final class ZeroShotLabelSets {
    private final Map<String, List<String>> sets;
    private final String source;

    private ZeroShotLabelSets(Map<String, List<String>> sets, String source) {
        this.sets = sets;
        this.source = source;
    }

    /** Reads a label-set file. */
    public static ZeroShotLabelSets load(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new EvalInputException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new EvalInputException(file + ": expected a JSON object from set name to a list of labels");
        }
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("_")) {
                continue;
            }
            if (!e.getValue().isArray()) {
                throw new EvalInputException(file + ": set '" + e.getKey() + "' is not a list of labels");
            }
            List<String> labels = new ArrayList<>();
            for (JsonNode l : e.getValue()) {
                if (!l.isTextual()) {
                    throw new EvalInputException(file + ": set '" + e.getKey() + "' holds a non-string label " + l);
                }
                labels.add(l.asText());
            }
            m.put(e.getKey(), List.copyOf(labels));
        }
        return new ZeroShotLabelSets(m, file.toString());
    }

    /** The set names, in file order. */
    public Set<String> names() {
        return sets.keySet();
    }

    /** The labels of one set, in the order of the score columns. */
    public List<String> labels(String set) {
        List<String> l = sets.get(set);
        if (l == null) {
            throw new EvalInputException(source + ": no label set '" + set + "' (known: " + sets.keySet() + ")");
        }
        return l;
    }
}
