package org.ecgchat.io.synth;

import java.util.random.RandomGenerator;

/**
 * Adds recording noise to the independent leads: baseline wander (a respiratory component shared
 * by all leads with lead-specific weights plus slow electrode drift), powerline hum with a third
 * harmonic, and high-pass filtered Gaussian EMG noise whose intensity swells and fades.
 */
final class NoiseModel {

    /** EMG is muscle noise above ~20 Hz; a one-pole high-pass keeps it out of the ECG band below. */
    private static final double EMG_CORNER_HZ = 20;

    private NoiseModel() {}

    static void addTo(double[][] leads, NoiseLevels levels, double fs, double respirationHz, RandomGenerator rng) {
        if (levels.isClean()) {
            return;
        }
        int n = leads[0].length;
        double respirationPhase = rng.nextDouble(0, 2 * Math.PI);
        for (double[] lead : leads) {
            if (levels.baselineWanderMv() > 0) {
                double wRespiration = rng.nextDouble(-1, 1);
                Oscillator breathing = new Oscillator(respirationHz, respirationPhase, fs);
                Oscillator drift = new Oscillator(rng.nextDouble(0.03, 0.12), rng.nextDouble(0, 2 * Math.PI), fs);
                double a = levels.baselineWanderMv() / 1.5;
                for (int i = 0; i < n; i++) {
                    lead[i] += a * (wRespiration * breathing.next() + 0.5 * drift.next());
                }
            }
            if (levels.powerlineMv() > 0) {
                double a = levels.powerlineMv() * rng.nextDouble(0.5, 1);
                double phase = rng.nextDouble(0, 2 * Math.PI);
                Oscillator mains = new Oscillator(levels.powerlineHz(), phase, fs);
                boolean harmonic = 3 * levels.powerlineHz() < fs / 2;
                Oscillator third = new Oscillator(3 * levels.powerlineHz(), 3 * phase, fs);
                for (int i = 0; i < n; i++) {
                    lead[i] += a * mains.next() + (harmonic ? 0.1 * a * third.next() : 0);
                }
            }
            if (levels.emgMv() > 0) {
                double alpha = 1 / (1 + 2 * Math.PI * EMG_CORNER_HZ / fs);
                // the high-pass removes part of the white noise's power; rescale to the requested RMS
                double gain = levels.emgMv() / Math.sqrt(2 * alpha * alpha / (1 + alpha));
                Oscillator burst = new Oscillator(rng.nextDouble(0.1, 0.5), rng.nextDouble(0, 2 * Math.PI), fs);
                double previousIn = 0, previousOut = 0;
                for (int i = 0; i < n; i++) {
                    double in = rng.nextGaussian();
                    double out = alpha * (previousOut + in - previousIn);
                    previousIn = in;
                    previousOut = out;
                    double envelope = 1 + 0.5 * burst.next();
                    lead[i] += gain * envelope * out / Math.sqrt(1.125);
                }
            }
        }
    }
}
