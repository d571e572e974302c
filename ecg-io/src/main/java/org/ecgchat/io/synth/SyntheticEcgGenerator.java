package org.ecgchat.io.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Generates 12-lead ECGs from a dynamical model of the heart's electrical activity: a cardiac
 * dipole (vectorcardiogram) built from waves in the manner of ECGSYN (McSharry et al., 2003) and
 * its three-dimensional extension (Sayadi et al., 2010), driven beat by beat by an RR tachogram
 * with heart rate variability, and projected onto the 12 leads with the Dower matrix. Each wave is
 * a dipole vector times a compactly supported profile, so every P, QRS and T onset and end is
 * known exactly and the record carries its own ground truth.
 *
 * <p>Generation is a pure function of the diagnosis and the random generator's state: the same
 * seed gives the same record, to the last bit. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * var generator = new SyntheticEcgGenerator(SynthConfig.DEFAULT.withNoise(NoiseLevels.TYPICAL));
 * SyntheticEcg ecg = generator.generate(Diagnosis.of(Condition.ATRIAL_FIBRILLATION), new SplittableRandom(7));
 * ecg.report();       // "atrial fibrillation."
 * ecg.measurements(); // RR, QRS, QT, axis, ST levels
 * }</pre>
 */
public final class SyntheticEcgGenerator {

    /** ST levels are read this long after the J point (the usual J+60 ms). */
    static final double ST_OFFSET_SECONDS = 0.06;

    private final SynthConfig config;

