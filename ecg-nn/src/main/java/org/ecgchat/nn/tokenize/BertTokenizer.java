package org.ecgchat.nn.tokenize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The BERT WordPiece tokenizer of the CoCa text tower (MedCPT-Query-Encoder, bert-base-uncased):
 * special tokens written literally in the text are kept whole, the rest goes through
 * {@link BasicTokenizer} and {@link WordPiece}; encodings are {@code [CLS] pieces [SEP]}, truncated
 * and padded to a context length as Hugging Face's
 * {@code tokenizer(texts, max_length=L, padding="max_length", truncation=True)} does.
 *
 * <p>Loads a {@code vocab.txt} (with the folder's {@code tokenizer_config.json}, if any) or a
 * {@code tokenizer.json} whose model is WordPiece. Immutable and thread-safe.
 */
public final class BertTokenizer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BasicTokenizer basic;
    private final WordPiece wordPiece;
    private final int clsId;
    private final int sepId;
    private final int padId;
    /** Special tokens matched literally, longest first. */
    private final List<String> specialTokens;
    private final Set<Integer> specialIds = new HashSet<>();

    /**
     * A tokenizer from its parts.
     *
     * @param specialTokens tokens kept whole when they appear in the text and dropped by {@link #decode};
     *     must include {@code cls}, {@code sep} and {@code pad}
     */
    public BertTokenizer(BasicTokenizer basic, WordPiece wordPiece, String cls, String sep, String pad,
                         Set<String> specialTokens) {
        this.basic = basic;
        this.wordPiece = wordPiece;
        Vocabulary v = wordPiece.vocabulary();
        this.clsId = requireId(v, cls, "CLS");
        this.sepId = requireId(v, sep, "SEP");
        this.padId = requireId(v, pad, "PAD");
        Set<String> all = new LinkedHashSet<>(specialTokens);
        all.add(cls);
        all.add(sep);
        all.add(pad);
        all.add(wordPiece.unknownToken());
        List<String> sorted = new ArrayList<>();
        for (String t : all) {
            if (v.contains(t)) {
                sorted.add(t);
                specialIds.add(v.id(t));
            }
        }
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        this.specialTokens = List.copyOf(sorted);
    }

    /**
     * A BERT tokenizer over a {@code vocab.txt} with the standard special tokens
     * ({@code [CLS] [SEP] [PAD] [UNK] [MASK]}) and WordPiece limits ({@code ##}, 100 characters).
     */
    public static BertTokenizer fromVocab(Path vocabTxt, BasicTokenizer rules) throws IOException {
        Vocabulary v = Vocabulary.fromVocabTxt(vocabTxt);
        return new BertTokenizer(rules, new WordPiece(v, "[UNK]", "##", 100), "[CLS]", "[SEP]", "[PAD]",
                Set.of("[MASK]"));
    }

    /**
     * Loads a tokenizer from a folder ({@code tokenizer.json}, else {@code vocab.txt} with
     * {@code tokenizer_config.json}), a {@code tokenizer.json} or a {@code vocab.txt}.
     */
    public static BertTokenizer load(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            if (Files.isRegularFile(path.resolve("tokenizer.json"))) {
                return fromTokenizerJson(path.resolve("tokenizer.json"));
            }
            if (Files.isRegularFile(path.resolve("vocab.txt"))) {
                return fromVocabFolder(path);
            }
            throw new TokenizerFormatException(path + ": a tokenizer folder must hold tokenizer.json or vocab.txt");
        }
        return path.getFileName().toString().endsWith(".json") ? fromTokenizerJson(path) : fromVocabFolder(path);
    }

    /** {@code vocab.txt} with the settings of a sibling {@code tokenizer_config.json} (HF defaults otherwise). */
    private static BertTokenizer fromVocabFolder(Path pathInFolder) throws IOException {
        Path dir = Files.isDirectory(pathInFolder) ? pathInFolder : pathInFolder.toAbsolutePath().getParent();
        Path vocabTxt = Files.isDirectory(pathInFolder) ? dir.resolve("vocab.txt") : pathInFolder;
        Path configFile = dir.resolve("tokenizer_config.json");
        JsonNode config = Files.isRegularFile(configFile) ? readJson(configFile) : JSON.createObjectNode();
        boolean lower = config.path("do_lower_case").asBoolean(true);
        JsonNode strip = config.path("strip_accents");
        BasicTokenizer rules = new BasicTokenizer(true, config.path("tokenize_chinese_chars").asBoolean(true),
                strip.isBoolean() ? strip.asBoolean() : lower, lower);
        Vocabulary v = Vocabulary.fromVocabTxt(vocabTxt);
        String unk = tokenName(config, "unk_token", "[UNK]");
        return new BertTokenizer(rules, new WordPiece(v, unk, "##", 100), tokenName(config, "cls_token", "[CLS]"),
                tokenName(config, "sep_token", "[SEP]"), tokenName(config, "pad_token", "[PAD]"),
                Set.of(tokenName(config, "mask_token", "[MASK]")));
    }

    /**
     * Loads a Hugging Face {@code tokenizer.json} with a WordPiece model, a {@code BertNormalizer}
     * (or none), a BERT pre-tokenizer and a BERT or template post-processor.
     *
     * @throws TokenizerFormatException for other models or normalisers, naming the field
     */
    public static BertTokenizer fromTokenizerJson(Path file) throws IOException {
        JsonNode root = readJson(file);
        JsonNode model = root.path("model");
        if (!"WordPiece".equals(model.path("type").asText())) {
            throw new TokenizerFormatException(file + ": model.type is '" + model.path("type").asText()
                    + "'; only WordPiece (BERT) tokenizers are supported");
        }
        Map<String, Integer> ids = new HashMap<>();
        model.path("vocab").properties().forEach(e -> {
            if (!e.getValue().canConvertToInt()) {
                throw new TokenizerFormatException(file + ": model.vocab['" + e.getKey() + "'] is not an integer id");
            }
            ids.put(e.getKey(), e.getValue().asInt());
        });
        if (ids.isEmpty()) {
            throw new TokenizerFormatException(file + ": model.vocab is missing or empty");
        }
        Map<String, Integer> added = new HashMap<>();
        Set<String> special = new LinkedHashSet<>();
        for (JsonNode t : root.path("added_tokens")) {
            added.put(t.path("content").asText(), t.path("id").asInt());
            special.add(t.path("content").asText());
        }
        Vocabulary v = Vocabulary.of(ids, file.toString()).with(added, file.toString());

        JsonNode normalizer = root.path("normalizer");
        BasicTokenizer rules;
        if (normalizer.isMissingNode() || normalizer.isNull()) {
            rules = new BasicTokenizer(false, false, false, false);
        } else if ("BertNormalizer".equals(normalizer.path("type").asText())) {
            boolean lower = normalizer.path("lowercase").asBoolean(true);
            JsonNode strip = normalizer.path("strip_accents");
            rules = new BasicTokenizer(normalizer.path("clean_text").asBoolean(true),
                    normalizer.path("handle_chinese_chars").asBoolean(true),
                    strip.isBoolean() ? strip.asBoolean() : lower, lower);
        } else {
            throw new TokenizerFormatException(file + ": normalizer.type '" + normalizer.path("type").asText()
                    + "' is not supported (expected BertNormalizer)");
        }
        String preTokenizer = root.path("pre_tokenizer").path("type").asText("BertPreTokenizer");
        if (!preTokenizer.equals("BertPreTokenizer")) {
            throw new TokenizerFormatException(file + ": pre_tokenizer.type '" + preTokenizer
                    + "' is not supported (expected BertPreTokenizer)");
        }
        WordPiece wp = new WordPiece(v, model.path("unk_token").asText("[UNK]"),
                model.path("continuing_subword_prefix").asText("##"),
                model.path("max_input_chars_per_word").asInt(100));
        JsonNode post = root.path("post_processor");
        String cls = "[CLS]";
        String sep = "[SEP]";
        if ("BertProcessing".equals(post.path("type").asText())) {
            cls = post.path("cls").path(0).asText(cls);
            sep = post.path("sep").path(0).asText(sep);
        } else if ("TemplateProcessing".equals(post.path("type").asText())) {
            JsonNode single = post.path("single");
            cls = single.path(0).path("SpecialToken").path("id").asText(cls);
            sep = single.path(single.size() - 1).path("SpecialToken").path("id").asText(sep);
        }
        String pad = root.path("padding").path("pad_token").asText("[PAD]");
        return new BertTokenizer(rules, wp, cls, sep, pad, special);
    }

    /** The word pieces of a text, without [CLS]/[SEP]. */
    public List<String> tokenize(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int next = text.length();
            String found = null;
            for (String special : specialTokens) {
                int at = text.indexOf(special, start);
                if (at >= 0 && at < next) {
                    next = at;
                    found = special;
                }
            }
            for (String word : basic.split(text.substring(start, next))) {
                wordPiece.split(word, pieces);
            }
            if (found == null) {
                break;
            }
            pieces.add(found);
            start = next + found.length();
        }
        return pieces;
    }

    /** {@code [CLS] pieces [SEP]} as ids, without truncation or padding. */
    public int[] encode(String text) {
        List<String> pieces = tokenize(text);
        int[] ids = new int[pieces.size() + 2];
        ids[0] = clsId;
        Vocabulary v = wordPiece.vocabulary();
        for (int i = 0; i < pieces.size(); i++) {
            ids[i + 1] = v.id(pieces.get(i));
        }
        ids[ids.length - 1] = sepId;
        return ids;
    }

    /**
     * {@code [CLS] pieces [SEP]} truncated (pieces beyond {@code contextLength − 2} dropped) and
     * padded with the pad id to exactly {@code contextLength}.
     */
    public Encoding encode(String text, int contextLength) {
        if (contextLength < 2) {
            throw new IllegalArgumentException("context length must hold [CLS] and [SEP]: " + contextLength);
        }
        int[] full = encode(text);
        int n = Math.min(full.length, contextLength);
        int[] ids = new int[contextLength];
        int[] mask = new int[contextLength];
        System.arraycopy(full, 0, ids, 0, n - 1);
        ids[n - 1] = sepId;
        Arrays.fill(ids, n, contextLength, padId);
        Arrays.fill(mask, 0, n, 1);
        return new Encoding(ids, mask);
    }

    /** Encodes every text to {@code contextLength} as {@code int64 [batch, contextLength]} arrays. */
    public TokenBatch encodeBatch(List<String> texts, int contextLength) {
        long[][] ids = new long[texts.size()][];
        long[][] mask = new long[texts.size()][];
        for (int b = 0; b < texts.size(); b++) {
            Encoding e = encode(texts.get(b), contextLength);
            ids[b] = Arrays.stream(e.ids()).asLongStream().toArray();
            mask[b] = Arrays.stream(e.attentionMask()).asLongStream().toArray();
        }
        if (texts.isEmpty()) {
            return new TokenBatch(Nd4j.create(DataType.INT64, 0, contextLength),
                    Nd4j.create(DataType.INT64, 0, contextLength));
        }
        return new TokenBatch(Nd4j.createFromArray(ids), Nd4j.createFromArray(mask));
    }

    /**
     * Text from ids as Hugging Face's {@code decode(ids, skip_special_tokens=True)}: special tokens
     * (including [UNK]) dropped, {@code ##} pieces joined to their word, spaces before punctuation and English
     * contractions removed.
     */
    public String decode(int[] ids) {
        StringBuilder s = new StringBuilder();
        Vocabulary v = wordPiece.vocabulary();
        String prefix = wordPiece.continuingSubwordPrefix();
        for (int id : ids) {
            if (specialIds.contains(id)) {
                continue;
            }
            String token = v.token(id);
            if (token.startsWith(prefix) && s.length() > 0) {
                s.append(token, prefix.length(), token.length());
            } else {
                if (s.length() > 0) {
                    s.append(' ');
                }
                s.append(token);
            }
        }
        return s.toString().replace(" .", ".").replace(" ?", "?").replace(" !", "!").replace(" ,", ",")
                .replace(" ' ", "'").replace(" n't", "n't").replace(" 'm", "'m").replace(" 's", "'s")
                .replace(" 've", "'ve").replace(" 're", "'re");
    }

    /** The vocabulary (its {@link Vocabulary#size()} is the text tower's vocabulary size). */
    public Vocabulary vocabulary() {
        return wordPiece.vocabulary();
    }

    /** Id of [CLS], the first token of every encoding. */
    public int clsId() {
        return clsId;
    }

    /** Id of [SEP], the last real token of every encoding. */
    public int sepId() {
        return sepId;
    }

    /** Id of the padding token (0 in BERT vocabularies). */
    public int padId() {
        return padId;
    }

    private static int requireId(Vocabulary v, String token, String role) {
        int id = v.id(token);
        if (id < 0) {
            throw new TokenizerFormatException(role + " token '" + token + "' is not in the vocabulary");
        }
        return id;
    }

    private static String tokenName(JsonNode config, String field, String fallback) {
        JsonNode n = config.path(field);
        return n.isTextual() ? n.asText() : n.path("content").asText(fallback);
    }

    private static JsonNode readJson(Path file) throws IOException {
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new TokenizerFormatException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
