package org.ecgchat.nn.tokenize;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares this tokenizer with Hugging Face's own Rust implementation (through DJL) on one
 * {@code tokenizer.json} and texts that exercise every rule: accents, CJK, punctuation, control
 * and exotic whitespace, unknown pieces, long words, special tokens and truncation.
 */
class HuggingFaceParityTest {
    @TempDir
    Path dir;

    static final List<String> TEXTS = List.of(
            "Sinus rhythm. Normal ECG.",
            "UNwant\u00E9d,running unaffable",
            "Atrial fibrillation with rapid ventricular response; ST-T changes (V1\u2013V3)!",
            "  QRS:154ms  QT/QTc: 472/488 P/R/T Wave: 2336/2419/2384 ",
            "\u00C9lectrocardiogramme anormal, bloc de branche droit \u2014 c\u0153ur",
            "\u7AA6\u6027\u5FC3\u5F8B\u4E0D\u9F50 sinus\u535A\u63A8",
            "tab\there\nnew\u00A0line\u2028sep\u0007bell\u00ADsoft\u200Bzw",
            "[CLS] left [MASK] hypertrophy [SEP] extra",
            "x".repeat(101) + " " + "unaffable".repeat(11),
            "Don't, isn't ... $100 +5% <tag> a_b ~ \u00BFQu\u00E9?",
            "");

    /** A tokenizer.json in the layout of bert-base-uncased, over a vocabulary that covers the texts partly. */
    private Path tokenizerJson(boolean lowercase) throws IOException {
        List<String> vocab = new ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
        for (String t : ("sinus rhythm . normal ecg un ##want ##ed , runn ##ing ##aff ##able atrial fib ##ril ##lation "
                + "with rapid vent ##ric ##ular response ; st - t changes ( v ##1 \u2013 ##3 ) ! qrs : 154 ##ms qt / "
                + "##c 472 488 p r w ##ave 233 ##6 241 ##9 238 ##4 electro ##card ##io ##gram ##me an ##orm ##al "
                + "bloc de br ##anche dr ##oit \u2014 c \u0153 ##ur \u7AA6 \u6027 \u5FC3 \u5F8B \u4E0D \u9F50 \u535A "
                + "\u63A8 tab here new line sep bell soft ##zw left hyper ##trophy extra don ' isn . $ 100 + 5 % < tag "
                + "> a _ b ~ \u00BF qu ##e ? x Sinus Normal ECG UN ##AFF \u00C9 ##lectro \u00E9 ##\u00E9 q ##u\u00E9 "
                + "zw soft\u200Bzw").split(" ")) {
            if (!vocab.contains(t)) {
                vocab.add(t);
            }
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("version", "1.0");
        root.putArray("added_tokens");
        for (String special : List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")) {
            ((ArrayNode) root.get("added_tokens")).addObject()
                    .put("id", vocab.indexOf(special)).put("content", special).put("single_word", false)
                    .put("lstrip", false).put("rstrip", false).put("normalized", false).put("special", true);
        }
        root.putObject("normalizer").put("type", "BertNormalizer").put("clean_text", true)
                .put("handle_chinese_chars", true).putNull("strip_accents").put("lowercase", lowercase);
        root.putObject("pre_tokenizer").put("type", "BertPreTokenizer");
        ObjectNode post = root.putObject("post_processor").put("type", "BertProcessing");
        post.putArray("sep").add("[SEP]").add(3);
        post.putArray("cls").add("[CLS]").add(2);
        root.putObject("decoder").put("type", "WordPiece").put("prefix", "##").put("cleanup", true);
        ObjectNode model = root.putObject("model").put("type", "WordPiece").put("unk_token", "[UNK]")
                .put("continuing_subword_prefix", "##").put("max_input_chars_per_word", 100);
        ObjectNode v = model.putObject("vocab");
        for (int i = 0; i < vocab.size(); i++) {
            v.put(vocab.get(i), i);
        }
        Path file = dir.resolve(lowercase ? "uncased.json" : "cased.json");
        json.writeValue(file.toFile(), root);
        return file;
    }

    @Test
    void tokenIdsMatchHuggingFaceTokenizersForUncasedAndCasedModels() throws IOException {
        for (boolean lowercase : new boolean[] {true, false}) {
            Path file = tokenizerJson(lowercase);
            BertTokenizer ours = BertTokenizer.fromTokenizerJson(file);
            try (HuggingFaceTokenizer reference = HuggingFaceTokenizer.newInstance(file,
                    Map.of("padding", "false", "truncation", "false"))) {
                for (String text : TEXTS) {
                    ai.djl.huggingface.tokenizers.Encoding expected = reference.encode(text);
                    long[] expectedIds = expected.getIds();
                    int[] actual = ours.encode(text);
                    assertThat(Arrays.stream(actual).asLongStream().toArray())
                            .as("lowercase=%s %s -> %s", lowercase, text, Arrays.toString(expected.getTokens()))
                            .containsExactly(expectedIds);
                    assertThat(ours.decode(actual)).as("decode " + text)
                            .isEqualTo(cleanUpTokenizationSpaces(reference.decode(expectedIds, true)));
                }
            }
        }
    }

    /**
     * What {@code transformers}' {@code PreTrainedTokenizerFast._decode} applies after the Rust
     * decoder when {@code clean_up_tokenization_spaces} is true (BERT's setting): the Rust decoder
     * cleans each token on its own, so {@code " ' "} and {@code " n't"} survive until this pass.
     */
    private static String cleanUpTokenizationSpaces(String s) {
        return s.replace(" .", ".").replace(" ?", "?").replace(" !", "!").replace(" ,", ",").replace(" ' ", "'")
                .replace(" n't", "n't").replace(" 'm", "'m").replace(" 's", "'s").replace(" 've", "'ve")
                .replace(" 're", "'re");
    }

    @Test
    void paddingAndTruncationMatchHuggingFace() throws IOException {
        Path file = tokenizerJson(true);
        BertTokenizer ours = BertTokenizer.fromTokenizerJson(file);
        try (HuggingFaceTokenizer reference = HuggingFaceTokenizer.newInstance(file,
                Map.of("padding", "max_length", "maxLength", "12", "truncation", "true"))) {
            for (String text : TEXTS) {
                ai.djl.huggingface.tokenizers.Encoding expected = reference.encode(text);
                Encoding actual = ours.encode(text, 12);
                assertThat(Arrays.stream(actual.ids()).asLongStream().toArray()).as(text).containsExactly(expected.getIds());
                assertThat(Arrays.stream(actual.attentionMask()).asLongStream().toArray()).as(text)
                        .containsExactly(expected.getAttentionMask());
            }
        }
    }
}
