package org.ecgchat.io.wfdb;

import java.math.BigInteger;

/**
 * The MIT annotation file format (WFDB's {@code annot.c}), shared by {@link AnnotationReader} and
 * {@link AnnotationWriter}: 16-bit little-endian words whose top 6 bits are a code and bottom 10
 * bits data. Codes 1..58 are annotations whose data is the time since the previous one; codes
 * 59..63 are pseudo-annotations that modify the preceding annotation or the clock; the word 0 ends
 * the file. The header notes at time 0 (time resolution and type definitions) follow the text
 * conventions implemented here.
 */
final class MitAnnotationFormat {

    static final int CODE_SHIFT = 10;
    static final int DATA_MASK = 0x3FF;
    /** Longest time step an annotation word can hold; longer steps need a SKIP. */
    static final int MAX_STEP = 0x3FF;
    /** Pseudo-annotation codes, already shifted into place. */
    static final int SKIP = 59 << CODE_SHIFT;
    static final int NUM = 60 << CODE_SHIFT;
    static final int SUB = 61 << CODE_SHIFT;
    static final int CHN = 62 << CODE_SHIFT;
    static final int AUX = 63 << CODE_SHIFT;
    /** Smallest pseudo-annotation code; annotation codes are below it. */
    static final int PSEUDO_MIN = SKIP;
    static final int CODE_MASK = 0xFC00;
    /** Largest step one SKIP can hold in either direction. */
    static final long MAX_SKIP = 0x7FFFFFFFL;

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    static final String TIME_RESOLUTION_PREFIX = "## time resolution: ";
    static final String DEFINITIONS_START = "## annotation type definitions";
    static final String DEFINITIONS_END = "## end of definitions";

    private MitAnnotationFormat() {}

    /** True if the annotation is one WFDB reserves for the header notes at the start of a file. */
    static boolean isHeaderNote(Annotation a) {
        return a.sample() == 0 && a.code() == AnnotationCode.NOTE.code() && a.subtype() == 0;
    }

    /**
     * The text of a type definition note, as WFDB's {@code put_ann_table} writes it:
     * {@code "code mnemonic description"}, or {@code "code mnemonic"} for a type without description.
     */
    static String definitionText(AnnotationCode type) {
        return type.code() + " " + type.mnemonic() + (type.description() == null ? "" : " " + type.description());
    }

    /**
     * Parses a type definition note as WFDB's {@code get_ann_table} does: a leading integer
     * ({@code strtol} semantics), whitespace, a mnemonic token, one separator, and the rest as
     * description. Returns {@code null} for a note that defines nothing.
     */
    static AnnotationCode parseDefinition(String text) {
        int i = skipSeparators(text, 0);
        int tokenEnd = tokenEnd(text, i);
        if (i == tokenEnd) {
            return null;
        }
        Long code = parseLeadingLong(text, i, tokenEnd);
        if (code == null) {
            return null;
        }
        int c = code.intValue(); // C assigns strtol's long to an int
        if (c < 0 || c > AnnotationCode.ACMAX) {
            return null;
        }
        int m = skipSeparators(text, tokenEnd);
        int mEnd = tokenEnd(text, m);
        if (m == mEnd) {
            return null;
        }
        String mnemonic = text.substring(m, mEnd);
        // strtok ends the mnemonic at one separator; everything after it is the description. A
        // mnemonic that ends the text has no description (C would read past the string there).
        String description = mEnd < text.length() ? text.substring(mEnd + 1) : null;
        return new AnnotationCode(c, mnemonic, description);
    }

    /** The value of a {@code "## time resolution: F"} note, or NaN if the note holds no number. */
    static double parseTimeResolution(String text) {
        // sscanf("%lf") from the separator before the number: whitespace, then strtod's longest prefix.
        int i = TIME_RESOLUTION_PREFIX.length() - 1;
        while (i < text.length() && isCSpace(text.charAt(i))) {
            i++;
        }
        int start = i;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (i < text.length() && text.charAt(i) == '.') {
            i++;
            while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        int mantissaEnd = i;
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < text.length() && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                j++;
            }
            int expDigits = j;
            while (j < text.length() && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
                j++;
            }
            if (j > expDigits) {
                mantissaEnd = j;
            }
        }
        return Double.parseDouble(text.substring(start, mantissaEnd));
    }

    /** The text of a time resolution note ({@code "%.12g"} as C formats it). */
    static String timeResolutionText(double frequency) {
        return TIME_RESOLUTION_PREFIX + CFormat.g(frequency, 12);
    }

    /** strtol over text[from, to): the value saturated to the long range, or null if no digit leads. */
    private static Long parseLeadingLong(String text, int from, int to) {
        int i = from;
        if (i < to && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digitsEnd = i;
        while (digitsEnd < to && text.charAt(digitsEnd) >= '0' && text.charAt(digitsEnd) <= '9') {
            digitsEnd++;
        }
        if (digitsEnd == i) {
            return null;
        }
        BigInteger value = new BigInteger(text.substring(from, digitsEnd));
        return value.max(LONG_MIN).min(LONG_MAX).longValue();
    }

    private static int skipSeparators(String text, int i) {
        while (i < text.length() && isSeparator(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int tokenEnd(String text, int i) {
        while (i < text.length() && !isSeparator(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isCSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
    }
}
