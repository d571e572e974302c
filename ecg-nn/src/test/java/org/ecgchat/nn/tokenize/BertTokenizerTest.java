package org.ecgchat.nn.tokenize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

class BertTokenizerTest {
    /** BERT's own test vocabulary (google-research/bert tokenization_test.py) plus pieces for "unaffable". */
    static final List<String> VOCAB = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "want", "##want", "##ed",
            "wa", "un", "runn", "##ing", ",", "low", "lowest", "##aff", "##able", ".", "'", "s", "t", "isn", "?",
            "ecg", "sinus", "rhythm", "\u535A", "\u63A8");

    @TempDir
    Path dir;

    BertTokenizer uncased() throws IOException {
        Path vocab = dir.resolve("vocab.txt");
        Files.write(vocab, VOCAB);
        return BertTokenizer.fromVocab(vocab, BasicTokenizer.UNCASED);
    }

    @Test
    void splitsWordsGreedilyLongestMatchFirst() throws IOException {
        BertTokenizer t = uncased();
        assertThat(t.tokenize("unaffable")).containsExactly("un", "##aff", "##able");
        assertThat(t.tokenize("unwanted running")).containsExactly("un", "##want", "##ed", "runn", "##ing");
        assertThat(t.tokenize("unwantedX running")).containsExactly("[UNK]", "runn", "##ing");
        assertThat(t.tokenize("")).isEmpty();
        assertThat(t.tokenize("lowest")).containsExactly("lowest");
    }

    @Test
    void cleansLowerCasesStripsAccentsAndSplitsPunctuationLikeBert() throws IOException {
        BertTokenizer t = uncased();
        assertThat(t.tokenize("UNwant\u00E9d,running")).containsExactly("un", "##want", "##ed", ",", "runn", "##ing");
        assertThat(BasicTokenizer.UNCASED.split(" \tHeLLo!how  \n Are yoU?  "))
                .containsExactly("hello", "!", "how", "are", "you", "?");
        assertThat(BasicTokenizer.CASED.split(" \tHeLLo!how  \n Are yoU?  "))
                .containsExactly("HeLLo", "!", "how", "Are", "yoU", "?");
        assertThat(BasicTokenizer.UNCASED.split("H\u00E9llo")).containsExactly("hello");
        assertThat(BasicTokenizer.CASED.split("H\u00E9llo")).containsExactly("H\u00E9llo");
        assertThat(BasicTokenizer.UNCASED.split("ah\u535A\u63A8zz")).containsExactly("ah", "\u535A", "\u63A8", "zz");
        assertThat(BasicTokenizer.UNCASED.split("a\u0000b\u00ADc\uFFFDd\u0007e")).containsExactly("abcde");
        assertThat(BasicTokenizer.UNCASED.split("qrs\u3000$120\u2028ms")).containsExactly("qrs", "$", "120", "ms");
        assertThat(t.tokenize("isn't")).containsExactly("isn", "'", "t");
    }

    @Test
    void wordsLongerThanTheLimitAreUnknown() throws IOException {
        Path vocab = dir.resolve("vocab.txt");
        Files.write(vocab, List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "a", "##a"));
        BertTokenizer t = BertTokenizer.fromVocab(vocab, BasicTokenizer.UNCASED);
        assertThat(t.tokenize("a".repeat(100))).hasSize(100).endsWith("##a");
        assertThat(t.tokenize("a".repeat(101))).containsExactly("[UNK]");
    }

    @Test
    void keepsSpecialTokensWrittenInTheText() throws IOException {
        assertThat(uncased().tokenize("sinus [MASK] rhythm[SEP]")).containsExactly("sinus", "[MASK]", "rhythm", "[SEP]");
    }

    @Test
    void encodesWithClsSepTruncationPaddingAndAttentionMask() throws IOException {
        BertTokenizer t = uncased();
        assertThat(t.encode("sinus rhythm")).containsExactly(2, 24, 25, 3);
        Encoding padded = t.encode("sinus rhythm", 6);
        assertThat(padded.ids()).containsExactly(2, 24, 25, 3, 0, 0);
        assertThat(padded.attentionMask()).containsExactly(1, 1, 1, 1, 0, 0);
        Encoding truncated = t.encode("sinus rhythm ecg ecg", 4);
        assertThat(truncated.ids()).containsExactly(2, 24, 25, 3);
        assertThat(truncated.attentionMask()).containsExactly(1, 1, 1, 1);
        assertThat(t.encode("", 3).ids()).containsExactly(2, 3, 0);

        TokenBatch batch = t.encodeBatch(List.of("sinus rhythm", "ecg"), 5);
        assertThat(batch.inputIds().dataType()).isEqualTo(DataType.INT64);
        assertThat(batch.inputIds().toLongMatrix()).isDeepEqualTo(new long[][] {{2, 24, 25, 3, 0}, {2, 23, 3, 0, 0}});
        assertThat(batch.attentionMask().toLongMatrix()).isDeepEqualTo(new long[][] {{1, 1, 1, 1, 0}, {1, 1, 1, 0, 0}});
        assertThatThrownBy(() -> t.encode("x", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodeJoinsPiecesAndDropsSpecialTokens() throws IOException {
        BertTokenizer t = uncased();
        assertThat(t.decode(t.encode("Unaffable, sinus rhythm. Isn't it?", 24).ids()))
                .isEqualTo("unaffable, sinus rhythm. isn't [UNK]".replace(" [UNK]", "") + "?");
    }

    @Test
    void loadsAFolderWithTokenizerConfig() throws IOException {
        Files.write(dir.resolve("vocab.txt"), VOCAB);
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"do_lower_case\": false}");
        BertTokenizer cased = BertTokenizer.load(dir);
        assertThat(cased.tokenize("Sinus rhythm")).containsExactly("[UNK]", "rhythm");
        assertThat(cased.vocabulary().size()).isEqualTo(VOCAB.size());
    }

    @Test
    void refusesTokenizersItCannotReproduce() throws IOException {
        Path json = dir.resolve("tokenizer.json");
        Files.writeString(json, "{\"model\": {\"type\": \"BPE\", \"vocab\": {}}}");
        assertThatThrownBy(() -> BertTokenizer.load(json)).isInstanceOf(TokenizerFormatException.class)
                .hasMessageContainingAll("tokenizer.json", "model.type", "BPE");
        Files.writeString(json, "{\"normalizer\": {\"type\": \"NFKC\"}, \"model\": {\"type\": \"WordPiece\", "
                + "\"vocab\": {\"[UNK]\": 0, \"[CLS]\": 1, \"[SEP]\": 2, \"[PAD]\": 3}}}");
        assertThatThrownBy(() -> BertTokenizer.load(json)).isInstanceOf(TokenizerFormatException.class)
                .hasMessageContaining("normalizer.type 'NFKC'");
        Path vocab = dir.resolve("vocab.txt");
        Files.write(vocab, List.of("[PAD]", "[CLS]", "[SEP]", "a"));
        assertThatThrownBy(() -> BertTokenizer.fromVocab(vocab, BasicTokenizer.UNCASED))
                .isInstanceOf(TokenizerFormatException.class).hasMessageContaining("'[UNK]'");
    }
}
