package org.ecgchat.io.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The subject-level parameters of one synthetic record: rate and variability, intervals, and the
 * dipole vectors of every wave, drawn per {@link Diagnosis} within clinical ranges. The beat
 * waves it builds are what the generator sums into the dipole signal.
 *
 * <p>Rates and intervals are kept away from the thresholds that define the conditions (e.g. a
 * normal rate of 62–95 bpm, PR 220–300 ms in AV block, QRS 125–160 ms in bundle branch block)
 * so that every label holds on the generated signal, not only on its parameters.
 */
final class HeartModel {

    /** Mean RR interval (s). */
    final double meanRr;
    /** Sinus: relative standard deviation of the RR tachogram; AF: coefficient of variation of RR. */
    final double rrVariability;
    final double pDuration;
    final double prInterval;
    final double qrsDuration;
    /** QT at an RR of one second; beat QTs follow Fridericia's cube-root law. */
    final double qtAtOneSecond;
    /** Fraction of the JT interval occupied by the T wave (the rest is the ST segment). */
    final double tFill;
    final double tPeakFraction;
    final Vec3 pRightAtrium;
    final Vec3 pLeftAtrium;
    final List<QrsLobe> qrsLobes;
    final Vec3 tVector;
    /** Injury current during the ST segment (primary ST deviation or the discordant ST of LBBB); zero if none. */
    final Vec3 stVector;
    /** The PVC focus, or null. */
    final EctopicFocus ectopicFocus;
    final double respirationHz;
    final double respirationPhase;

    private HeartModel(Builder b) {
        meanRr = b.meanRr;
        rrVariability = b.rrVariability;
        pDuration = b.pDuration;
        prInterval = b.prInterval;
        qrsDuration = b.qrsDuration;
        qtAtOneSecond = b.qtAtOneSecond;
        tFill = b.tFill;
        tPeakFraction = b.tPeakFraction;
        pRightAtrium = b.pRightAtrium;
        pLeftAtrium = b.pLeftAtrium;
        qrsLobes = List.copyOf(b.qrsLobes);
        tVector = b.tVector;
        stVector = b.stVector;
        ectopicFocus = b.ectopicFocus;
        respirationHz = b.respirationHz;
        respirationPhase = b.respirationPhase;
    }

