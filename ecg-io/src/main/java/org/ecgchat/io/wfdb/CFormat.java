package org.ecgchat.io.wfdb;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** C's {@code printf("%.Ng")}, which WFDB uses to write gains and frequencies. */
final class CFormat {
    private CFormat() {
    }

    /** {@code %.{precision}g} of {@code value}, as glibc prints it. */
    static String g(double value, int precision) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0" : "0";
        }
        int p = Math.max(precision, 1);
        // The exact binary value rounded half-even to p digits, as glibc does.
        BigDecimal d = new BigDecimal(value).round(new MathContext(p, RoundingMode.HALF_EVEN));
        int exponent = d.precision() - d.scale() - 1;
        if (exponent < -4 || exponent >= p) {
            BigDecimal mantissa = d.movePointLeft(exponent);
            String m = stripZeros(mantissa.toPlainString());
            String sign = exponent < 0 ? "-" : "+";
            int e = Math.abs(exponent);
            return m + "e" + sign + (e < 10 ? "0" + e : Integer.toString(e));
        }
        return stripZeros(d.toPlainString());
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    private static final double[] POW10 = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12};

    /**
     * Appends {@code %{width}.{decimals}f} of {@code value} as glibc prints it: the exact binary value
     * correctly rounded (a double product is used when it is far from a rounding tie, which is
     * nearly always; otherwise the exact decimal expansion decides).
     */
    static void fixed(StringBuilder sb, double value, int width, int decimals) {
        int start = sb.length();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            sb.append(Double.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf");
        } else {
            boolean negative = value < 0 || (value == 0 && 1 / value < 0);
            double a = Math.abs(value);
            double scaled = a * POW10[decimals];
            String digits;
            double frac = scaled - Math.floor(scaled);
            if (scaled < 9e15 && Math.abs(frac - 0.5) > scaled * 4e-16) {
                long r = (long) Math.floor(scaled + 0.5);
                digits = Long.toString(r);
            } else {
                digits = new BigDecimal(a).setScale(decimals, RoundingMode.HALF_EVEN).unscaledValue().toString();
            }
            if (negative) {
                sb.append('-');
            }
            if (decimals == 0) {
                sb.append(digits);
            } else {
                if (digits.length() <= decimals) {
                    sb.append('0').append('.');
                    for (int i = digits.length(); i < decimals; i++) {
                        sb.append('0');
                    }
                    sb.append(digits);
                } else {
                    sb.append(digits, 0, digits.length() - decimals).append('.')
                            .append(digits, digits.length() - decimals, digits.length());
                }
            }
        }
        int len = sb.length() - start;
        if (len < width) {
            sb.insert(start, " ".repeat(width - len));
        }
    }

    /** Appends {@code %{width}d}. */
    static void integer(StringBuilder sb, long value, int width) {
        int start = sb.length();
        sb.append(value);
        int len = sb.length() - start;
        if (len < width) {
            sb.insert(start, " ".repeat(width - len));
        }
    }

    /** Appends {@code %{width}s} (right-aligned). */
    static void right(StringBuilder sb, String s, int width) {
        for (int i = s.length(); i < width; i++) {
            sb.append(' ');
        }
        sb.append(s);
    }
}
