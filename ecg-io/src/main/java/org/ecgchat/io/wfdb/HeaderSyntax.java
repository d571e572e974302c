package org.ecgchat.io.wfdb;

/**
 * The composite fields of header lines, split by hand: regular expressions cost more than all the
 * rest of parsing a header. Each method accepts exactly the language documented on it (numbers
 * are ASCII) and returns the texts of its parts, or {@code null} when the field does not match;
 * the caller converts the parts and names the field in its error.
 */
final class HeaderSyntax {
    private HeaderSyntax() {
    }

    /** The parts of {@code FS[/COUNTER[(BASE)]]}, each a {@link #decimalEnd decimal}. */
    record Frequency(String sampling, String counter, String base) {
    }

    /** The parts of {@code GAIN[(BASELINE)][/UNITS]}: a decimal, {@code [+-]?\d{1,10}}, any text. */
    record Gain(String gain, String baseline, String units) {
    }

    /** Splits a frequency field; {@code counter} and {@code base} are {@code null} when absent. */
    static Frequency frequency(String s) {
        int n = s.length();
        int e = decimalEnd(s, 0);
        if (e < 0) {
            return null;
        }
        if (e == n) {
            return new Frequency(s, null, null);
        }
        if (s.charAt(e) != '/') {
            return null;
        }
        int c = e + 1;
        int ce = decimalEnd(s, c);
        if (ce < 0) {
            return null;
        }
        if (ce == n) {
            return new Frequency(s.substring(0, e), s.substring(c), null);
        }
        if (s.charAt(ce) != '(' || s.charAt(n - 1) != ')' || decimalEnd(s, ce + 1) != n - 1) {
            return null;
        }
        return new Frequency(s.substring(0, e), s.substring(c, ce), s.substring(ce + 1, n - 1));
    }

    /**
     * Splits a gain field; {@code baseline} is {@code null} when absent, {@code units} when no
     * {@code /} follows (an empty string after a {@code /}). Units hold no line separator.
     */
    static Gain gain(String s) {
        int n = s.length();
        int e = decimalEnd(s, 0);
        if (e < 0) {
            return null;
        }
        int i = e;
        String baseline = null;
        if (i < n && s.charAt(i) == '(') {
            int b = i + 1;
            int d = b < n && (s.charAt(b) == '+' || s.charAt(b) == '-') ? b + 1 : b;
            int de = digitsEnd(s, d, 10);
            if (de < 0 || de >= n || s.charAt(de) != ')') {
                return null;
            }
            baseline = s.substring(b, de);
            i = de + 1;
        }
        String units = null;
        if (i < n) {
            if (s.charAt(i) != '/') {
                return null;
            }
            units = s.substring(i + 1);
            // what "." in a regular expression refuses
            if (units.indexOf('\u0085') >= 0 || units.indexOf('\u2028') >= 0 || units.indexOf('\u2029') >= 0) {
                return null;
            }
        }
        return new Gain(e == n ? s : s.substring(0, e), baseline, units);
    }

    /**
     * True if {@code s} is {@code \d{1,9}([x:+]\d{1,18})*}: a format code followed by samples per
     * frame, skew and byte offset suffixes in any order.
     */
    static boolean isFormat(String s) {
        int i = digitsEnd(s, 0, 9);
        if (i < 0) {
            return false;
        }
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != 'x' && c != ':' && c != '+') {
                return false;
            }
            i = digitsEnd(s, i + 1, 18);
            if (i < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * End of the decimal number {@code [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?} that starts at
     * {@code i} and is as long as possible, or -1 if none starts there.
     */
    static int decimalEnd(String s, int i) {
        int n = s.length();
        int j = i < n && (s.charAt(i) == '+' || s.charAt(i) == '-') ? i + 1 : i;
        int k = skipDigits(s, j);
        if (k > j) {
            if (k < n && s.charAt(k) == '.') {
                k = skipDigits(s, k + 1);
            }
        } else {
            if (k >= n || s.charAt(k) != '.') {
                return -1;
            }
            int f = skipDigits(s, k + 1);
            if (f == k + 1) {
                return -1;
            }
            k = f;
        }
        if (k < n && (s.charAt(k) == 'e' || s.charAt(k) == 'E')) {
            int x = k + 1;
            if (x < n && (s.charAt(x) == '+' || s.charAt(x) == '-')) {
                x++;
            }
            int xe = skipDigits(s, x);
            if (xe > x) {
                k = xe;
            }
        }
        return k;
    }

    /** End of the run of 1 to {@code max} ASCII digits at {@code i}; -1 if there is none or it is longer. */
    static int digitsEnd(String s, int i, int max) {
        int e = skipDigits(s, i);
        return e == i || e - i > max ? -1 : e;
    }

    private static int skipDigits(String s, int i) {
        int n = s.length();
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
