package org.ecgchat.nn.tokenize;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * BERT's text clean-up and word split, as Hugging Face's {@code BertNormalizer} +
 * {@code BertPreTokenizer} (and the slow {@code BasicTokenizer}) do it: drop NUL, U+FFFD and
 * control/format characters; turn whitespace into spaces; surround CJK ideographs with spaces;
 * optionally strip accents (NFD, drop non-spacing marks) and lower-case; then split on whitespace
 * and make every punctuation character a word of its own.
 *
 * @param cleanText drop control characters and normalise whitespace
 * @param handleChineseChars put spaces around CJK ideographs so each is a word
 * @param stripAccents remove accents (Hugging Face: defaults to {@code lowercase})
 * @param lowercase lower-case the text (uncased models)
 */
public record BasicTokenizer(boolean cleanText, boolean handleChineseChars, boolean stripAccents, boolean lowercase) {
    /** The uncased BERT settings (bert-base-uncased, MedCPT): everything on. */
    public static final BasicTokenizer UNCASED = new BasicTokenizer(true, true, true, true);

    /** The cased BERT settings: clean-up and CJK spacing, case and accents kept. */
    public static final BasicTokenizer CASED = new BasicTokenizer(true, true, false, false);

    /** Normalises the text and splits it into words and single punctuation characters. */
    public List<String> split(String text) {
        String normalized = normalize(text);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        normalized.codePoints().forEach(c -> {
            if (isWhitespace(c)) {
                flush(word, words);
            } else if (isPunctuation(c)) {
                flush(word, words);
                words.add(new String(Character.toChars(c)));
            } else {
                word.appendCodePoint(c);
            }
        });
        flush(word, words);
        return words;
    }

    /** The normalised text (before the split), as {@code BertNormalizer} produces it. */
    public String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (cleanText && (c == 0 || c == 0xFFFD || isControl(c))) {
                return;
            }
            if (cleanText && isWhitespace(c)) {
                out.append(' ');
            } else if (handleChineseChars && isChinese(c)) {
                out.append(' ').appendCodePoint(c).append(' ');
            } else {
                out.appendCodePoint(c);
            }
        });
        String s = out.toString();
        if (stripAccents) {
            StringBuilder stripped = new StringBuilder(s.length());
            Normalizer.normalize(s, Normalizer.Form.NFD).codePoints()
                    .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
                    .forEach(stripped::appendCodePoint);
            s = stripped.toString();
        }
        return lowercase ? s.toLowerCase(Locale.ROOT) : s;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    /** Space, tab, newline, carriage return and the Unicode space/line/paragraph separators. */
    static boolean isWhitespace(int c) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** Unicode category C* (control, format, unassigned, private use, surrogate), except tab/newline/CR. */
    static boolean isControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || type == Character.SURROGATE;
    }

    /** ASCII punctuation and symbols (BERT treats {@code $ + < = > ^ ` | ~} as punctuation) and Unicode P*. */
    static boolean isPunctuation(int c) {
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    /** The CJK Unified Ideographs blocks BERT spaces out (not Hangul, Hiragana or Katakana). */
    static boolean isChinese(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    }
}
