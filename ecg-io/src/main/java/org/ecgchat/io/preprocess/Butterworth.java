package org.ecgchat.io.preprocess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Digital Butterworth filters designed like scipy's {@code butter(..., output="sos", fs=fs)}:
 * the analog prototype is frequency-transformed at pre-warped edges and mapped with the bilinear
 * transform, so the magnitude of one pass is exactly
 * {@code 1 / sqrt(1 + (tan(πf/fs) / tan(πfc/fs))^(2N))} for a low-pass (and the analogous forms
 * for high- and band-pass). Sections are ordered from the pole farthest from the unit circle to
 * the nearest, which keeps the cascade well conditioned.
 */
public final class Butterworth {

    private Butterworth() {}

    /** Low-pass of the given order with −3 dB point {@code cutoff} Hz. */
    public static SecondOrderSections lowPass(int order, double cutoff, double samplingFrequency) {
        checkOrder(order);
        double w = warp(cutoff, samplingFrequency, "cutoff");
        List<Complex> poles = new ArrayList<>();
        for (Complex p : prototype(order)) {
            poles.add(p.times(w));
        }
        return design(poles, order, 0, Complex.ONE);
    }

    /** High-pass of the given order with −3 dB point {@code cutoff} Hz. */
    public static SecondOrderSections highPass(int order, double cutoff, double samplingFrequency) {
        checkOrder(order);
        double w = warp(cutoff, samplingFrequency, "cutoff");
        List<Complex> poles = new ArrayList<>();
        for (Complex p : prototype(order)) {
            poles.add(new Complex(w, 0).divide(p));
        }
        return design(poles, 0, order, Complex.ONE.negate());
    }

    /** Band-pass of the given (prototype) order, i.e. 2 × order poles, between {@code low} and {@code high} Hz. */
    public static SecondOrderSections bandPass(int order, double low, double high, double samplingFrequency) {
        checkOrder(order);
        if (!(low < high)) {
            throw new IllegalArgumentException("band-pass needs low < high, got " + low + " and " + high + " Hz");
        }
        double w1 = warp(low, samplingFrequency, "low cutoff");
        double w2 = warp(high, samplingFrequency, "high cutoff");
        double bw = w2 - w1, w0 = Math.sqrt(w1 * w2);
        List<Complex> poles = new ArrayList<>();
        for (Complex p : prototype(order)) {
            Complex half = p.times(bw / 2);
            Complex root = half.times(half).minus(new Complex(w0 * w0, 0)).sqrt();
            poles.add(half.plus(root));
            poles.add(half.minus(root));
        }
        // the analog centre frequency maps to this digital frequency, where |H| = 1
        double theta0 = 2 * Math.atan(w0 / 4);
        return design(poles, order, order, new Complex(Math.cos(theta0), Math.sin(theta0)));
    }

    private static void checkOrder(int order) {
        if (order < 1 || order > 20) {
            throw new IllegalArgumentException("Butterworth order must be between 1 and 20, got " + order);
        }
    }

    /** Pre-warped analog frequency for the bilinear transform with scipy's fs = 2 convention. */
    private static double warp(double f, double samplingFrequency, String what) {
        if (!(f > 0 && f < samplingFrequency / 2)) {
            throw new IllegalArgumentException("the " + what + " must lie strictly between 0 and the Nyquist frequency "
                    + samplingFrequency / 2 + " Hz, got " + f + " Hz");
        }
        return 4 * Math.tan(Math.PI * f / samplingFrequency);
    }

    /** Analog Butterworth prototype poles {@code -exp(iπm/2N)}, m = −N+1, −N+3, …, N−1. */
    private static List<Complex> prototype(int n) {
        List<Complex> poles = new ArrayList<>();
        for (int m = -n + 1; m < n; m += 2) {
            double angle = Math.PI * m / (2.0 * n);
            poles.add(new Complex(-Math.cos(angle), -Math.sin(angle)));
        }
        return poles;
    }

