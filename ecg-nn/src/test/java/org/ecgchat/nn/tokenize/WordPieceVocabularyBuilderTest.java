package org.ecgchat.nn.tokenize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordPieceVocabularyBuilderTest {

    static final List<String> REPORTS = List.of(
            "Sinus rhythm. Normal ECG.",
            "sinus bradycardia. otherwise normal ecg.",
            "atrial fibrillation.",
            "sinus rhythm. left bundle branch block.",
            "sinus rhythm. st segments are elevated in v1-4.");

    @TempDir
    Path dir;

    @Test
    void holdsSpecialTokensThenCharactersThenFrequentWordsMostFrequentFirst() {
        List<String> tokens = new WordPieceVocabularyBuilder(BasicTokenizer.UNCASED, 2, 100).build(REPORTS);

        assertThat(tokens.subList(0, 5)).containsExactly("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");
        // word-initial characters in code point order
        assertThat(tokens.subList(5, 19)).containsExactly("-", ".", "4", "a", "b", "e", "f", "i", "l", "n", "o", "r", "s",
                "v");
        // continuation characters of every word, in code point order
        assertThat(tokens).contains("##1", "##y", "##h", "##g");
        assertThat(tokens).doesNotContain("##.", "##4");
        // "." (8 times) is already a character token; then sinus and rhythm (4 and 3 times), then
        // ecg and normal (2 each, alphabetical); words seen once are spelled out
        int firstWord = tokens.indexOf("sinus");
        assertThat(tokens.subList(firstWord, tokens.size())).containsExactly("sinus", "rhythm", "ecg", "normal");
        assertThat(tokens).doesNotContain("atrial", "block");
    }

    @Test
    void everyCorpusWordTokenisesWithoutUnknownAndFrequentWordsStayWhole() throws IOException {
        WordPieceVocabularyBuilder builder = new WordPieceVocabularyBuilder(BasicTokenizer.UNCASED, 2, 100);
        Path vocab = dir.resolve("vocab.txt");
        WordPieceVocabularyBuilder.writeVocabTxt(builder.build(REPORTS), vocab);
        BertTokenizer tokenizer = BertTokenizer.load(vocab);

        assertThat(tokenizer.padId()).isZero();
        assertThat(tokenizer.tokenize("Sinus rhythm. Atrial fibrillation."))
                .containsExactly("sinus", "rhythm", ".", "a", "##t", "##r", "##i", "##a", "##l", "f", "##i", "##b", "##r",
                        "##i", "##l", "##l", "##a", "##t", "##i", "##o", "##n", ".");
        for (String report : REPORTS) {
            assertThat(tokenizer.tokenize(report)).doesNotContain("[UNK]");
            assertThat(tokenizer.decode(tokenizer.encode(report))).isEqualTo(
                    String.join(" ", BasicTokenizer.UNCASED.split(report)).replace(" .", "."));
        }
        // a character never seen is unknown
        assertThat(tokenizer.tokenize("sinus rhythm ?")).containsExactly("sinus", "rhythm", "[UNK]");
    }

    @Test
    void capsTheWordsAndIgnoresCorpusOrder() {
        WordPieceVocabularyBuilder one = new WordPieceVocabularyBuilder(BasicTokenizer.UNCASED, 1, 2);
        List<String> tokens = one.build(REPORTS);
        assertThat(tokens.subList(tokens.size() - 2, tokens.size())).containsExactly("sinus", "rhythm");
        List<String> reversed = new ArrayList<>(REPORTS);
        Collections.reverse(reversed);
        assertThat(one.build(reversed)).isEqualTo(tokens);
    }

    @Test
    void vocabTxtHasOneTokenPerLineAndRefusesTokensItCannotHold() throws IOException {
        Path vocab = dir.resolve("v.txt");
        WordPieceVocabularyBuilder.writeVocabTxt(List.of("[PAD]", "[UNK]", "a", "##b"), vocab);
        assertThat(Files.readString(vocab, StandardCharsets.UTF_8)).isEqualTo("[PAD]\n[UNK]\na\n##b\n");
        assertThatThrownBy(() -> WordPieceVocabularyBuilder.writeVocabTxt(List.of("a", "b\nc"), vocab))
                .hasMessageContaining("token 1 cannot be a line of vocab.txt");
        assertThatThrownBy(() -> WordPieceVocabularyBuilder.writeVocabTxt(List.of("a", "b", "a"), vocab))
                .hasMessageContaining("token 'a' is listed twice");
        assertThatThrownBy(() -> new WordPieceVocabularyBuilder(BasicTokenizer.UNCASED, 0, 1))
                .hasMessageContaining("minimum word frequency must be at least 1");
    }
}
