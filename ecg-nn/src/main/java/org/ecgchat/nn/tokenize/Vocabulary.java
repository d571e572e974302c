package org.ecgchat.nn.tokenize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The token ↔ id table of a WordPiece model. Immutable and thread-safe.
 */
public final class Vocabulary {
    private final Map<String, Integer> ids;
    private final String[] tokens;

    private Vocabulary(Map<String, Integer> ids, String[] tokens) {
        this.ids = Collections.unmodifiableMap(ids);
        this.tokens = tokens;
    }

    /**
     * A vocabulary from {@code token → id}; ids need not be dense (unused ids decode to nothing).
     *
     * @throws TokenizerFormatException on negative ids or two tokens sharing an id
     */
    public static Vocabulary of(Map<String, Integer> ids, String source) {
        int max = ids.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
        String[] tokens = new String[max + 1];
        for (Map.Entry<String, Integer> e : ids.entrySet()) {
            int id = e.getValue();
            if (id < 0) {
                throw new TokenizerFormatException(source + ": token '" + e.getKey() + "' has negative id " + id);
            }
            if (tokens[id] != null) {
                throw new TokenizerFormatException(source + ": tokens '" + tokens[id] + "' and '" + e.getKey()
                        + "' share id " + id);
            }
            tokens[id] = e.getKey();
        }
        return new Vocabulary(new HashMap<>(ids), tokens);
    }

    /**
     * Reads a BERT {@code vocab.txt}: one token per line, the id is the line number from 0. As in
     * Hugging Face's {@code load_vocab}, only the line break is stripped, and a token listed twice
     * keeps its later id (the earlier line still decodes to it).
     */
    public static Vocabulary fromVocabTxt(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new TokenizerFormatException(file + ": empty vocabulary");
        }
        Map<String, Integer> ids = new HashMap<>();
        String[] tokens = new String[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String token = lines.get(i);
            tokens[i] = token;
            ids.put(token, i);
        }
        return new Vocabulary(ids, tokens);
    }

    /** The id of a token, or −1 if the token is not in the vocabulary. */
    public int id(String token) {
        Integer id = ids.get(token);
        return id == null ? -1 : id;
    }

    /** Whether the token is in the vocabulary. */
    public boolean contains(String token) {
        return ids.containsKey(token);
    }

    /**
     * The token of an id.
     *
     * @throws IllegalArgumentException if no token has this id
     */
    public String token(int id) {
        if (id < 0 || id >= tokens.length || tokens[id] == null) {
            throw new IllegalArgumentException("no token has id " + id + " (vocabulary size " + size() + ")");
        }
        return tokens[id];
    }

    /** One more than the largest id (the size of an embedding table for this vocabulary). */
    public int size() {
        return tokens.length;
    }

    /** A vocabulary holding these extra tokens as well (e.g. added tokens of a {@code tokenizer.json}). */
    Vocabulary with(Map<String, Integer> added, String source) {
        Map<String, Integer> all = new HashMap<>(ids);
        added.forEach((token, id) -> {
            Integer existing = all.get(token);
            if (existing != null && existing.intValue() != id) {
                throw new TokenizerFormatException(source + ": added token '" + token + "' has id " + id
                        + " but the vocabulary gives it " + existing);
            }
            all.put(token, id);
        });
        return of(all, source);
    }
}