    /**
     * Maps analog poles to the z-plane (bilinear, fs = 2), places the given number of zeros at
     * z = −1 and z = +1, pairs everything into sections and scales the cascade to unit gain at
     * {@code reference} on the unit circle.
     */
    private static SecondOrderSections design(List<Complex> analogPoles, int zerosAtMinusOne, int zerosAtPlusOne,
                                              Complex reference) {
        List<Complex> upper = new ArrayList<>();
        List<Double> real = new ArrayList<>();
        for (Complex s : analogPoles) {
            Complex z = new Complex(4, 0).plus(s).divide(new Complex(4, 0).minus(s));
            if (Math.abs(z.im()) < 1e-12 * Math.max(1, z.abs())) {
                real.add(z.re());
            } else if (z.im() > 0) {
                upper.add(z);
            }
        }
        List<double[]> denominators = new ArrayList<>();
        for (Complex p : upper) {
            denominators.add(new double[] {1, -2 * p.re(), p.re() * p.re() + p.im() * p.im()});
        }
        real.sort(Comparator.naturalOrder());
        for (int i = 0; i + 1 < real.size(); i += 2) {
            double p = real.get(i), q = real.get(i + 1);
            denominators.add(new double[] {1, -(p + q), p * q});
        }
        if (real.size() % 2 == 1) {
            denominators.add(new double[] {1, -real.get(real.size() - 1), 0});
        }
        // farthest from the unit circle first: |pole|² is the a2 coefficient (or |a1| for first order)
        denominators.sort(Comparator.comparingDouble(d -> d[2] != 0 ? d[2] : Math.abs(d[1])));

        int minus = zerosAtMinusOne, plus = zerosAtPlusOne;
        double[][] sections = new double[denominators.size()][];
        for (int i = 0; i < sections.length; i++) {
            double[] a = denominators.get(i);
            int slots = a[2] != 0 ? 2 : 1;
            double[] num = {1, 0, 0};
            for (int k = 0; k < slots; k++) {
                if (minus > 0) {
                    num = multiplyByRoot(num, -1);
                    minus--;
                } else if (plus > 0) {
                    num = multiplyByRoot(num, 1);
                    plus--;
                }
            }
            sections[i] = new double[] {num[0], num[1], num[2], a[0], a[1], a[2]};
        }
        if (minus + plus != 0) {
            throw new IllegalStateException("unpaired zeros in the Butterworth design");
        }
        Complex h = Complex.ONE;
        Complex zInv = reference.reciprocal();
        Complex zInv2 = zInv.times(zInv);
        for (double[] s : sections) {
            Complex num = new Complex(s[0], 0).plus(zInv.times(s[1])).plus(zInv2.times(s[2]));
            Complex den = new Complex(s[3], 0).plus(zInv.times(s[4])).plus(zInv2.times(s[5]));
            h = h.times(num.divide(den));
        }
        double gain = 1 / h.abs();
        for (int k = 0; k < 3; k++) {
            sections[0][k] *= gain;
        }
        return new SecondOrderSections(sections);
    }

    /** {@code num(z⁻¹) × (1 − root·z⁻¹)} for a polynomial of degree ≤ 1 stored in 3 slots. */
    private static double[] multiplyByRoot(double[] num, double root) {
        return new double[] {num[0], num[1] - root * num[0], num[2] - root * num[1]};
    }

    /** Just enough complex arithmetic for filter design. */
    private record Complex(double re, double im) {
        static final Complex ONE = new Complex(1, 0);

        Complex plus(Complex o) {
            return new Complex(re + o.re, im + o.im);
        }

        Complex minus(Complex o) {
            return new Complex(re - o.re, im - o.im);
        }

        Complex times(Complex o) {
            return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
        }

        Complex times(double k) {
            return new Complex(re * k, im * k);
        }

        Complex divide(Complex o) {
            double d = o.re * o.re + o.im * o.im;
            return new Complex((re * o.re + im * o.im) / d, (im * o.re - re * o.im) / d);
        }

        Complex reciprocal() {
            return ONE.divide(this);
        }

        Complex negate() {
            return new Complex(-re, -im);
        }

        double abs() {
            return Math.hypot(re, im);
        }

        Complex sqrt() {
            double r = abs();
            double a = Math.sqrt((r + re) / 2);
            double b = Math.copySign(Math.sqrt((r - re) / 2), im);
            return new Complex(a, b);
        }
    }
}
