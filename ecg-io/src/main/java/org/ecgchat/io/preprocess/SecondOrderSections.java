package org.ecgchat.io.preprocess;

import java.util.Arrays;

/**
 * A digital IIR filter as a cascade of second-order sections (biquads), each
 * {@code [b0, b1, b2, 1, a1, a2]} like scipy's {@code sos} arrays, run in transposed direct form II.
 * {@link #filtfilt} is the zero-phase forward-backward filter of scipy's {@code sosfiltfilt}
 * (odd extension of 3 × (2 × sections + 1) samples, minus trailing zero coefficients, and
 * steady-state initial conditions scaled by the first sample), so its magnitude response is
 * {@code |H(f)|²} and its phase is exactly zero. Immutable.
 */
public final class SecondOrderSections {

    private final double[][] sections;

    /**
     * A cascade of the given sections; each is {@code [b0, b1, b2, a0, a1, a2]} and is normalised
     * so that {@code a0 = 1}.
     */
    public SecondOrderSections(double[][] sections) {
        if (sections.length == 0) {
            throw new IllegalArgumentException("a filter needs at least one second-order section");
        }
        this.sections = new double[sections.length][];
        for (int i = 0; i < sections.length; i++) {
            double[] s = sections[i];
            if (s.length != 6) {
                throw new IllegalArgumentException("section " + i + " has " + s.length + " coefficients, expected 6");
            }
            if (s[3] == 0 || !Arrays.stream(s).allMatch(Double::isFinite)) {
                throw new IllegalArgumentException("section " + i + " has a zero a0 or a non-finite coefficient: "
                        + Arrays.toString(s));
            }
            double a0 = s[3];
            this.sections[i] = new double[] {s[0] / a0, s[1] / a0, s[2] / a0, 1, s[4] / a0, s[5] / a0};
        }
    }

    /**
     * The notch (band-stop) biquad of scipy's {@code iirnotch}: zero gain at {@code frequency},
     * −3 dB bandwidth {@code frequency / quality} for a single pass.
     */
    public static SecondOrderSections notch(double frequency, double quality, double samplingFrequency) {
        if (!(frequency > 0 && frequency < samplingFrequency / 2)) {
            throw new IllegalArgumentException("notch frequency must lie strictly between 0 and the Nyquist frequency "
                    + samplingFrequency / 2 + " Hz, got " + frequency);
        }
        if (!(quality > 0) || Double.isInfinite(quality)) {
            throw new IllegalArgumentException("notch quality factor must be positive, got " + quality);
        }
        double w0 = 2 * Math.PI * frequency / samplingFrequency;
        double bw = w0 / quality;
        double gain = 1 / (1 + Math.tan(bw / 2));
        double c = Math.cos(w0);
        return new SecondOrderSections(new double[][] {{gain, -2 * gain * c, gain, 1, -2 * gain * c, 2 * gain - 1}});
    }

    /** Number of sections. */
    public int sectionCount() {
        return sections.length;
    }

    /** A copy of the normalised sections {@code [b0, b1, b2, 1, a1, a2]}. */
    public double[][] sections() {
        double[][] out = new double[sections.length][];
        for (int i = 0; i < sections.length; i++) {
            out[i] = sections[i].clone();
        }
        return out;
    }

    /** Magnitude of the frequency response of one (causal) pass at {@code frequency} Hz. */
    public double magnitude(double frequency, double samplingFrequency) {
        double w = 2 * Math.PI * frequency / samplingFrequency;
        double c1 = Math.cos(w), s1 = -Math.sin(w), c2 = Math.cos(2 * w), s2 = -Math.sin(2 * w);
        double mag = 1;
        for (double[] s : sections) {
            double nr = s[0] + s[1] * c1 + s[2] * c2, ni = s[1] * s1 + s[2] * s2;
            double dr = 1 + s[4] * c1 + s[5] * c2, di = s[4] * s1 + s[5] * s2;
            mag *= Math.sqrt((nr * nr + ni * ni) / (dr * dr + di * di));
        }
        return mag;
    }

    /** The default edge extension of {@link #filtfilt}: scipy's {@code 3 * ntaps}. */
    public int padLength() {
        int zeroB2 = 0, zeroA2 = 0;
        for (double[] s : sections) {
            zeroB2 += s[2] == 0 ? 1 : 0;
            zeroA2 += s[5] == 0 ? 1 : 0;
        }
        return 3 * (2 * sections.length + 1 - Math.min(zeroB2, zeroA2));
    }

    /**
     * Zero-phase filtering (scipy {@code sosfiltfilt(sos, x)} with its defaults).
     *
     * @throws IllegalArgumentException if {@code x} is not longer than {@link #padLength()}
     */
    public double[] filtfilt(double[] x) {
        int edge = padLength();
        if (x.length <= edge) {
            throw new IllegalArgumentException("a signal of " + x.length + " samples is too short for zero-phase"
                    + " filtering with " + sections.length + " sections (needs more than " + edge + ")");
        }
        double[] ext = OddExtension.extend(x, edge);
        double[][] zi = steadyState();
        double[] y = filter(ext, zi, ext[0]);
        reverse(y);
        y = filter(y, zi, y[0]);
        reverse(y);
        return Arrays.copyOfRange(y, edge, edge + x.length);
    }

    /** Causal filtering from rest (scipy {@code sosfilt(sos, x)}). */
    public double[] filter(double[] x) {
        return filter(x, new double[sections.length][2], 0);
    }

    private double[] filter(double[] x, double[][] zi, double scale) {
        double[] y = x.clone();
        for (int k = 0; k < sections.length; k++) {
            double[] s = sections[k];
            double b0 = s[0], b1 = s[1], b2 = s[2], a1 = s[4], a2 = s[5];
            double z0 = zi[k][0] * scale, z1 = zi[k][1] * scale;
            for (int n = 0; n < y.length; n++) {
                double in = y[n];
                double out = b0 * in + z0;
                z0 = b1 * in - a1 * out + z1;
                z1 = b2 * in - a2 * out;
                y[n] = out;
            }
        }
        return y;
    }

    /**
     * Per-section states after a unit step has run forever (scipy {@code sosfilt_zi}): section k
     * sees a step scaled by the DC gain of the sections before it.
     */
    private double[][] steadyState() {
        double[][] zi = new double[sections.length][];
        double scale = 1;
        for (int k = 0; k < sections.length; k++) {
            double[] s = sections[k];
            double[] state = TransferFunction.steadyState(new double[] {s[0], s[1], s[2]}, new double[] {1, s[4], s[5]});
            zi[k] = new double[] {scale * state[0], scale * state[1]};
            scale *= (s[0] + s[1] + s[2]) / (1 + s[4] + s[5]);
        }
        return zi;
    }

    static void reverse(double[] y) {
        for (int i = 0, j = y.length - 1; i < j; i++, j--) {
            double t = y[i];
            y[i] = y[j];
            y[j] = t;
        }
    }

    @Override
    public String toString() {
        return "SecondOrderSections" + Arrays.deepToString(sections);
    }
}
