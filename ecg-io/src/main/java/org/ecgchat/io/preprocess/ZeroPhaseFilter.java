package org.ecgchat.io.preprocess;

/**
 * A step that runs an IIR filter forwards and backwards over every lead (zero phase, squared
 * magnitude; see {@link SecondOrderSections#filtfilt}). The filter is designed for the signal's
 * sampling frequency when the step is applied.
 */
public sealed interface ZeroPhaseFilter extends PreprocessStep permits HighPass, LowPass, BandPass, Notch {

    /** The filter for a signal sampled at {@code samplingFrequency} Hz. */
    SecondOrderSections design(double samplingFrequency);

    /** Rejects orders outside 1..20 and non-positive or non-finite edge frequencies. */
    static void check(int order, double frequency) {
        if (order < 1 || order > 20) {
            throw new IllegalArgumentException("filter order must be between 1 and 20, got " + order);
        }
        if (!(frequency > 0) || Double.isInfinite(frequency)) {
            throw new IllegalArgumentException("filter edge frequency must be positive and finite, got " + frequency);
        }
    }

    @Override
    default EcgSignal apply(EcgSignal signal) {
        SecondOrderSections sos = design(signal.samplingFrequency());
        double[][] in = signal.samples();
        double[][] out = new double[in.length][];
        for (int i = 0; i < in.length; i++) {
            out[i] = sos.filtfilt(in[i]);
        }
        return signal.withSamples(out, signal.samplingFrequency());
    }
}
