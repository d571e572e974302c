package org.ecgchat.coca.retrieval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.ecgchat.io.AtomicFiles;
import org.ecgchat.nn.checkpoint.CheckpointFormatException;
import org.ecgchat.nn.checkpoint.Safetensors;
import org.ecgchat.nn.checkpoint.SafetensorsFile;
import org.ecgchat.nn.checkpoint.StateDict;
import org.ecgchat.nn.checkpoint.TensorDType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A searchable set of L2-normalised embeddings with an id and a text per item: report embeddings
 * (ECG → report retrieval) or ECG embeddings (report → ECG retrieval). {@link #search} is exact
 * cosine top-k. Saved as two files beside each other: {@code NAME.safetensors} (tensor
 * {@code embeddings [items, dim]}, F32) and {@code NAME.json} (kind, ids, texts); a random key
 * written to both detects a pair that does not belong together. Immutable and thread-safe.
 */
public final class EmbeddingIndex {

    /** What the items are. */
    public enum Kind {
        /** Report texts embedded by the text tower. */
        REPORTS,
        /** ECG records embedded by the ECG tower. */
        ECGS;

        String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final String FORMAT = "ecg-chat-embedding-index";
    private static final String TENSOR = "embeddings";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Kind kind;
    private final List<String> ids;
    private final List<String> texts;
    private final INDArray embeddings;

    private EmbeddingIndex(Kind kind, List<String> ids, List<String> texts, INDArray embeddings) {
        this.kind = kind;
        this.ids = ids;
        this.texts = texts;
        this.embeddings = embeddings;
    }

    /**
     * An index of {@code embeddings [items, dim]} (any floating type; copied, rows L2-normalised)
     * with one id and one text per row.
     *
     * @throws IllegalArgumentException on mismatched sizes, non-finite values or a zero row
     */
    public static EmbeddingIndex of(Kind kind, List<String> ids, List<String> texts, INDArray embeddings) {
        Objects.requireNonNull(kind, "kind");
        List<String> idList = List.copyOf(ids);
        List<String> textList = List.copyOf(texts);
        if (embeddings.rank() != 2 || embeddings.rows() == 0 || embeddings.columns() == 0) {
            throw new IllegalArgumentException("embeddings must be a non-empty matrix [items, dim], got shape "
                    + Arrays.toString(embeddings.shape()));
        }
        if (idList.size() != embeddings.rows() || textList.size() != embeddings.rows()) {
            throw new IllegalArgumentException(embeddings.rows() + " embeddings but " + idList.size() + " ids and "
                    + textList.size() + " texts");
        }
        return new EmbeddingIndex(kind, idList, textList, normalizedRows("embeddings", embeddings));
    }

    /** Kind of the items. */
    public Kind kind() {
        return kind;
    }

    /** Number of items. */
    public int size() {
        return ids.size();
    }

    /** Length of each embedding. */
    public int dimension() {
        return (int) embeddings.columns();
    }

    public List<String> ids() {
        return ids;
    }

    public List<String> texts() {
        return texts;
    }

    /** The L2-normalised embeddings {@code [items, dim]} (FLOAT; a copy). */
    public INDArray embeddings() {
        return embeddings.dup();
    }

    /**
     * The {@code k} items most similar (cosine) to each of {@code queries [Q, dim]}, best first;
     * fewer when the index holds fewer. The queries need not be normalised.
     */
    public List<List<Match>> search(INDArray queries, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        if (queries.rank() != 2 || queries.columns() != dimension() || queries.rows() == 0) {
            throw new IllegalArgumentException("queries have shape " + Arrays.toString(queries.shape())
                    + ", expected [Q, " + dimension() + "]");
        }
        TopK.Result r = TopK.search(normalizedRows("queries", queries), embeddings, k);
        List<List<Match>> all = new ArrayList<>(r.indices().length);
        for (int q = 0; q < r.indices().length; q++) {
            List<Match> matches = new ArrayList<>(r.indices()[q].length);
            for (int j = 0; j < r.indices()[q].length; j++) {
                int i = r.indices()[q][j];
                matches.add(new Match(i, ids.get(i), texts.get(i), r.scores()[q][j]));
            }
            all.add(List.copyOf(matches));
        }
        return List.copyOf(all);
    }

    /**
     * Writes {@code NAME.safetensors} and {@code NAME.json} for {@code file} = {@code NAME.json} (or
     * {@code NAME}), each atomically; the JSON goes last, so a reader never sees new items over old
     * embeddings unnoticed.
     */
    public void save(Path file) throws IOException {
        Path json = jsonPath(file);
        Path tensors = tensorsPath(json);
        String key = UUID.randomUUID().toString();
        Safetensors.write(tensors, StateDict.of(tensors.toString(), Map.of(TENSOR, embeddings)), Map.of("key", key));
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        root.put("kind", kind.jsonName());
        root.put("count", size());
        root.put("dimension", dimension());
        root.put("embeddings", tensors.getFileName().toString());
        root.put("key", key);
        ArrayNode items = root.putArray("items");
        for (int i = 0; i < size(); i++) {
            items.addObject().put("id", ids.get(i)).put("text", texts.get(i));
        }
        AtomicFiles.write(json, JSON.writeValueAsBytes(root));
    }

    /** Reads an index written by {@link #save} ({@code NAME.json} or {@code NAME}). */
    public static EmbeddingIndex load(Path file) throws IOException {
        Path json = jsonPath(file);
        JsonNode root;
        try {
            root = JSON.readTree(json.toFile());
        } catch (JsonProcessingException e) {
            throw new CheckpointFormatException(json + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (java.io.FileNotFoundException e) {
            throw new NoSuchFileException(json.toString(), null, "no index file");
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new CheckpointFormatException(json + ": not an embedding index (\"format\" must be \"" + FORMAT + "\")");
        }
        Kind kind = kindOf(json, root.path("kind").asText());
        int count = intField(json, root, "count");
        int dimension = intField(json, root, "dimension");
        JsonNode items = root.path("items");
        if (!items.isArray() || items.size() != count) {
            throw new CheckpointFormatException(json + ": \"items\" must be an array of " + count + " {id, text} objects");
        }
        List<String> ids = new ArrayList<>(count);
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            JsonNode item = items.get(i);
            if (!item.path("id").isTextual() || !item.path("text").isTextual()) {
                throw new CheckpointFormatException(json + ": items[" + i + "] needs string fields \"id\" and \"text\"");
            }
            ids.add(item.get("id").asText());
            texts.add(item.get("text").asText());
        }
        Path tensors = json.resolveSibling(root.path("embeddings").asText(""));
        INDArray embeddings;
        try (SafetensorsFile f = SafetensorsFile.open(tensors)) {
            SafetensorsFile.Entry e = f.entries().get(TENSOR);
            if (e == null || e.dtype() != TensorDType.F32 || !Arrays.equals(e.shape(), new long[] {count, dimension})) {
                throw new CheckpointFormatException(tensors + ": expected tensor '" + TENSOR + "' F32 [" + count + ", "
                        + dimension + "] as " + json + " says, found " + (e == null ? "none" : e));
            }
            if (!root.path("key").asText().equals(f.metadata().get("key"))) {
                throw new CheckpointFormatException(tensors + " does not belong to " + json + " (their keys differ)");
            }
            embeddings = f.read(TENSOR);
        }
        // stored normalised: checked, not normalised again (that would move the last bits)
        float[] values = embeddings.dup('c').data().asFloat();
        for (int r = 0; r < count; r++) {
            double sum = 0;
            for (int c = 0; c < dimension; c++) {
                float v = values[r * dimension + c];
                if (!Float.isFinite(v)) {
                    throw new CheckpointFormatException(tensors + ": embeddings[" + r + "][" + c + "] is " + v);
                }
                sum += (double) v * v;
            }
            if (Math.abs(Math.sqrt(sum) - 1) > 1e-3) {
                throw new CheckpointFormatException(tensors + ": embeddings[" + r + "] has norm " + Math.sqrt(sum)
                        + ", expected the unit vectors the index stores");
            }
        }
        return new EmbeddingIndex(kind, List.copyOf(ids), List.copyOf(texts), embeddings);
    }

    private static Kind kindOf(Path json, String name) {
        for (Kind k : Kind.values()) {
            if (k.jsonName().equals(name)) {
                return k;
            }
        }
        throw new CheckpointFormatException(json + ": \"kind\" is '" + name + "', expected reports or ecgs");
    }

    private static int intField(Path json, JsonNode root, String field) {
        JsonNode n = root.path(field);
        if (!n.canConvertToInt() || n.asInt() < 1) {
            throw new CheckpointFormatException(json + ": \"" + field + "\" must be a positive integer, was " + n);
        }
        return n.asInt();
    }

    private static Path jsonPath(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") ? file : file.resolveSibling(name + ".json");
    }

    private static Path tensorsPath(Path json) {
        String name = json.getFileName().toString();
        return json.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".safetensors");
    }

    /** A FLOAT copy with unit rows; non-finite values and zero rows are refused. */
    private static INDArray normalizedRows(String what, INDArray m) {
        INDArray f = m.castTo(DataType.FLOAT).dup('c');
        float[] values = f.data().asFloat();
        int dim = (int) f.columns();
        for (int r = 0; r < f.rows(); r++) {
            double sum = 0;
            for (int c = 0; c < dim; c++) {
                float v = values[r * dim + c];
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException(what + "[" + r + "][" + c + "] is " + v + ": expected a finite number");
                }
                sum += (double) v * v;
            }
            if (sum == 0) {
                throw new IllegalArgumentException(what + "[" + r + "] is the zero vector: it has no direction");
            }
            float inv = (float) (1 / Math.sqrt(sum));
            for (int c = 0; c < dim; c++) {
                values[r * dim + c] *= inv;
            }
        }
        return Nd4j.create(values, f.shape(), 'c');
    }
}
