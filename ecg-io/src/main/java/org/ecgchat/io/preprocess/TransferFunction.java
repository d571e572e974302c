package org.ecgchat.io.preprocess;

import java.util.Arrays;

/**
 * A digital filter as numerator and denominator polynomials in z⁻¹ (scipy's {@code b, a}), run
 * in transposed direct form II. {@link #filtfilt} is scipy's {@code filtfilt(b, a, x)} with its
 * default "pad" method (odd extension of 3 × max(len(a), len(b)) samples, steady-state initial
 * conditions). Immutable.
 */
public final class TransferFunction {

    private final double[] b;
    private final double[] a;

    /** The filter {@code B(z)/A(z)}; both are normalised by {@code a[0]}, which must not be 0. */
    public TransferFunction(double[] b, double[] a) {
        if (b.length == 0 || a.length == 0 || a[0] == 0) {
            throw new IllegalArgumentException("a transfer function needs non-empty b and a with a[0] != 0, got b="
                    + Arrays.toString(b) + " a=" + Arrays.toString(a));
        }
        int n = Math.max(a.length, b.length);
        this.b = new double[n];
        this.a = new double[n];
        for (int i = 0; i < b.length; i++) {
            this.b[i] = b[i] / a[0];
        }
        for (int i = 0; i < a.length; i++) {
            this.a[i] = a[i] / a[0];
        }
        for (double v : this.b) {
            requireFinite(v);
        }
        for (double v : this.a) {
            requireFinite(v);
        }
    }

    private static void requireFinite(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("filter coefficients must be finite, got " + v);
        }
    }

    /** Zero-phase filtering with scipy's defaults. */
    public double[] filtfilt(double[] x) {
        int edge = 3 * b.length;
        if (x.length <= edge) {
            throw new IllegalArgumentException("a signal of " + x.length + " samples is too short for zero-phase"
                    + " filtering with " + b.length + " taps (needs more than " + edge + ")");
        }
        double[] ext = OddExtension.extend(x, edge);
        double[] zi = steadyState(b, a);
        double[] y = filter(ext, zi, ext[0]);
        SecondOrderSections.reverse(y);
        y = filter(y, zi, y[0]);
        SecondOrderSections.reverse(y);
        return Arrays.copyOfRange(y, edge, edge + x.length);
    }

    /** Causal filtering from rest (scipy {@code lfilter(b, a, x)}). */
    public double[] filter(double[] x) {
        return filter(x, new double[b.length - 1], 0);
    }

    private double[] filter(double[] x, double[] zi, double scale) {
        int order = b.length - 1;
        double[] z = new double[order];
        for (int i = 0; i < order; i++) {
            z[i] = zi[i] * scale;
        }
        double[] y = new double[x.length];
        for (int n = 0; n < x.length; n++) {
            double in = x[n];
            double out = b[0] * in + (order > 0 ? z[0] : 0);
            for (int i = 0; i < order - 1; i++) {
                z[i] = b[i + 1] * in - a[i + 1] * out + z[i + 1];
            }
            if (order > 0) {
                z[order - 1] = b[order] * in - a[order] * out;
            }
            y[n] = out;
        }
        return y;
    }

    /**
     * The transposed-direct-form-II state after a unit step has run forever (scipy
     * {@code lfilter_zi}): with DC gain {@code G = Σb / Σa}, state k is {@code Σ_{j>k} (b_j − a_j G)}.
     * {@code b} and {@code a} have equal length and {@code a[0] = 1}.
     */
    static double[] steadyState(double[] b, double[] a) {
        double sumB = 0, sumA = 0;
        for (int i = 0; i < b.length; i++) {
            sumB += b[i];
            sumA += a[i];
        }
        if (sumA == 0) {
            throw new IllegalArgumentException("the filter has a pole at z = 1 (infinite DC gain); no steady state");
        }
        double gain = sumB / sumA;
        double[] zi = new double[b.length - 1];
        double acc = 0;
        for (int k = b.length - 1; k >= 1; k--) {
            acc += b[k] - a[k] * gain;
            zi[k - 1] = acc;
        }
        return zi;
    }
}