    /** Draws the parameters of a subject with the given diagnosis. */
    static HeartModel sample(Diagnosis dx, RandomGenerator rng) {
        Builder b = new Builder();
        boolean avBlock = dx.has(Condition.FIRST_DEGREE_AV_BLOCK);
        // A long PR at a fast rate buries the P wave in the preceding T wave; keep it visible.
        double heartRate = switch (dx.rhythm()) {
            case SINUS_BRADYCARDIA -> rng.nextDouble(42, 56);
            case SINUS_TACHYCARDIA -> rng.nextDouble(103, 120);
            case ATRIAL_FIBRILLATION -> rng.nextDouble(70, 130);
            default -> avBlock ? rng.nextDouble(61, 72) : rng.nextDouble(62, 95);
        };
        b.meanRr = 60 / heartRate;
        b.rrVariability = dx.isSinus() ? rng.nextDouble(0.01, 0.03) : rng.nextDouble(0.16, 0.28);
        b.respirationHz = rng.nextDouble(0.15, 0.35);
        b.respirationPhase = rng.nextDouble(0, 2 * Math.PI);

        b.pDuration = rng.nextDouble(0.08, 0.105);
        b.prInterval = avBlock ? rng.nextDouble(0.225, 0.30)
                : dx.has(Condition.SINUS_TACHYCARDIA) ? rng.nextDouble(0.12, 0.15) : rng.nextDouble(0.135, 0.185);
        // the PR segment (P end to QRS onset) lasts at least ~40 ms
        b.prInterval = Math.max(b.prInterval, b.pDuration + 0.045);
        boolean lbbb = dx.has(Condition.LEFT_BUNDLE_BRANCH_BLOCK);
        boolean rbbb = dx.has(Condition.RIGHT_BUNDLE_BRANCH_BLOCK);
        b.qrsDuration = lbbb || rbbb ? rng.nextDouble(0.125, 0.16) : rng.nextDouble(0.08, 0.102);
        // QT includes the QRS: a wide QRS lengthens QT by its excess width (JT unchanged).
        b.qtAtOneSecond = rng.nextDouble(0.38, 0.42) + Math.max(0, b.qrsDuration - 0.09);
        b.tFill = lbbb ? 0.95 : 0.75;
        b.tPeakFraction = rng.nextDouble(0.58, 0.66);

        double pScale = rng.nextDouble(1.0, 1.5);
        b.pRightAtrium = new Vec3(0.02, 0.09, -0.05).times(pScale);
        b.pLeftAtrium = new Vec3(0.08, 0.05, 0.05).times(pScale);

        double septal = rng.nextDouble(0.7, 1.3);
        double terminal = rng.nextDouble(0.6, 1.3);
        double tScale = rng.nextDouble(0.75, 1.3);
        Vec3 septum = new Vec3(-0.10, -0.05, -0.16).times(septal);
        Vec3 freeWall = new Vec3(1.0, 0.95, 0.40);
        if (lbbb) {
            // Septum activated from the right: no septal q in I/V6, no r in V1. Three slow,
            // overlapping fronts sweeping left and back give a broad R with a notched or slurred
            // top in I/V6 and a deep QS in V1.
            double notch = rng.nextDouble(0.6, 0.85);
            b.qrsLobes.add(new QrsLobe(0, 0.55, 0.5, new Vec3(0.55, 0.35, 0.55)));
            b.qrsLobes.add(new QrsLobe(0.22, 0.78, 0.5, new Vec3(0.65, 0.38, 0.70).times(notch)));
            b.qrsLobes.add(new QrsLobe(0.45, 1, 0.5, new Vec3(0.75, 0.40, 0.85).times(rng.nextDouble(0.85, 1.15))));
            b.tVector = new Vec3(-0.28, -0.06, -0.40).times(tScale);
            b.stVector = new Vec3(-0.12, -0.02, -0.17).times(rng.nextDouble(0.8, 1.3));
        } else if (rbbb) {
            // Normal septal and left-ventricular activation, then a late right-ventricular
            // front (rightward, anterior): rsR' in V1, wide S in I and V6, T discordant in V1.
            b.qrsLobes.add(new QrsLobe(0, 0.24, 0.5, septum));
            b.qrsLobes.add(new QrsLobe(0.08, 0.56, 0.5, freeWall));
            b.qrsLobes.add(new QrsLobe(0.44, 1, 0.55, new Vec3(-0.45, -0.20, -0.60).times(rng.nextDouble(1.0, 1.4))));
            b.tVector = new Vec3(0.22, 0.22, 0.12).times(tScale);
        } else {
            b.qrsLobes.add(new QrsLobe(0, 0.30, 0.5, septum));
            b.qrsLobes.add(new QrsLobe(0.13, 0.78, 0.5, freeWall));
            b.qrsLobes.add(new QrsLobe(0.52, 1, 0.42, new Vec3(-0.12, -0.22, 0.38).times(terminal)));
            b.tVector = new Vec3(0.28, 0.24, -0.26).times(tScale);
        }
        // Anatomical variation: the heart's orientation turns every wave together.
        // LBBB turns the frontal axis left, never right: its broad R stays in I and aVL
        double frontal = Math.toRadians(clamp(rng.nextGaussian() * 12, -25, lbbb ? 10 : 25));
        double horizontal = Math.toRadians(clamp(rng.nextGaussian() * 10, -20, 20));
        b.pRightAtrium = b.pRightAtrium.rotateFrontal(frontal).rotateHorizontal(horizontal);
        b.pLeftAtrium = b.pLeftAtrium.rotateFrontal(frontal).rotateHorizontal(horizontal);
        b.tVector = b.tVector.rotateFrontal(frontal).rotateHorizontal(horizontal);
        b.qrsLobes.replaceAll(l -> l.rotated(frontal, horizontal));
        double qrsScale = StrictMath.exp(rng.nextGaussian() * 0.18);
        b.qrsLobes.replaceAll(l -> l.scaled(qrsScale));
        if (rbbb) {
            deepenTerminalS(b);
        }

        if (dx.has(Condition.ST_ELEVATION)) {
            // Anterior or inferior injury current, with reciprocal depression opposite.
            Vec3 direction = rng.nextBoolean() ? new Vec3(0.05, 0.02, -0.25) : new Vec3(0.02, 0.22, 0.05);
            b.stVector = direction.times(rng.nextDouble(0.95, 1.5));
        } else if (dx.has(Condition.ST_DEPRESSION)) {
            // Subendocardial ischaemia: ST vector towards aVR, depressing I, II, aVF and V4–V6.
            b.stVector = new Vec3(-0.6, -0.5, 0.15).normalized().times(rng.nextDouble(0.15, 0.26));
        }
        if (dx.has(Condition.PREMATURE_VENTRICULAR_COMPLEXES)) {
            b.ectopicFocus = EctopicFocus.sample(rng);
        }
        calibrateVoltage(b, dx.has(Condition.LOW_QRS_VOLTAGE), !(lbbb || rbbb), rng);
        return new HeartModel(b);
    }

