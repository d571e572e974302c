package org.ecgchat.eval.zeroshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecgchat.eval.EvalInputException;

/**
 * The CKEPE prompt set ("class knowledge enhanced prompt", {@code CKEPE_prompt.json}): a JSON
 * object from label key to a descriptive text. The key of a label is the label with every
 * {@code "_"} and {@code "(s)"} removed, exactly as the original ({@code "NST_"} becomes
 * {@code "NST"}; {@code "PRC(S)"} keeps its upper-case suffix and is its own key).
 */
public final class CkepePrompts {
    private final Map<String, String> prompts;
    private final String source;

    private CkepePrompts(Map<String, String> prompts, String source) {
        this.prompts = Map.copyOf(prompts);
        this.source = source;
    }

    /** Reads a prompt file. */
    public static CkepePrompts load(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new EvalInputException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        return fromJson(root, file.toString());
    }

    /** From an already parsed JSON object ({@code source} names it in errors). */
    public static CkepePrompts fromJson(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new EvalInputException(source + ": expected a JSON object from label key to prompt text");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new EvalInputException(source + ": prompt of '" + e.getKey() + "' is "
                        + e.getValue().getNodeType() + ", expected a string");
            }
            m.put(e.getKey(), e.getValue().asText());
        }
        return new CkepePrompts(m, source);
    }

    /** The lookup key of a label: {@code _} and {@code (s)} removed. */
    public static String key(String label) {
        return label.replace("_", "").replace("(s)", "");
    }

    /** The prompt of a label. */
    public String promptFor(String label) {
        String k = key(label);
        String p = prompts.get(k);
        if (p == null) {
            throw new EvalInputException(source + ": no prompt for label '" + label + "' (key '" + k + "')");
        }
        return p;
    }

    /** The prompts of several labels, in order. */
    public List<String> promptsFor(List<String> labels) {
        return labels.stream().map(this::promptFor).toList();
    }

    /** All keys and prompts. */
    public Map<String, String> asMap() {
        return prompts;
    }
}
