package org.ecgchat.eval.nlg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tokenisation as the coco-caption toolkit ({@code pycocoevalcap}) does it: Stanford
 * PTBTokenizer with PTB3 escaping and {@code -lowerCase}, then removal of the punctuation tokens
 * {@code '' ' `` ` -LRB- -RRB- -LCB- -RCB- . ? ! , : - -- ... ;}.
 *
 * <p>Re-implemented rules (the Stanford jar is GPL and not on the class path):
 * <ul>
 *   <li>punctuation {@code . , ; : ? ! ( ) [ ] { } " '} is split from words; periods stay inside
 *       numbers ({@code 0.12}) and letter-period abbreviations ({@code e.g.}); commas and colons
 *       stay inside numbers ({@code 1,000}, {@code 2:1});</li>
 *   <li>hyphenated words stay whole ({@code st-t}); dash runs and unicode dashes become
 *       {@code --}; dot runs become {@code ...};</li>
 *   <li>clitics are split: {@code n't 's 're 've 'll 'd 'm}, and {@code cannot} becomes {@code can not};</li>
 *   <li>{@code /} and {@code *} are escaped as {@code \/} and {@code \*}
 *       ({@code qt/qtc} becomes {@code qt\/qtc});</li>
 *   <li>brackets become {@code -LRB- -RRB- -LSB- -RSB- -LCB- -RCB-}, double quotes {@code ``} or
 *       {@code ''}; {@code %}, {@code $}, {@code #}, {@code &} and other symbols are tokens of their own;</li>
 *   <li>tokens are lower-cased after escaping, so {@code -LRB-} becomes {@code -lrb-}, which the
 *       toolkit's case-sensitive punctuation list does not remove: parentheses survive as
 *       {@code -lrb-}/{@code -rrb-} tokens exactly as in coco-caption's output.</li>
 * </ul>
 * Not reproduced: the tokenizer's British-to-American spelling table and its list of
 * abbreviations that keep their final period ({@code approx.} loses its period here).
 */
public final class PtbTokenizer {
    /** The punctuation tokens coco-caption removes after tokenisation (case-sensitive). */
    public static final Set<String> PUNCTUATIONS = Set.of("''", "'", "``", "`", "-LRB-", "-RRB-", "-LCB-", "-RCB-",
            ".", "?", "!", ",", ":", "-", "--", "...", ";");

    private static final Pattern TOKEN = Pattern.compile(String.join("|",
            // letter-period abbreviations: e.g. i.e. u.s.
            "(?<abbr>(?:\\p{L}\\.){2,})",
            // numbers with internal . , : / (decimals, thousands, ratios, fractions)
            "(?<num>[+-]?\\p{N}+(?:[.,:/]\\p{N}+)*)",
            // words: letters/digits joined by - / * & or ' (the clitic split happens afterwards)
            "(?<word>[\\p{L}\\p{N}]+(?:(?:-|/|\\*|&|'|\\.(?=[\\p{L}\\p{N}]))[\\p{L}\\p{N}]+)*(?:n't|'[sSdDmM]|'re|'ve|'ll|'RE|'VE|'LL)?)",
            "(?<ellipsis>\\.{2,}|\u2026)",
            "(?<dash>-{2,}|[\u2013\u2014\u2015])",
            "(?<quote>\"|\u201c|\u201d|``|'')",
            "(?<other>\\S)"));
    private static final Pattern CLITIC = Pattern.compile("(?i)^(.+?)(n't|'s|'re|'ve|'ll|'d|'m)$");

    private PtbTokenizer() {
    }

    /** Tokenises and removes punctuation as coco-caption: the tokens a metric sees. */
    public static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        for (String t : ptbTokens(text)) {
            if (!PUNCTUATIONS.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** Tokenised text joined by single spaces (the toolkit's form). */
    public static String tokenizeToString(String text) {
        return String.join(" ", tokenize(text));
    }

    /** PTB tokens, lower-cased, before punctuation removal. */
    static List<String> ptbTokens(String text) {
        List<String> tokens = new ArrayList<>();
        String s = text.replace('\n', ' ').replace('\r', ' ');
        Matcher m = TOKEN.matcher(s);
        boolean openQuote = true;
        while (m.find()) {
            String t = m.group();
            if (t.isBlank()) {
                continue;
            }
            if (m.group("word") != null) {
                Matcher c = CLITIC.matcher(t);
                if (t.equalsIgnoreCase("cannot")) {
                    tokens.add("can");
                    tokens.add("not");
                } else if (c.matches() && !c.group(1).endsWith("'")) {
                    addWord(tokens, c.group(1));
                    tokens.add(c.group(2).toLowerCase(Locale.ENGLISH));
                } else {
                    addWord(tokens, t);
                }
            } else if (m.group("abbr") != null || m.group("num") != null) {
                addWord(tokens, t);
            } else if (m.group("ellipsis") != null) {
                tokens.add("...");
            } else if (m.group("dash") != null) {
                tokens.add("--");
            } else if (m.group("quote") != null) {
                boolean opening = t.equals("``") || t.equals("\u201c") || (t.equals("\"") && openQuote);
                tokens.add(opening ? "``" : "''");
                if (t.equals("\"")) {
                    openQuote = !openQuote;
                }
            } else {
                tokens.add(symbol(t));
            }
        }
        return tokens;
    }

    private static void addWord(List<String> tokens, String w) {
        tokens.add(w.replace("/", "\\/").replace("*", "\\*").toLowerCase(Locale.ENGLISH));
    }

    private static String symbol(String t) {
        // brackets are escaped in upper case and lower-cased like every token
        return switch (t) {
            case "(" -> "-lrb-";
            case ")" -> "-rrb-";
            case "[" -> "-lsb-";
            case "]" -> "-rsb-";
            case "{" -> "-lcb-";
            case "}" -> "-rcb-";
            case "/" -> "\\/";
            case "*" -> "\\*";
            case "\u2018", "`" -> "`";
            case "\u2019" -> "'";
            default -> t.toLowerCase(Locale.ENGLISH);
        };
    }
}
