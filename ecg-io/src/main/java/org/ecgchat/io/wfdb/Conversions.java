package org.ecgchat.io.wfdb;

/**
 * Digital to physical conversion, {@code (digital - baseline) / gain} correctly rounded as WFDB's
 * C division gives it. Division is slow, so the quotient is computed as {@code q = x * (1/gain)}
 * and corrected once with fused multiply-adds ({@code q + (x - q*gain) * (1/gain)}): Markstein's
 * theorem makes that the correctly rounded quotient when {@code 1/gain} is correctly rounded, and
 * {@code ConversionsTest} checks it against division over whole format ranges.
 */
final class Conversions {
    private Conversions() {
    }

    /** The conversion of one signal. */
    record Scale(double baseline, double gain, double reciprocal, boolean fast) {
        static Scale of(SignalSpec spec) {
            double g = spec.effectiveGain();
            double r = 1.0 / g;
            double a = Math.abs(g);
            // keep far from overflow and subnormals, where the correction's premises fail
            boolean fast = a > 0x1p-500 && a < 0x1p500;
            return new Scale(spec.baseline(), g, r, fast);
        }

        double apply(int v) {
            double x = v - baseline;
            if (!fast) {
                return x / gain;
            }
            double q = x * reciprocal;
            return Math.fma(Math.fma(-q, gain, x), reciprocal, q);
        }
    }

    static Scale[] scales(WfdbHeader header, int[] signals) {
        Scale[] s = new Scale[signals.length];
        for (int i = 0; i < signals.length; i++) {
            s[i] = Scale.of(header.signals().get(signals[i]));
        }
        return s;
    }

    static void toPhysical(int[] d, double[] out, Scale s) {
        for (int i = 0; i < d.length; i++) {
            int v = d[i];
            out[i] = v == WfdbRecord.INVALID_SAMPLE ? Double.NaN : s.apply(v);
        }
    }
}
