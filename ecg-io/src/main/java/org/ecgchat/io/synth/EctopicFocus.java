package org.ecgchat.io.synth;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A ventricular ectopic focus: its premature beats are wide (the impulse spreads through muscle,
 * not the conduction system), bizarre, come early ({@code coupling} times the sinus RR after the
 * previous beat) and carry a T wave opposite to their QRS. One focus per record (unifocal PVCs).
 */
record EctopicFocus(List<QrsLobe> lobes, double qrsDuration, double qt, Vec3 tVector, double coupling) {

    static EctopicFocus sample(RandomGenerator rng) {
        // A right-ventricular focus activates the left ventricle late (LBBB-like, negative in V1);
        // a left-ventricular one points the beat right and anterior (RBBB-like, positive in V1).
        boolean rightVentricular = rng.nextBoolean();
        Vec3 base = rightVentricular ? new Vec3(0.7, 1.0, 0.9) : new Vec3(-0.5, 0.6, -1.1);
        Vec3 main = base.normalized()
                .rotateFrontal(Math.toRadians(rng.nextDouble(-35, 35)))
                .rotateHorizontal(Math.toRadians(rng.nextDouble(-20, 20)))
                .times(rng.nextDouble(1.8, 2.8));
        Vec3 late = main.rotateFrontal(Math.toRadians(rng.nextDouble(20, 50)) * (rng.nextBoolean() ? 1 : -1)).times(0.6);
        List<QrsLobe> lobes = List.of(new QrsLobe(0, 0.62, 0.45, main.times(0.8)), new QrsLobe(0.3, 1, 0.55, late));
        Vec3 t = main.plus(late).normalized().times(-rng.nextDouble(0.35, 0.6));
        return new EctopicFocus(lobes, rng.nextDouble(0.14, 0.18), rng.nextDouble(0.40, 0.47), t,
                rng.nextDouble(0.52, 0.68));
    }

    EctopicFocus scaled(double k) {
        return new EctopicFocus(lobes.stream().map(l -> l.scaled(k)).toList(), qrsDuration, qt, tVector.times(k), coupling);
    }
}