    public SyntheticEcgGenerator(SynthConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config is required (SynthConfig.DEFAULT for 500 Hz, 10 s)");
        }
        NoiseLevels noise = config.noise();
        if (noise.powerlineMv() > 0 && noise.powerlineHz() >= config.samplingFrequency() / 2) {
            throw new IllegalArgumentException("powerline at " + noise.powerlineHz() + " Hz cannot be sampled at "
                    + config.samplingFrequency() + " Hz (above the Nyquist frequency)");
        }
        this.config = config;
    }

    public SynthConfig config() {
        return config;
    }

    /** Generates one record with the given diagnosis, drawing every random choice from {@code rng}. */
    public SyntheticEcg generate(Diagnosis diagnosis, RandomGenerator rng) {
        Objects.requireNonNull(diagnosis, "diagnosis");
        Objects.requireNonNull(rng, "random generator");
        double fs = config.samplingFrequency();
        double duration = config.durationSeconds();
        int n = config.samples();
        HeartModel heart = HeartModel.sample(diagnosis, rng);
        RhythmPlanner.Plan plan = RhythmPlanner.plan(heart, diagnosis, duration, rng);

        double[][] dipole = new double[3][n];
        List<HeartModel.BeatWaves> beatWaves = new ArrayList<>(plan.beats().size());
        for (PlannedBeat beat : plan.beats()) {
            HeartModel.BeatWaves waves = heart.waves(beat);
            beatWaves.add(waves);
            for (DipoleWave w : waves.all()) {
                w.addTo(dipole, fs, 0);
            }
        }
        for (double pOnset : plan.blockedPWaves()) {
            for (DipoleWave w : heart.pWave(pOnset, 1)) {
                w.addTo(dipole, fs, 0);
            }
        }
        double[][] independent = LeadField.independentLeads(dipole);
        double[][] ventricular = LeadField.twelveLeads(copy(independent));

        List<BeatAnnotation> beats = new ArrayList<>();
        List<Double> rrs = new ArrayList<>();
        for (int k = 0; k < plan.beats().size(); k++) {
            PlannedBeat b = plan.beats().get(k);
            if (b.qrsOnset() >= 0 && b.qrsOnset() < duration) {
                beats.add(annotate(b, beatWaves.get(k), heart.pDuration, fs));
                if (k > 0) {
                    rrs.add(b.qrsOnset() - plan.beats().get(k - 1).qrsOnset());
                }
            }
        }
        EcgMeasurements measurements = measure(beats, rrs, ventricular, fs, duration);

        if (!diagnosis.isSinus()) {
            double[][] atrial = new double[3][n];
            new FibrillatoryWaves(rng).addTo(atrial, fs);
            add(independent, LeadField.independentLeads(atrial));
        }
        NoiseModel.addTo(independent, config.noise(), fs, heart.respirationHz, rng);
        double[][] signals = LeadField.twelveLeads(independent);
        return new SyntheticEcg(fs, signals, diagnosis, beats, measurements, ReportWriter.ptbXl(diagnosis, measurements),
                ReportWriter.machineStatements(diagnosis, measurements), config.noise());
    }

    private static BeatAnnotation annotate(PlannedBeat b, HeartModel.BeatWaves waves, double pDuration, double fs) {
        double pOnset = b.pOnset();
        double pEnd = b.hasPWave() ? pOnset + pDuration : Double.NaN;
        double pPeak = b.hasPWave() ? leadIIPeak(waves.p(), pOnset, pEnd, fs, 1) : Double.NaN;
        double qrsEnd = b.qrsOnset() + b.qrsDuration();
        double rPeak = leadIIPeak(waves.qrs(), b.qrsOnset(), qrsEnd, fs, 0.5);
        WaveProfile t = waves.t().profile();
        double tPeak = leadIIPeak(waves.repolarisation(), t.onset(), t.end(), fs, 1);
        return new BeatAnnotation(b.type(), pOnset, pPeak, pEnd, b.qrsOnset(), rPeak, qrsEnd, tPeak, t.end());
    }

    /**
     * The time of the sample in [from, to] where lead II, made of the given waves alone, peaks:
     * its maximum if that reaches {@code positiveShare} of the deepest minimum's magnitude, else its
     * minimum. A share of 1 gives the largest deflection; 0.5 lets an R wave win over an S wave
     * up to twice as deep, as R-peak detectors do.
     */
    private static double leadIIPeak(List<DipoleWave> waves, double from, double to, double fs, double positiveShare) {
        long first = (long) Math.ceil(from * fs);
        long last = (long) Math.floor(to * fs);
        double[][] dipole = new double[3][(int) (last - first + 1)];
        for (DipoleWave w : waves) {
            w.addTo(dipole, fs, first);
        }
        int max = 0, min = 0;
        double[] lead = new double[dipole[0].length];
        for (int i = 0; i < lead.length; i++) {
            lead[i] = LeadField.project(1, new Vec3(dipole[0][i], dipole[1][i], dipole[2][i]));
            max = lead[i] > lead[max] ? i : max;
            min = lead[i] < lead[min] ? i : min;
        }
        boolean positive = lead[max] >= -positiveShare * lead[min];
        return (first + (positive ? max : min)) / fs;
    }

    private static EcgMeasurements measure(List<BeatAnnotation> beats, List<Double> rrs, double[][] leads, double fs,
            double duration) {
        double rr = rrs.stream().mapToDouble(Double::doubleValue).average().orElseThrow(
                () -> new IllegalStateException("record of " + duration + " s holds fewer than two beats"));
        List<BeatAnnotation> dominant = beats.stream().filter(b -> b.type() == BeatType.NORMAL).toList();
        double pr = dominant.stream().filter(BeatAnnotation::hasPWave).mapToDouble(BeatAnnotation::prInterval)
                .average().orElse(Double.NaN);
        double qrs = dominant.stream().mapToDouble(BeatAnnotation::qrsDuration).average().orElseThrow(
                () -> new IllegalStateException("record of " + duration + " s holds no conducted beat"));
        double qt = dominant.stream().mapToDouble(BeatAnnotation::qtInterval).average().orElseThrow();

        List<BeatAnnotation> measurable = dominant.stream()
                .filter(b -> b.qrsEnd() + ST_OFFSET_SECONDS < duration - 1 / fs).toList();
        double[] st = new double[12];
        double[] pp = new double[12];
        double areaI = 0, areaAvf = 0;
        for (BeatAnnotation b : measurable) {
            int from = (int) Math.ceil(b.qrsOnset() * fs);
            int to = (int) Math.floor(b.qrsEnd() * fs);
            double stTime = (b.qrsEnd() + ST_OFFSET_SECONDS) * fs;
            for (int l = 0; l < 12; l++) {
                double[] x = leads[l];
                double max = Double.NEGATIVE_INFINITY, min = Double.POSITIVE_INFINITY;
                for (int i = from; i <= to; i++) {
                    max = Math.max(max, x[i]);
                    min = Math.min(min, x[i]);
                }
                pp[l] += (max - min) / measurable.size();
                int i0 = (int) Math.floor(stTime);
                double frac = stTime - i0;
                st[l] += (x[i0] * (1 - frac) + x[i0 + 1] * frac) / measurable.size();
            }
            for (int i = from; i <= to; i++) {
                areaI += leads[LeadField.I][i];
                areaAvf += leads[LeadField.AVF][i];
            }
        }
        // In Einthoven's triangle aVF sees the frontal vector's vertical component times sqrt(3)/2.
        double axis = Math.toDegrees(StrictMath.atan2(areaAvf * 2 / Math.sqrt(3), areaI));
        return new EcgMeasurements(60 / rr, rr * 1000, pr * 1000, qrs * 1000, qt * 1000, qt * 1000 / Math.sqrt(rr), axis,
                boxed(st), boxed(pp));
    }

    private static List<Double> boxed(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return list;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    private static void add(double[][] into, double[][] other) {
        for (int l = 0; l < into.length; l++) {
            for (int i = 0; i < into[l].length; i++) {
                into[l][i] += other[l][i];
            }
        }
    }
}
