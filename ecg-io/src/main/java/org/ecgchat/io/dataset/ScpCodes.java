package org.ecgchat.io.dataset;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PTB-XL's {@code scp_codes} column: a Python dict literal from SCP-ECG statement code to
 * likelihood, e.g. {@code {'NORM': 100.0, 'LVOLT': 0.0, 'SR': 0.0}}. Parsed strictly (quoted keys,
 * numeric values) so that a damaged cell is reported rather than half read.
 */
final class ScpCodes {
    private final String text;
    private int pos;

    private ScpCodes(String text) {
        this.text = text;
    }

    /**
     * The codes and likelihoods in the order written.
     *
     * @throws IllegalArgumentException describing where the literal is malformed
     */
    static Map<String, Double> parse(String literal) {
        return new ScpCodes(literal).dict();
    }

    private Map<String, Double> dict() {
        Map<String, Double> out = new LinkedHashMap<>();
        skipSpace();
        expect('{');
        skipSpace();
        if (peek() == '}') {
            pos++;
            end();
            return out;
        }
        while (true) {
            skipSpace();
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            double value = number();
            if (out.put(key, value) != null) {
                throw new IllegalArgumentException("code '" + key + "' appears twice");
            }
            skipSpace();
            char c = next();
            if (c == '}') {
                end();
                return out;
            }
            if (c != ',') {
                throw unexpected(c, "',' or '}'");
            }
        }
    }

    private String string() {
        char quote = next();
        if (quote != '\'' && quote != '"') {
            throw unexpected(quote, "a quoted code");
        }
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = next();
            if (c == quote) {
                return sb.toString();
            }
            if (c == '\\') {
                c = next();
            }
            sb.append(c);
        }
    }

    private double number() {
        int start = pos;
        while (pos < text.length() && "+-.0123456789eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String s = text.substring(start, pos);
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a likelihood at offset " + start + ", found '"
                    + (s.isEmpty() ? String.valueOf(peek()) : s) + "'");
        }
    }

    private void end() {
        skipSpace();
        if (pos != text.length()) {
            throw new IllegalArgumentException("unexpected text after the closing '}' at offset " + pos);
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw new IllegalArgumentException("the dict literal ends early");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char c) {
        char got = next();
        if (got != c) {
            throw unexpected(got, "'" + c + "'");
        }
    }

    private IllegalArgumentException unexpected(char got, String expected) {
        return new IllegalArgumentException("expected " + expected + " at offset " + (pos - 1) + ", found '" + got + "'");
    }
}
