package org.ecgchat.io.synth;

/**
 * A sinusoid {@code sin(2 pi f t + phase)} sampled at a fixed rate, produced by rotating a unit
 * phasor: two multiplications and additions per sample instead of a {@code sin} call. Start
 * values come from {@link StrictMath}, so the samples are the same on every platform.
 */
final class Oscillator {

    private final double cosStep, sinStep;
    private double cos, sin;

    Oscillator(double frequencyHz, double phase, double fs) {
        double step = 2 * Math.PI * frequencyHz / fs;
        cosStep = StrictMath.cos(step);
        sinStep = StrictMath.sin(step);
        cos = StrictMath.cos(phase);
        sin = StrictMath.sin(phase);
    }

    /** The current sample; then advances by one sample. */
    double next() {
        double value = sin;
        double c = cos * cosStep - sin * sinStep;
        sin = sin * cosStep + cos * sinStep;
        cos = c;
        return value;
    }
}