    /**
     * Scales P, QRS and T so the QRS voltages agree with the label: low voltage means every limb
     * lead below 0.5 mV and every precordial lead below 1.0 mV peak to peak (here at most 0.42 and
     * 0.85 mV); otherwise some limb lead reaches 0.75 mV and some precordial lead 1.4 mV, while
     * with normal conduction Sokolow-Lyon (S in V1 + R in V5/V6) stays below the 3.5 mV of left
     * ventricular hypertrophy.
     */
    private static void calibrateVoltage(Builder b, boolean lowVoltage, boolean normalConduction, RandomGenerator rng) {
        double[] pp = qrsPeakToPeak(b.qrsLobes, b.qrsDuration);
        double limb = 0, precordial = 0;
        for (int l = 0; l < 12; l++) {
            if (LeadField.isLimbLead(l)) {
                limb = Math.max(limb, pp[l]);
            } else {
                precordial = Math.max(precordial, pp[l]);
            }
        }
        double k;
        if (lowVoltage) {
            k = Math.min(0.42 / limb, 0.85 / precordial) * rng.nextDouble(0.75, 1.0);
        } else {
            k = Math.max(1, Math.max(0.75 / limb, 1.4 / precordial));
            if (normalConduction) { // voltage criteria of hypertrophy do not apply to bundle branch blocks
                k = Math.min(k, 3.2 / sokolowLyon(b.qrsLobes, b.qrsDuration));
            }
        }
        double scale = k;
        b.qrsLobes.replaceAll(l -> l.scaled(scale));
        if (lowVoltage) {
            // Low voltage is a QRS criterion; P and T shrink less, so they stay recognisable.
            b.pRightAtrium = b.pRightAtrium.times(Math.max(k, 0.5));
            b.pLeftAtrium = b.pLeftAtrium.times(Math.max(k, 0.5));
            b.tVector = b.tVector.times(Math.max(k, 0.4));
            if (b.ectopicFocus != null) {
                b.ectopicFocus = b.ectopicFocus.scaled(k);
            }
        }
    }

    /**
     * Grows the late right-ventricular front until the wide terminal S that defines RBBB reaches
     * 0.15 mV in lead I and V6, whatever the heart's orientation.
     */
    private static void deepenTerminalS(Builder b) {
        int last = b.qrsLobes.size() - 1;
        for (int iteration = 0; iteration < 4; iteration++) {
            double[][] leads = renderQrs(b.qrsLobes, b.qrsDuration);
            double shallowest = 0;
            for (int lead : new int[] {LeadField.I, LeadField.V6}) {
                double s = 0;
                for (int i = (int) (0.6 * leads[lead].length); i < leads[lead].length; i++) {
                    s = Math.min(s, leads[lead][i]);
                }
                shallowest = Math.max(shallowest, s);
            }
            if (shallowest <= -0.15) {
                return;
            }
            b.qrsLobes.set(last, b.qrsLobes.get(last).scaled(1.3));
        }
    }

    private static double sokolowLyon(List<QrsLobe> lobes, double qrsDuration) {
        double[][] leads = renderQrs(lobes, qrsDuration);
        double sV1 = 0, rV5 = 0, rV6 = 0;
        for (int i = 0; i < leads[0].length; i++) {
            sV1 = Math.max(sV1, -leads[LeadField.V1][i]);
            rV5 = Math.max(rV5, leads[LeadField.V5][i]);
            rV6 = Math.max(rV6, leads[LeadField.V6][i]);
        }
        return sV1 + Math.max(rV5, rV6);
    }

    /** Peak-to-peak QRS amplitude per lead (12 leads, mV) of one beat built from the given lobes. */
    private static double[] qrsPeakToPeak(List<QrsLobe> lobes, double qrsDuration) {
        double[][] leads = renderQrs(lobes, qrsDuration);
        double[] pp = new double[12];
        for (int l = 0; l < 12; l++) {
            double max = Double.NEGATIVE_INFINITY, min = Double.POSITIVE_INFINITY;
            for (double v : leads[l]) {
                max = Math.max(max, v);
                min = Math.min(min, v);
            }
            pp[l] = max - min;
        }
        return pp;
    }

