package org.ecgchat.io.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecgchat.io.EcgIoException;

/**
 * The zero-shot label sets of ECG-Chat ({@code zero_shot_classes.json}): an object from set name
 * ({@code ptbxl_super_class}, {@code ptbxl_sub_class}, {@code ptbxl_form}, {@code ptbxl_rhythm},
 * {@code cpsc2018}) to its ordered labels. Keys starting with {@code _} are comments.
 */
public final class LabelSets {
    private final Path source;
    private final Map<String, LabelSet> sets;

    private LabelSets(Path source, Map<String, LabelSet> sets) {
        this.source = source;
        this.sets = sets;
    }

    /** Reads a label-set file; errors name the file and the offending set. */
    public static LabelSets read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new EcgIoException(file, "label-set file not found", e);
        } catch (JsonProcessingException e) {
            throw new DatasetFormatException(file, "line " + e.getLocation().getLineNr(),
                    "not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new DatasetFormatException(file, "", "expected a JSON object from set name to a list of labels");
        }
        Map<String, LabelSet> sets = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("_")) {
                continue;
            }
            if (!e.getValue().isArray()) {
                throw new DatasetFormatException(file, "set " + e.getKey(), "expected a list of labels");
            }
            List<String> labels = new ArrayList<>();
            for (JsonNode l : e.getValue()) {
                if (!l.isTextual()) {
                    throw new DatasetFormatException(file, "set " + e.getKey(), "label " + l + " is not a string");
                }
                labels.add(l.asText());
            }
            try {
                sets.put(e.getKey(), new LabelSet(e.getKey(), labels));
            } catch (IllegalArgumentException dup) {
                throw new DatasetFormatException(file, "set " + e.getKey(), dup.getMessage());
            }
        }
        return new LabelSets(file, sets);
    }

    /** The set names, in file order. */
    public Set<String> names() {
        return sets.keySet();
    }

    /**
     * One set by name.
     *
     * @throws IllegalArgumentException naming the file and the known sets if there is no such set
     */
    public LabelSet get(String name) {
        LabelSet s = sets.get(name);
        if (s == null) {
            throw new IllegalArgumentException(source + ": no label set '" + name + "' (known: " + sets.keySet() + ")");
        }
        return s;
    }
}
