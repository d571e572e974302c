package org.ecgchat.io.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Times the beats of a record: a sinus rhythm driven by a {@link Tachogram} (P wave, then the QRS
 * one PR interval later) or atrial fibrillation (no P waves, irregularly irregular RR), with
 * premature ventricular complexes substituted for some beats. Beats start before time 0 and end
 * after the record so that its edges hold the same waves as its middle.
 */
final class RhythmPlanner {

    /** The beats, plus the sinus P waves that a PVC kept from being conducted (they still appear). */
    record Plan(List<PlannedBeat> beats, List<Double> blockedPWaves) {}

    /** Shortest RR interval that can follow a T wave (s): the ventricles are refractory before. */
    private static final double REFRACTORY_MARGIN = 0.08;
    /** The beats around a PVC lie this far inside the record (s), so its prematurity and pause are seen. */
    private static final double PVC_EDGE = 0.1;

    private RhythmPlanner() {}

    static Plan plan(HeartModel h, Diagnosis dx, double duration, RandomGenerator rng) {
        List<double[]> times = new ArrayList<>(); // {pOnset or NaN, qrsOnset}
        if (dx.isSinus()) {
            Tachogram tachogram = new Tachogram(h.meanRr, h.rrVariability, h.respirationHz, duration, rng);
            double p = -h.prInterval - rng.nextDouble(0, h.meanRr) - 0.3;
            while (p < duration) {
                times.add(new double[] {p, p + h.prInterval});
                p += tachogram.rrAt(p);
            }
        } else {
            double qrs = -rng.nextDouble(0, h.meanRr) - 0.4;
            double previousRr = h.meanRr;
            while (qrs < duration + 0.1) {
                times.add(new double[] {Double.NaN, qrs});
                double sigma = h.rrVariability;
                double rr = h.meanRr * StrictMath.exp(sigma * rng.nextGaussian() - sigma * sigma / 2);
                rr = Math.max(rr, h.qt(previousRr) + REFRACTORY_MARGIN);
                qrs += rr;
                previousRr = rr;
            }
        }

        boolean[] ectopic = new boolean[times.size()];
        List<Double> blocked = new ArrayList<>();
        if (h.ectopicFocus != null) {
            choosePvcs(times, ectopic, duration, rng);
            for (int k = 0; k < times.size(); k++) {
                if (!ectopic[k]) {
                    continue;
                }
                double[] beat = times.get(k);
                double previous = times.get(k - 1)[1];
                if (!Double.isNaN(beat[0])) {
                    blocked.add(beat[0]); // the sinus node fires on time; the AV node is refractory
                }
                beat[0] = Double.NaN;
                beat[1] = previous + h.ectopicFocus.coupling() * (beat[1] - previous);
                // In atrial fibrillation the next conducted beat must wait for the PVC to recover.
                double earliestNext = beat[1] + h.ectopicFocus.qt() + REFRACTORY_MARGIN;
                double shift = k + 1 < times.size() ? earliestNext - times.get(k + 1)[1] : 0;
                if (shift > 0) {
                    for (int j = k + 1; j < times.size(); j++) {
                        times.get(j)[1] += shift;
                    }
                }
            }
        }

        List<PlannedBeat> beats = new ArrayList<>(times.size());
        for (int k = 0; k < times.size(); k++) {
            double[] t = times.get(k);
            double gain = 1 + 0.04 * StrictMath.sin(2 * Math.PI * h.respirationHz * t[1] + h.respirationPhase);
            if (ectopic[k]) {
                EctopicFocus f = h.ectopicFocus;
                beats.add(new PlannedBeat(BeatType.VENTRICULAR_PREMATURE, Double.NaN, t[1], f.qrsDuration(), f.qt(), gain));
            } else {
                double precedingRr = k == 0 ? h.meanRr : t[1] - times.get(k - 1)[1];
                beats.add(new PlannedBeat(BeatType.NORMAL, t[0], t[1], h.qrsDuration, h.qt(precedingRr), gain));
            }
        }
        return new Plan(beats, blocked);
    }

    /** Marks one to three non-adjacent beats, well inside the record, as PVCs. */
    private static void choosePvcs(List<double[]> times, boolean[] ectopic, double duration, RandomGenerator rng) {
        List<Integer> candidates = new ArrayList<>();
        for (int k = 1; k + 1 < times.size(); k++) {
            if (times.get(k - 1)[1] >= PVC_EDGE && times.get(k + 1)[1] <= duration - PVC_EDGE - 0.5) {
                candidates.add(k);
            }
        }
        if (candidates.isEmpty()) {
            throw new IllegalStateException("record too short for a premature ventricular complex: " + duration + " s");
        }
        int wanted = 1 + rng.nextInt(3);
        for (int attempt = 0; attempt < 10 && wanted > 0; attempt++) {
            int k = candidates.get(rng.nextInt(candidates.size()));
            if (!ectopic[k] && !ectopic[k - 1] && !ectopic[k + 1]) {
                ectopic[k] = true;
                wanted--;
            }
        }
    }
}