    private static double[][] renderQrs(List<QrsLobe> lobes, double qrsDuration) {
        double fs = 2000;
        double[][] dipole = new double[3][(int) Math.ceil(qrsDuration * fs) + 2];
        for (QrsLobe lobe : lobes) {
            lobe.at(0, qrsDuration, 1).addTo(dipole, fs, 0);
        }
        return LeadField.twelveLeads(LeadField.independentLeads(dipole));
    }

    /** QT of a conducted beat following an RR interval of {@code precedingRr} seconds (Fridericia). */
    double qt(double precedingRr) {
        return qtAtOneSecond * StrictMath.cbrt(precedingRr);
    }

    /** The waves of one planned beat, grouped by what they are. */
    record BeatWaves(List<DipoleWave> p, List<DipoleWave> qrs, List<DipoleWave> repolarisation) {

        /** The T wave (first of the repolarisation waves; an ST injury current may follow it). */
        DipoleWave t() {
            return repolarisation.get(0);
        }

        List<DipoleWave> all() {
            List<DipoleWave> all = new ArrayList<>(p);
            all.addAll(qrs);
            all.addAll(repolarisation);
            return all;
        }
    }

    /** The waves of a beat: its P wave if it has one, then its QRS complex, ST segment and T wave. */
    BeatWaves waves(PlannedBeat b) {
        List<DipoleWave> p = b.hasPWave() ? pWave(b.pOnset(), b.gain()) : List.of();
        boolean ectopic = b.type() == BeatType.VENTRICULAR_PREMATURE;
        List<DipoleWave> qrs = new ArrayList<>();
        for (QrsLobe lobe : ectopic ? ectopicFocus.lobes() : qrsLobes) {
            qrs.add(lobe.at(b.qrsOnset(), b.qrsDuration(), b.gain()));
        }
        List<DipoleWave> repolarisation = new ArrayList<>(2);
        double tEnd = b.qrsOnset() + b.qt();
        double fill = ectopic ? 0.95 : tFill;
        WaveProfile.Dome tDome = new WaveProfile.Dome(tEnd - tDuration(b.qt() - b.qrsDuration(), fill), tEnd,
                tPeakFraction, 1.5);
        repolarisation.add(new DipoleWave((ectopic ? ectopicFocus.tVector() : tVector).times(b.gain()), tDome));
        if (!ectopic && stVector.norm() > 0) {
            // The injury current grows while the injured myocardium depolarises, inside the QRS, so
            // it is fully present at the J point (which stays where depolarisation ends) and lasts
            // into the T wave.
            repolarisation.add(new DipoleWave(stVector, new WaveProfile.Plateau(b.qrsOnset() + 0.25 * b.qrsDuration(),
                    b.qrsOnset() + 0.85 * b.qrsDuration(), tDome.peak(), tEnd)));
        }
        return new BeatWaves(p, qrs, repolarisation);
    }

    /**
     * Duration of the T wave for a JT interval (QT minus QRS): at slow rates the ST segment grows
     * more than the T wave does. {@code fill} is the share of a 280 ms JT the T wave takes.
     */
    private static double tDuration(double jt, double fill) {
        return Math.min(jt, fill * (0.55 * jt + 0.05) / (0.55 * 0.28 + 0.05) * 0.28);
    }

    /** The two atrial domes (right then left atrium) of a P wave starting at {@code onset}. */
    List<DipoleWave> pWave(double onset, double gain) {
        return List.of(
                new DipoleWave(pRightAtrium.times(gain), new WaveProfile.Dome(onset, onset + 0.8 * pDuration, 0.5, 1.5)),
                new DipoleWave(pLeftAtrium.times(gain), new WaveProfile.Dome(onset + 0.2 * pDuration, onset + pDuration, 0.5, 1.5)));
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** Mutable holder while the parameters are drawn. */
    private static final class Builder {
        double meanRr, rrVariability, pDuration, prInterval, qrsDuration, qtAtOneSecond, tFill, tPeakFraction;
        double respirationHz, respirationPhase;
        Vec3 pRightAtrium, pLeftAtrium, tVector;
        Vec3 stVector = Vec3.ZERO;
        final List<QrsLobe> qrsLobes = new ArrayList<>();
        EctopicFocus ectopicFocus;
    }
}
