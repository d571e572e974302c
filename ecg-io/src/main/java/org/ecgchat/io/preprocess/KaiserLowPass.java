package org.ecgchat.io.preprocess;

/**
 * Linear-phase low-pass FIR filters by the window method with a Kaiser window, as scipy's
 * {@code firwin(numtaps, cutoff, window=("kaiser", beta))} (cutoff relative to the Nyquist
 * frequency, taps scaled to unit DC gain), with the length and β chosen by Kaiser's formulas
 * ({@code kaiserord}) for a stop-band attenuation and transition width.
 */
final class KaiserLowPass {

    private KaiserLowPass() {}

    /** Kaiser's β for a stop-band attenuation of {@code attenuationDb} dB. */
    static double beta(double attenuationDb) {
        if (attenuationDb > 50) {
            return 0.1102 * (attenuationDb - 8.7);
        } else if (attenuationDb > 21) {
            return 0.5842 * Math.pow(attenuationDb - 21, 0.4) + 0.07886 * (attenuationDb - 21);
        }
        return 0;
    }

    /**
     * Kaiser's estimate of the taps needed for {@code attenuationDb} over a transition of
     * {@code width} (a fraction of the Nyquist frequency).
     */
    static int taps(double attenuationDb, double width) {
        return (int) Math.ceil((attenuationDb - 7.95) / (2.285 * Math.PI * width) + 1);
    }

    /** {@code numtaps} taps of a windowed-sinc low-pass with cutoff {@code cutoff} × Nyquist, summing to 1. */
    static double[] design(int numtaps, double cutoff, double beta) {
        double[] h = new double[numtaps];
        double alpha = 0.5 * (numtaps - 1);
        double i0Beta = besselI0(beta);
        double sum = 0;
        for (int n = 0; n < numtaps; n++) {
            double m = n - alpha;
            double r = numtaps == 1 ? 0 : 2 * n / (double) (numtaps - 1) - 1;
            double window = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / i0Beta;
            h[n] = cutoff * sinc(cutoff * m) * window;
            sum += h[n];
        }
        for (int n = 0; n < numtaps; n++) {
            h[n] /= sum;
        }
        return h;
    }

    private static double sinc(double x) {
        if (x == 0) {
            return 1;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    /** Modified Bessel function of the first kind, order 0, by its power series (converges for all x). */
    static double besselI0(double x) {
        double term = 1, sum = 1, q = x * x / 4;
        for (int k = 1; k < 500; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }
}
