package org.ecgchat.io.preprocess;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rational-factor resampling by {@code up/down} with an anti-aliasing Kaiser-windowed FIR, laid out
 * like scipy's {@code resample_poly(x, up, down)}: output sample j sits at input time
 * {@code j·down/up}, the filter is centred on it, the signal is zero beyond its ends, and the
 * output has {@code ceil(n·up/down)} samples. Unlike scipy's default (β = 5, half length 10 × the
 * larger factor, about 54 dB) the filter is designed for {@value #ATTENUATION_DB} dB stop-band
 * attenuation with its transition from {@code 1 − δ} to {@code 1 + δ} times the lower Nyquist
 * frequency (δ = {@value #TRANSITION}), so frequencies up to 90% of the new Nyquist pass with a
 * ripple below 10⁻⁴ and aliases are suppressed by at least 60 dB. Only the taps that meet a
 * non-zero upsampled sample are evaluated (polyphase), so the cost per output sample is about
 * {@code taps/up}. Immutable and thread-safe; designed filters are cached.
 */
public final class PolyphaseResampler {

    /** Stop-band attenuation the filter is designed for. */
    public static final double ATTENUATION_DB = 80;
    /** Half the transition width, as a fraction of the lower Nyquist frequency. */
    public static final double TRANSITION = 0.1;
    /** Largest supported {@code max(up, down)} after reduction (bounds the filter length). */
    public static final int MAX_FACTOR = 10_000;

    private static final Map<Long, PolyphaseResampler> CACHE = new ConcurrentHashMap<>();

    private final int up;
    private final int down;
    private final int halfLength;
    /** taps[phase][i] = h[phase + i·up]: the taps that meet input samples for outputs of this phase. */
    private final double[][] taps;

    private PolyphaseResampler(int up, int down) {
        this.up = up;
        this.down = down;
        int max = Math.max(up, down);
        if (up == down) {
            this.halfLength = 0;
            this.taps = new double[][] {{1}};
            return;
        }
        int numtaps = KaiserLowPass.taps(ATTENUATION_DB, 2 * TRANSITION / max);
        this.halfLength = numtaps / 2;
        double[] h = KaiserLowPass.design(2 * halfLength + 1, 1.0 / max, KaiserLowPass.beta(ATTENUATION_DB));
        this.taps = new double[up][];
        for (int phase = 0; phase < up; phase++) {
            int count = phase < h.length ? (h.length - 1 - phase) / up + 1 : 0;
            double[] t = new double[count];
            for (int i = 0; i < count; i++) {
                t[i] = h[phase + i * up] * up; // ×up restores the amplitude lost to zero-stuffing
            }
            taps[phase] = t;
        }
    }

    /** A resampler by {@code up/down} (reduced by their gcd). */
    public static PolyphaseResampler of(int up, int down) {
        if (up < 1 || down < 1) {
            throw new IllegalArgumentException("resampling factors must be positive, got up=" + up + " down=" + down);
        }
        int g = gcd(up, down);
        int u = up / g, d = down / g;
        if (Math.max(u, d) > MAX_FACTOR) {
            throw new IllegalArgumentException("resampling by " + u + "/" + d + " needs a factor above " + MAX_FACTOR
                    + "; resample in two stages");
        }
        return CACHE.computeIfAbsent(((long) u << 32) | d, k -> new PolyphaseResampler(u, d));
    }

    /**
     * A resampler between two integral sampling frequencies in Hz (e.g. 500 → 360 gives 18/25).
     *
     * @throws IllegalArgumentException if a frequency is not a positive whole number of Hz
     */
    public static PolyphaseResampler between(double fromHz, double toHz) {
        return of(wholeHz(toHz, "target"), wholeHz(fromHz, "source"));
    }

    private static int wholeHz(double hz, String what) {
        if (!(hz >= 1) || hz > Integer.MAX_VALUE || hz != Math.rint(hz)) {
            throw new IllegalArgumentException("polyphase resampling needs whole-Hz rates; the " + what
                    + " sampling frequency is " + hz + " Hz");
        }
        return (int) hz;
    }

    /** Upsampling factor after reduction. */
    public int up() {
        return up;
    }

    /** Downsampling factor after reduction. */
    public int down() {
        return down;
    }

    /** Number of output samples for {@code n} input samples: {@code ceil(n·up/down)}. */
    public int outputLength(int n) {
        long len = ((long) n * up + down - 1) / down;
        if (len > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("resampling " + n + " samples by " + up + "/" + down
                    + " gives more samples than a Java array holds");
        }
        return (int) len;
    }

    /** Resamples one lead. */
    public double[] apply(double[] x) {
        int n = x.length;
        double[] y = new double[outputLength(n)];
        if (up == down) {
            System.arraycopy(x, 0, y, 0, n);
            return y;
        }
        for (int j = 0; j < y.length; j++) {
            // position in the upsampled, filtered stream: h index = t − k·up for input sample k
            long t = (long) j * down + halfLength;
            int phase = (int) (t % up);
            long kMax = t / up;
            double[] tp = taps[phase];
            int i0 = 0;
            if (kMax > n - 1) {
                i0 = (int) (kMax - (n - 1));
            }
            int i1 = (int) Math.min(tp.length - 1, kMax);
            double acc = 0;
            for (int i = i0; i <= i1; i++) {
                acc += tp[i] * x[(int) (kMax - i)];
            }
            y[j] = acc;
        }
        return y;
    }

    /** Resamples every lead. */
    public double[][] apply(double[][] leads) {
        double[][] out = new double[leads.length][];
        for (int i = 0; i < leads.length; i++) {
            out[i] = apply(leads[i]);
        }
        return out;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
