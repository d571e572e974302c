package org.ecgchat.nn.tokenize;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.ecgchat.nn.checkpoint.AtomicFiles;

/**
 * Learns a WordPiece vocabulary from a corpus, for a text tower trained from scratch (no
 * pretrained BERT and its {@code vocab.txt} at hand). Texts are split into words exactly as
 * {@link BertTokenizer} will split them ({@link BasicTokenizer} with the given rules); the
 * vocabulary then holds, in id order:
 * <ol>
 *   <li>the special tokens {@code [PAD] [UNK] [CLS] [SEP] [MASK]} (ids 0–4, so padding is id 0 as
 *       the CoCa loss and BERT's attention mask expect);</li>
 *   <li>every character that starts a word, and every character that continues one as a
 *       {@code ##} piece (in code point order), so that every word of the corpus, and any new word
 *       made of its characters, can be split without {@code [UNK]};</li>
 *   <li>the words occurring at least {@code minFrequency} times, most frequent first (ties in
 *       alphabetical order), at most {@code maxWords} of them.</li>
 * </ol>
 * Greedy longest-match-first WordPiece then keeps a frequent word whole and spells a rare one
 * out in characters. The result is a function of the corpus as a multiset (not its order).
 *
 * @param rules the text clean-up and word split the tokenizer will use
 * @param minFrequency occurrences a word needs to become a token of its own (at least 1)
 * @param maxWords most whole-word tokens kept (at least 0)
 */
public record WordPieceVocabularyBuilder(BasicTokenizer rules, int minFrequency, int maxWords) {

    /** The special tokens, in id order: {@code [PAD]} = 0, {@code [UNK]} = 1, {@code [CLS]} = 2, {@code [SEP]} = 3, {@code [MASK]} = 4. */
    public static final List<String> SPECIAL_TOKENS = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");

    /** The mark of a piece that continues a word, as in BERT. */
    public static final String CONTINUATION = "##";

    public WordPieceVocabularyBuilder {
        Objects.requireNonNull(rules, "rules");
        if (minFrequency < 1) {
            throw new IllegalArgumentException("minimum word frequency must be at least 1, was " + minFrequency);
        }
        if (maxWords < 0) {
            throw new IllegalArgumentException("maximum number of words must not be negative, was " + maxWords);
        }
    }

    /** Uncased BERT rules, words seen at least twice, at most 30,000 of them. */
    public static WordPieceVocabularyBuilder uncased() {
        return new WordPieceVocabularyBuilder(BasicTokenizer.UNCASED, 2, 30_000);
    }

    /** The tokens of the vocabulary learned from {@code texts}, in id order (see the class comment). */
    public List<String> build(Iterable<String> texts) {
        Map<String, Integer> counts = new HashMap<>();
        for (String text : texts) {
            Objects.requireNonNull(text, "a text of the corpus is null");
            for (String word : rules.split(text)) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        Set<String> initials = new TreeSet<>(Comparator.comparingInt(s -> s.codePointAt(0)));
        Set<String> continuations = new TreeSet<>(Comparator.comparingInt(s -> s.codePointAt(CONTINUATION.length())));
        for (String word : counts.keySet()) {
            int[] cps = word.codePoints().toArray();
            initials.add(new String(cps, 0, 1));
            for (int i = 1; i < cps.length; i++) {
                continuations.add(CONTINUATION + new String(cps, i, 1));
            }
        }
        LinkedHashSet<String> tokens = new LinkedHashSet<>(SPECIAL_TOKENS);
        tokens.addAll(initials);
        tokens.addAll(continuations);
        counts.entrySet().stream()
                .filter(e -> e.getValue() >= minFrequency && !tokens.contains(e.getKey()))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(maxWords)
                .forEach(e -> tokens.add(e.getKey()));
        return List.copyOf(tokens);
    }

    /**
     * Writes tokens as a BERT {@code vocab.txt} (one per line, the id is the line number), atomically;
     * {@link BertTokenizer#fromVocab} reads it back.
     *
     * @throws IllegalArgumentException if a token is empty, repeated or contains a line break
     */
    public static void writeVocabTxt(List<String> tokens, Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        Set<String> seen = new HashSet<>();
        for (int id = 0; id < tokens.size(); id++) {
            String t = tokens.get(id);
            if (t.isEmpty() || t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("token " + id + " cannot be a line of vocab.txt: '" + t + "'");
            }
            if (!seen.add(t)) {
                throw new IllegalArgumentException("token '" + t + "' is listed twice (ids would be ambiguous), again at " + id);
            }
            text.append(t).append('\n');
        }
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(file, channel -> {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        });
    }
}
