package org.ecgchat.io.dataset.instruct;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.ecgchat.io.AtomicFiles;
import org.ecgchat.io.EcgIoException;
import org.ecgchat.io.dataset.DatasetFormatException;

/**
 * ECG-Instruct files: LLaVA's JSON format with an {@code ecg} field, i.e. an array of
 * {@code {"id": ..., "ecg": "relative/record", "conversations": [{"from": "human", "value":
 * "<ecg>\n..."}, {"from": "gpt", "value": "..."}, ...]}}. Read as a stream (one entry in memory
 * at a time for {@link #forEach}) and checked entry by entry; errors name the file, the entry's
 * index and line, and what is wrong.
 *
 * <p>An entry is valid when its {@code id} is a string or number, its {@code ecg} (if present) is
 * a relative path that does not climb out with {@code ..}, its conversation alternates human and
 * gpt starting with human, and the {@code <ecg>} placeholder appears exactly once, in a human
 * message, when there is an ECG (and not at all otherwise). Other entry fields are kept.
 */
public final class EcgInstruct {
    /** The placeholder replaced by the ECG's embeddings. */
    public static final String PLACEHOLDER = "<ecg>";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KNOWN = Set.of("id", "ecg", "conversations");

    private EcgInstruct() {
    }

    /** Reads and checks every entry. */
    public static List<InstructionEntry> read(Path file) throws IOException {
        List<InstructionEntry> out = new ArrayList<>();
        forEach(file, out::add);
        return out;
    }

    /** Streams the entries to {@code action} in file order, checking each. */
    public static void forEach(Path file, Consumer<InstructionEntry> action) throws IOException {
        try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new DatasetFormatException(file, "line " + p.currentLocation().getLineNr(),
                        "expected a JSON array of entries");
            }
            int index = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                String where = "entry " + index + " (line " + p.currentLocation().getLineNr() + ")";
                if (t != JsonToken.START_OBJECT) {
                    throw new DatasetFormatException(file, where, "expected an object, found " + t);
                }
                ObjectNode node = p.readValueAsTree();
                action.accept(entry(node, file, where));
                index++;
            }
        } catch (NoSuchFileException e) {
            throw new EcgIoException(file, "file not found", e);
        } catch (JsonProcessingException e) {
            throw new DatasetFormatException(file, "line " + e.getLocation().getLineNr(), "not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * Writes entries (checked first) atomically, as an indented JSON array.
     *
     * @throws IllegalArgumentException naming the index of the first invalid entry
     */
    public static void write(Path file, List<InstructionEntry> entries) throws IOException {
        for (int i = 0; i < entries.size(); i++) {
            String problem = problem(entries.get(i));
            if (problem != null) {
                throw new IllegalArgumentException("entry " + i + " (id " + entries.get(i).id() + "): " + problem);
            }
        }
        AtomicFiles.write(file, out -> {
            JsonGenerator g = new JsonFactory(JSON).createGenerator(out);
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (InstructionEntry e : entries) {
                g.writeStartObject();
                g.writeStringField("id", e.id());
                if (e.ecg().isPresent()) {
                    g.writeStringField("ecg", e.ecg().get());
                }
                g.writeArrayFieldStart("conversations");
                for (Turn turn : e.conversations()) {
                    g.writeStartObject();
                    g.writeStringField("from", turn.from());
                    g.writeStringField("value", turn.value());
                    g.writeEndObject();
                }
                g.writeEndArray();
                for (Map.Entry<String, JsonNode> x : e.extra().entrySet()) {
                    g.writeFieldName(x.getKey());
                    g.writeTree(x.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeRaw('\n');
            g.flush();
        });
    }

    /** Why an entry is invalid, or null if it is valid. */
    public static String problem(InstructionEntry e) {
        if (e.ecg().isPresent()) {
            String ecg = e.ecg().get();
            if (ecg.isEmpty() || ecg.startsWith("/") || ecg.startsWith("\\") || (ecg.length() > 1 && ecg.charAt(1) == ':')) {
                return "ecg '" + ecg + "' is not a relative record path";
            }
            for (String part : ecg.split("[/\\\\]")) {
                if (part.equals("..")) {
                    return "ecg '" + ecg + "' climbs out of the ECG folder with '..'";
                }
            }
        }
        List<Turn> c = e.conversations();
        if (c.isEmpty()) {
            return "conversations is empty";
        }
        int placeholders = 0;
        for (int i = 0; i < c.size(); i++) {
            Turn t = c.get(i);
            String expected = i % 2 == 0 ? Turn.HUMAN : Turn.GPT;
            if (!t.from().equals(expected)) {
                return "conversations[" + i + "] is from '" + t.from() + "', expected '" + expected
                        + "' (human and gpt alternate, human first)";
            }
            int n = count(t.value());
            if (n > 0 && t.from().equals(Turn.GPT)) {
                return "conversations[" + i + "] (gpt) holds the " + PLACEHOLDER + " placeholder";
            }
            placeholders += n;
        }
        int expected = e.ecg().isPresent() ? 1 : 0;
        if (placeholders != expected) {
            return placeholders + " " + PLACEHOLDER + " placeholders, expected " + expected
                    + (expected == 1 ? " (the entry has an ecg)" : " (the entry has no ecg)");
        }
        return null;
    }

    private static int count(String s) {
        int n = 0;
        for (int i = s.indexOf(PLACEHOLDER); i >= 0; i = s.indexOf(PLACEHOLDER, i + PLACEHOLDER.length())) {
            n++;
        }
        return n;
    }

    private static InstructionEntry entry(ObjectNode node, Path file, String where) throws DatasetFormatException {
        JsonNode id = node.get("id");
        if (id == null || !(id.isTextual() || id.isIntegralNumber())) {
            throw new DatasetFormatException(file, where, "field 'id' must be a string or an integer");
        }
        JsonNode ecg = node.get("ecg");
        if (ecg != null && !ecg.isTextual()) {
            throw new DatasetFormatException(file, where, "field 'ecg' must be a string (a relative record path)");
        }
        JsonNode conv = node.get("conversations");
        if (conv == null || !conv.isArray()) {
            throw new DatasetFormatException(file, where, "field 'conversations' must be an array");
        }
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < conv.size(); i++) {
            JsonNode t = conv.get(i);
            if (!t.isObject() || !t.path("from").isTextual() || !t.path("value").isTextual() || t.size() != 2) {
                throw new DatasetFormatException(file, where, "conversations[" + i
                        + "] must be an object with exactly the string fields 'from' and 'value', found " + t);
            }
            turns.add(new Turn(t.get("from").asText(), t.get("value").asText()));
        }
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!KNOWN.contains(f.getKey())) {
                extra.put(f.getKey(), f.getValue());
            }
        }
        InstructionEntry e = new InstructionEntry(id.asText(), Optional.ofNullable(ecg).map(JsonNode::asText), turns, extra);
        String problem = problem(e);
        if (problem != null) {
            throw new DatasetFormatException(file, where, "id " + e.id() + ": " + problem);
        }
        return e;
    }
}
