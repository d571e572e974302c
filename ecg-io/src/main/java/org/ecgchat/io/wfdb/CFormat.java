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
}
