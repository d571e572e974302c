package org.ecgchat.io.synth;

import java.util.random.RandomGenerator;

/**
 * The chaotic atrial activity of atrial fibrillation: f waves at 300–480 per minute whose rate,
 * size and direction wander. The dipole points right and anterior, so the waves are coarsest in
 * V1 and smaller in the inferior leads, as on real tracings.
 */
final class FibrillatoryWaves {

    private final double amplitude;
    private final double rateHz;
    private final double[] modulationHz = new double[3];
    private final double[] modulationPhase = new double[3];
    private final double harmonicPhase;
    private final Vec3 direction;

    FibrillatoryWaves(RandomGenerator rng) {
        amplitude = rng.nextDouble(0.06, 0.15);
        rateHz = rng.nextDouble(5, 8);
        for (int i = 0; i < 3; i++) {
            modulationHz[i] = rng.nextDouble(0.1, 0.6);
            modulationPhase[i] = rng.nextDouble(0, 2 * Math.PI);
        }
        harmonicPhase = rng.nextDouble(0, 2 * Math.PI);
        direction = new Vec3(-0.4, 0.3, -0.85).normalized()
                .rotateFrontal(Math.toRadians(rng.nextDouble(-20, 20)))
                .rotateHorizontal(Math.toRadians(rng.nextDouble(-20, 20)));
    }

    /** Adds the f waves to a dipole signal {@code [3][n]} sampled at {@code fs}. */
    void addTo(double[][] dipole, double fs) {
        double phase = 0;
        // slow wandering of rate (±12%), size (±30%) and direction (±15 degrees)
        Oscillator rateWander = new Oscillator(modulationHz[0], modulationPhase[0], fs);
        Oscillator sizeWander = new Oscillator(modulationHz[1], modulationPhase[1], fs);
        Oscillator turnWander = new Oscillator(modulationHz[2], modulationPhase[2], fs);
        for (int i = 0; i < dipole[0].length; i++) {
            double rate = rateHz * (1 + 0.12 * rateWander.next());
            double size = amplitude * (1 + 0.3 * sizeWander.next());
            double turn = Math.toRadians(15) * turnWander.next();
            phase += 2 * Math.PI * rate / fs;
            double wave = size * (StrictMath.sin(phase) + 0.35 * StrictMath.sin(2 * phase + harmonicPhase));
            Vec3 d = direction.rotateFrontal(turn);
            dipole[0][i] += d.x() * wave;
            dipole[1][i] += d.y() * wave;
            dipole[2][i] += d.z() * wave;
        }
    }
}
