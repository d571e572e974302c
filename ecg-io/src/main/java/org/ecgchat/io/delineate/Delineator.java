package org.ecgchat.io.delineate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ecgchat.io.preprocess.PolyphaseResampler;

/**
 * P/QRS/T delineation of one lead with the wavelet method of Martínez et al. (2004), the family of
 * NeuroKit2's {@code dwt} delineator that the original WFEP used, on the quadratic-spline
 * {@link WaveletTransform}. The QRS complex is the run of significant slopes connected to the R
 * peak; its onset is where the first slope decays (scale 2³) and its offset where the last one
 * decays (scale 2²) below 5 % of its modulus, but never below a noise floor. T waves are sought at
 * scale 2⁴ (2⁵ as fallback) in a heart-rate dependent window after the QRS, P waves at scale 2³
 * before it; a wave's peak is the zero crossing between its two opposite slopes, and its onset and
 * offset are where those slopes decay below a fraction of their modulus (T: 25 % / 40 %,
 * P: 30 % / 50 %) or reach a local minimum. Scales refer to 250 Hz; the analysis runs at
 * 250·2^k Hz (500 Hz for leads sampled at 100–360 Hz, 1000 Hz for 1000 Hz), resampling the lead
 * when its rate is not within 2 % of that, and maps the fiducials back to the lead's samples.
 */
public final class Delineator {

    private static final int MAX_SCALE = 5;
    private static final int QRS_ONSET_SCALE = 3;
    private static final int QRS_OFFSET_SCALE = 2;
    private static final int T_SCALE = 4;
    static int REFINE_SCALE = Integer.getInteger("refine.scale", 1);
    static double ONSET_MARGIN_S = Double.parseDouble(System.getProperty("refine.onmargin", "0.004"));
    static double OFFSET_MARGIN_S = Double.parseDouble(System.getProperty("refine.offmargin", "0.002"));
    static double T_ON = Double.parseDouble(System.getProperty("t.on", "0.25"));
    static double T_OFF = Double.parseDouble(System.getProperty("t.off", "0.4"));
    static int TB_SCALE = Integer.getInteger("tb.scale", 0);
    static int TB_MODE = Integer.getInteger("tb.mode", 0);
    static double TB_ON = Double.parseDouble(System.getProperty("tb.on", "0.25"));
    static double TB_OFF = Double.parseDouble(System.getProperty("tb.off", "0.4"));
    static double TB_MARGIN = Double.parseDouble(System.getProperty("tb.margin", "0.0"));
    static double REFINE_DECAY = Double.parseDouble(System.getProperty("refine.decay", "0.02"));
    private static final int P_SCALE = 3;
    /** Slopes before (after) R belong to the QRS when above this fraction of its steepest one. */
    private static final double QRS_PRE_SLOPE = 0.06, QRS_POST_SLOPE = 0.09;
    /** A QRS boundary is where its outer slope decays below this fraction of its modulus... */
    private static final double QRS_DECAY = 0.05;
    /** ...or below this many times the noise level of the scale, whichever is higher. */
    private static final double NOISE_FACTOR = 4;
    /** Noise level: this percentile of the mean |W| over blocks of this length. */
    private static final double NOISE_BLOCK_S = 0.05, NOISE_PERCENTILE = 0.1;
    /** A P wave whose slopes (at scale 2⁴) are below this fraction of the QRS's is noise or f waves. */
    private static final double P_MIN_SLOPE_RATIO = 0.03;

    private final double[] x;
    private final double fs;
    private final double[][] w;
    private final int octave;
    private final double[] noiseFloor;

    private Delineator(double[] cleaned, double samplingFrequency) {
        this.x = cleaned;
        this.fs = samplingFrequency;
        this.octave = Math.max(0, (int) Math.round(Math.log(samplingFrequency / 250) / Math.log(2)));
        this.w = WaveletTransform.compute(cleaned, MAX_SCALE + octave);
        this.noiseFloor = new double[MAX_SCALE + 1];
        Arrays.fill(noiseFloor, Double.NaN);
    }

    /**
     * Cleans the lead ({@link EcgCleaner}), detects R peaks ({@link RPeakDetector}) and delineates
     * every beat.
     *
     * @param lead one lead in physical units, without NaN or infinities
     * @param samplingFrequency in Hz
     */
    public static Delineation delineate(double[] lead, double samplingFrequency) {
        double[] baseline = EcgCleaner.removeBaseline(lead, samplingFrequency);
        double[] cleaned = EcgCleaner.removePowerLine(baseline, samplingFrequency);
        return delineate(baseline, samplingFrequency, RPeakDetector.detect(cleaned, samplingFrequency));
    }

    /**
     * Delineates the beats at the given R peaks of a lead whose baseline wander has been removed
     * ({@link EcgCleaner#removeBaseline}, or any high-pass).
     *
     * @throws IllegalArgumentException if an R peak lies outside the lead or the peaks are not ascending
     */
    public static Delineation delineate(double[] cleaned, double samplingFrequency, int[] rPeaks) {
        for (int i = 0; i < rPeaks.length; i++) {
            if (rPeaks[i] < 0 || rPeaks[i] >= cleaned.length || (i > 0 && rPeaks[i] <= rPeaks[i - 1])) {
                throw new IllegalArgumentException("R peak " + i + " at sample " + rPeaks[i]
                        + " is outside the lead of " + cleaned.length + " samples or not after the previous one");
            }
        }
        if (!(samplingFrequency > 0) || Double.isInfinite(samplingFrequency)) {
            throw new IllegalArgumentException("sampling frequency must be positive, got " + samplingFrequency);
        }
        if (rPeaks.length == 0) {
            return new Delineation(samplingFrequency, List.of());
        }
        double analysisRate = analysisRate(samplingFrequency);
        if (analysisRate == samplingFrequency) {
            return new Delineator(cleaned, samplingFrequency).run(rPeaks);
        }
        // delineate at 250·2^k Hz, where the wavelet scales are exact, and map the fiducials back
        PolyphaseResampler resampler = PolyphaseResampler.between(samplingFrequency, analysisRate);
        double ratio = analysisRate / samplingFrequency;
        int[] fine = new int[rPeaks.length];
        for (int i = 0; i < rPeaks.length; i++) {
            fine[i] = (int) Math.round(rPeaks[i] * ratio);
        }
        Delineation d = new Delineator(resampler.apply(cleaned), analysisRate).run(fine);
        List<Beat> beats = new ArrayList<>(rPeaks.length);
        for (int i = 0; i < rPeaks.length; i++) {
            Beat b = d.beats().get(i);
            beats.add(new Beat(down(b.pOnset(), ratio), down(b.pPeak(), ratio), down(b.pOffset(), ratio),
                    down(b.qrsOnset(), ratio), down(b.qPeak(), ratio), rPeaks[i], down(b.sPeak(), ratio),
                    down(b.qrsOffset(), ratio), down(b.tOnset(), ratio), down(b.tPeak(), ratio),
                    down(b.tOffset(), ratio)));
        }
        return new Delineation(samplingFrequency, beats);
    }

    /**
     * The rate the wavelet analysis runs at: 250·2^k Hz (k ≥ 1) nearest to the lead's rate, or the
     * lead's own rate when within 2 % of it.
     */
    static double analysisRate(double samplingFrequency) {
        int k = Math.max(1, (int) Math.round(Math.log(samplingFrequency / 250) / Math.log(2)));
        double rate = 250.0 * (1 << Math.min(k, 20));
        return Math.abs(samplingFrequency / rate - 1) < 0.02 ? samplingFrequency : rate;
    }

    private static int down(int sample, double ratio) {
        return sample == Beat.ABSENT ? Beat.ABSENT : (int) Math.round(sample / ratio);
    }

    /** Wavelet level for Martínez scale 2^j at this rate. */
    private double[] scale(int j) {
        return w[j + octave - 1];
    }

    private int samples(double seconds) {
        return (int) Math.round(seconds * fs);
    }

    private Delineation run(int[] rPeaks) {
        int[] rr = new int[rPeaks.length];
        for (int i = 0; i < rPeaks.length; i++) {
            rr[i] = rPeaks.length == 1 ? samples(1.0)
                    : i + 1 < rPeaks.length ? rPeaks[i + 1] - rPeaks[i] : rPeaks[i] - rPeaks[i - 1];
        }
        List<Beat> beats = new ArrayList<>(rPeaks.length);
        int previousEnd = 0;
        for (int i = 0; i < rPeaks.length; i++) {
            int r = rPeaks[i];
            int[] qrs = qrs(r);
            int onset = qrs[0], offset = qrs[1];
            int[] t = tWave(r, onset, offset, rr[i]);
            int pLimit = Math.max(previousEnd, i > 0 ? rPeaks[i - 1] + samples(0.1) : 0);
            int[] p = pWave(onset == Beat.ABSENT ? r - samples(0.05) : onset, pLimit, r);
            int[] qs = qAndS(onset, r, offset);
            beats.add(new Beat(p[0], p[1], p[2], onset, qs[0], r, qs[1], offset, t[0], t[1], t[2]));
            previousEnd = t[2] != Beat.ABSENT ? t[2] : t[1] != Beat.ABSENT ? t[1] : r + samples(0.1);
        }
        return new Delineation(fs, beats);
    }

    // ---------------------------------------------------------------- QRS

    /** {onset, offset} of the QRS complex around {@code r}. */
    private int[] qrs(int r) {
        int onset = qrs(r, QRS_ONSET_SCALE)[0], offset = qrs(r, QRS_OFFSET_SCALE)[1];
        if (onset == Beat.ABSENT || offset == Beat.ABSENT || REFINE_SCALE < 0) {
            return new int[] {onset, offset};
        }
        // the coarse scales smear a slow deflection out by up to 15 ms; the fine scale finds where it starts
        double[] fine = scale(REFINE_SCALE);
        double max = 0;
        for (int i = onset; i <= offset; i++) {
            max = Math.max(max, Math.abs(fine[i]));
        }
        double level = Math.max(REFINE_DECAY * max, NOISE_FACTOR * noise(REFINE_SCALE));
        int on = onset, off = offset;
        while (on < r && Math.abs(fine[on]) < level) {
            on++;
        }
        while (off > r && Math.abs(fine[off]) < level) {
            off--;
        }
        return new int[] {Math.max(onset, Math.min(r, on - samples(ONSET_MARGIN_S))),
                Math.min(offset, Math.max(r, off + samples(OFFSET_MARGIN_S)))};
    }

    /**
     * The noise level of scale 2^j: the mean |W| over the quietest 50 ms blocks of the lead (the
     * 10th percentile of the block means). Isoelectric stretches between the waves exist at any
     * heart rate, so this measures noise (or f waves) and not the slopes of P and T waves; on a
     * clean lead it is zero.
     */
    private double noise(int j) {
        if (Double.isNaN(noiseFloor[j])) {
            double[] s = scale(j);
            int block = Math.max(2, samples(NOISE_BLOCK_S));
            double[] means = new double[Math.max(1, s.length / block)];
            for (int b = 0; b < means.length; b++) {
                double sum = 0;
                int to = Math.min(s.length, (b + 1) * block);
                for (int i = b * block; i < to; i++) {
                    sum += Math.abs(s[i]);
                }
                means[b] = sum / Math.max(1, to - b * block);
            }
            Arrays.sort(means);
            noiseFloor[j] = means[(int) (NOISE_PERCENTILE * (means.length - 1))];
        }
        return noiseFloor[j];
    }

    /** {onset, offset} of the complex around {@code r}, both measured at scale 2^j. */
    private int[] qrs(int r, int j) {
        double[] ws = scale(j);
        int n = x.length;
        int from = Math.max(1, r - samples(0.15)), to = Math.min(n - 2, r + samples(0.15));
        double peak = 0;
        for (int i = Math.max(0, r - samples(0.08)); i <= Math.min(n - 1, r + samples(0.08)); i++) {
            peak = Math.max(peak, Math.abs(ws[i]));
        }
        if (peak == 0) {
            return new int[] {Beat.ABSENT, Beat.ABSENT};
        }
        int gap = samples(0.02);
        double preThreshold = QRS_PRE_SLOPE * peak, postThreshold = QRS_POST_SLOPE * peak;
        // the complex: the slopes connected to r with gaps of at most 20 ms
        int left = r, right = r, quiet = 0;
        for (int i = r; i >= from; i--) {
            if (Math.abs(ws[i]) > preThreshold) {
                quiet = 0;
                left = i;
            } else if (++quiet > gap) {
                break;
            }
        }
        quiet = 0;
        for (int i = r; i <= to; i++) {
            if (Math.abs(ws[i]) > postThreshold) {
                quiet = 0;
                right = i;
            } else if (++quiet > gap) {
                break;
            }
        }
        int first = Beat.ABSENT, last = Beat.ABSENT;
        for (int i = left; i <= right; i++) {
            if (isModulusMaximum(ws, i)) {
                if (first == Beat.ABSENT && Math.abs(ws[i]) > preThreshold) {
                    first = i;
                }
                if (Math.abs(ws[i]) > postThreshold) {
                    last = i;
                }
            }
        }
        int onset = Beat.ABSENT, offset = Beat.ABSENT;
        if (first != Beat.ABSENT) {
            double xi = Math.max(QRS_DECAY * Math.abs(ws[first]), NOISE_FACTOR * noise(j));
            onset = decayLeft(ws, first, xi, Math.max(0, first - samples(0.1)));
        }
        if (last != Beat.ABSENT) {
            double xi = Math.max(QRS_DECAY * Math.abs(ws[last]), NOISE_FACTOR * noise(j));
            offset = decayRight(ws, last, xi, Math.min(n - 1, last + samples(0.1)));
        }
        return new int[] {onset, offset};
    }

    /**
     * Q and S: the deepest points before and after R inside the complex, when they dip below the
     * level around the complex (20 ms before the onset, 20 ms after the offset) by at least 3 % of
     * the complex's peak-to-peak amplitude.
     */
    private int[] qAndS(int onset, int r, int offset) {
        if (onset == Beat.ABSENT || offset == Beat.ABSENT || onset >= r || offset <= r) {
            return new int[] {Beat.ABSENT, Beat.ABSENT};
        }
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (int i = onset; i <= offset; i++) {
            min = Math.min(min, x[i]);
            max = Math.max(max, x[i]);
        }
        double significant = 0.03 * (max - min);
        double before = mean(Math.max(0, onset - samples(0.02)), onset);
        double after = mean(offset, Math.min(x.length - 1, offset + samples(0.02)));
        if (x[r] < before && x[r] < after) {
            return new int[] {Beat.ABSENT, Beat.ABSENT}; // R is itself a negative wave (QS complex)
        }
        int q = argMin(onset, r), s = argMin(r, offset);
        boolean hasQ = q < r && before - x[q] >= significant && x[q] < x[onset] + significant;
        boolean hasS = s > r && after - x[s] >= significant && x[s] < x[offset] + significant;
        return new int[] {hasQ ? q : Beat.ABSENT, hasS ? s : Beat.ABSENT};
    }

    private double mean(int from, int to) {
        double sum = 0;
        for (int i = from; i <= to; i++) {
            sum += x[i];
        }
        return sum / (to - from + 1);
    }

    // ---------------------------------------------------------------- T and P

    /** {onset, peak, offset} of the T wave after the QRS. */
    private int[] tWave(int r, int qrsOnset, int qrsOffset, int rr) {
        double baseline = qrsOnset == Beat.ABSENT ? 0 : mean(Math.max(0, qrsOnset - samples(0.01)), qrsOnset);
        int start = Math.max(r + samples(0.1), qrsOffset == Beat.ABSENT ? 0 : qrsOffset + samples(0.03));
        int end = r + (rr > samples(0.7) ? samples(0.5) : (int) Math.round(0.7 * rr));
        end = Math.min(end, x.length - 2);
        int[] wave = wave(T_SCALE, start, end, 0.25, T_ON, T_OFF, baseline);
        if (wave[1] == Beat.ABSENT) {
            wave = wave(T_SCALE + 1, start, end, 0.25, T_ON, T_OFF, baseline);
        }
        return wave;
    }

    /**
     * {onset, peak, offset} of the P wave before the QRS onset, not before {@code limit}: searched
     * in the 300 ms before the QRS, and in the 450 ms before it when nothing is found there or the
     * wave found is cut by the window (long PR intervals, e.g. first-degree AV block).
     */
    private int[] pWave(int qrsOnset, int limit, int r) {
        int start = Math.max(Math.max(limit, 1), qrsOnset - samples(0.3));
        int[] wave = pWaveIn(qrsOnset, start, r);
        if (wave[1] == Beat.ABSENT || cutsAWave(scale(P_SCALE), start, qrsOnset)) {
            int[] wider = pWaveIn(qrsOnset, Math.max(Math.max(limit, 1), qrsOnset - samples(0.45)), r);
            if (wider[1] != Beat.ABSENT) {
                wave = wider;
            }
        }
        return wave;
    }

    /** Whether the window starts in the middle of a slope at least 30 % as steep as its steepest one. */
    private static boolean cutsAWave(double[] s, int start, int end) {
        double max = 0;
        for (int i = start; i < end; i++) {
            max = Math.max(max, Math.abs(s[i]));
        }
        return Math.abs(s[start]) > 0.3 * max;
    }

    private int[] pWaveIn(int end, int start, int r) {
        if (end - start < samples(0.06)) {
            return new int[] {Beat.ABSENT, Beat.ABSENT, Beat.ABSENT};
        }
        double qrsSlope = 0;
        double[] coarse = scale(P_SCALE + 1); // the wider scale shows a P wave above noise more reliably
        for (int i = Math.max(0, r - samples(0.08)); i <= Math.min(x.length - 1, r + samples(0.08)); i++) {
            qrsSlope = Math.max(qrsSlope, Math.abs(coarse[i]));
        }
        int[] wave = wave(P_SCALE, start, end, 0.02, 0.3, 0.5, Double.NaN);
        if (wave[1] != Beat.ABSENT) {
            // a P wave's slopes are a visible fraction of the QRS's; smaller lobes are noise or f waves
            double lobe = 0;
            for (int i = Math.max(0, wave[0]); i <= wave[2]; i++) {
                lobe = Math.max(lobe, Math.abs(coarse[i]));
            }
            if (lobe < P_MIN_SLOPE_RATIO * qrsSlope) {
                return new int[] {Beat.ABSENT, Beat.ABSENT, Beat.ABSENT};
            }
        }
        return wave;
    }

    /**
     * A monophasic (or inverted) wave in {@code [start, end)} at scale 2^j: the strongest slope and
     * the strongest opposite slope next to it, both above {@code epsilon} × RMS of the window;
     * peak at the zero crossing between them, onset/offset where the outer slopes decay below
     * {@code xiOn}/{@code xiOff} of their modulus.
     */
    private int[] wave(int j, int start, int end, double epsilon, double xiOn, double xiOff, double baseline) {
        int[] none = {Beat.ABSENT, Beat.ABSENT, Beat.ABSENT};
        if (end - start < 4 || start < 1) {
            return none;
        }
        double[] s = scale(j);
        double sumSquares = 0;
        for (int i = start; i < end; i++) {
            sumSquares += s[i] * s[i];
        }
        double threshold = epsilon * Math.sqrt(sumSquares / (end - start));
        int first, second;
        if (Double.isNaN(baseline)) {
            int strongest = Beat.ABSENT;
            for (int i = start; i < end; i++) {
                if (isModulusMaximum(s, i) && Math.abs(s[i]) > threshold
                        && (strongest == Beat.ABSENT || Math.abs(s[i]) > Math.abs(s[strongest]))) {
                    strongest = i;
                }
            }
            if (strongest == Beat.ABSENT) {
                return none;
            }
            int before = strongestOpposite(s, strongest, start, strongest, threshold);
            int after = strongestOpposite(s, strongest, strongest + 1, end, threshold);
            if (before == Beat.ABSENT && after == Beat.ABSENT) {
                return none;
            } else if (after == Beat.ABSENT || (before != Beat.ABSENT && Math.abs(s[before]) > Math.abs(s[after]))) {
                first = before;
                second = strongest;
            } else {
                first = strongest;
                second = after;
            }
        } else {
            int[] slopes = new int[end - start];
            int count = 0;
            for (int i = start; i < end; i++) {
                if (isModulusMaximum(s, i) && Math.abs(s[i]) > threshold) {
                    slopes[count++] = i;
                }
            }
            // the wave: the pair of neighbouring opposite slopes whose peak stands furthest from the baseline
            int k = Beat.ABSENT;
            double best = -1;
            for (int m = 0; m + 1 < count; m++) {
                if (Math.signum(s[slopes[m]]) == Math.signum(s[slopes[m + 1]])) {
                    continue;
                }
                double height = Math.abs(x[zeroCrossing(s, slopes[m], slopes[m + 1])] - baseline);
                if (height > best) {
                    best = height;
                    k = m;
                }
            }
            if (k == Beat.ABSENT) {
                return none;
            }
            first = slopes[k];
            second = slopes[k + 1];
        }
        int peak = zeroCrossing(s, first, second);
        int onset = decayLeft(s, first, xiOn * Math.abs(s[first]), Math.max(0, start - samples(0.1)));
        int offset = decayRight(s, second, xiOff * Math.abs(s[second]), Math.min(x.length - 1, end + samples(0.15)));
        if (!Double.isNaN(baseline) && Boolean.getBoolean("t.debug")) {
            double[] f = scale(j - 1);
            int a = extremum(f, second, samples(0.02));
            System.err.printf("TDEBUG %d %.3f %d%n", j, Math.abs(f[a]) / Math.abs(s[second]), offset - second);
        }
        if (!Double.isNaN(baseline) && TB_SCALE > 0) {
            double[] f = scale(TB_SCALE);
            int reach = samples(0.02);
            int a = extremum(f, second, reach), b = extremum(f, first, reach);
            int fineOff = decayRight(f, a, TB_OFF * Math.abs(f[a]), Math.min(x.length - 1, end + samples(0.15)));
            int fineOn = decayLeft(f, b, TB_ON * Math.abs(f[b]), Math.max(0, start - samples(0.1)));
            if (TB_MODE == 0) {
                offset = fineOff;
                onset = fineOn;
            } else {
                offset = Math.min(offset, fineOff + samples(TB_MARGIN));
                onset = Math.max(onset, fineOn - samples(TB_MARGIN));
            }
        }
        return new int[] {onset, peak, offset};
    }

    /** The sample within {@code reach} of {@code i} where s has the same sign as s[i] and the largest modulus. */
    private static int extremum(double[] s, int i, int reach) {
        int best = i;
        for (int k = Math.max(0, i - reach); k <= Math.min(s.length - 1, i + reach); k++) {
            if (Math.signum(s[k]) == Math.signum(s[i]) && Math.abs(s[k]) > Math.abs(s[best])) {
                best = k;
            }
        }
        return best;
    }

    /** The strongest modulus maximum in [from, to) with the sign opposite to s[ref], above threshold. */
    private static int strongestOpposite(double[] s, int ref, int from, int to, double threshold) {
        int best = Beat.ABSENT;
        for (int i = from; i < to; i++) {
            if (Math.signum(s[i]) == -Math.signum(s[ref]) && isModulusMaximum(s, i) && Math.abs(s[i]) > threshold
                    && (best == Beat.ABSENT || Math.abs(s[i]) > Math.abs(s[best]))) {
                best = i;
            }
        }
        return best;
    }

    // ---------------------------------------------------------------- helpers

    private static boolean isModulusMaximum(double[] s, int i) {
        if (i <= 0 || i >= s.length - 1) {
            return false;
        }
        double a = Math.abs(s[i]);
        return a >= Math.abs(s[i - 1]) && a > Math.abs(s[i + 1]);
    }

    /** Walks left from {@code i} to where |s| drops below {@code level} or reaches a local minimum. */
    private static int decayLeft(double[] s, int i, double level, int limit) {
        int k = i;
        while (k > limit && Math.abs(s[k]) >= level && !(k < i && Math.abs(s[k - 1]) > Math.abs(s[k]))) {
            k--;
        }
        return k;
    }

    /** Walks right from {@code i} to where |s| drops below {@code level} or reaches a local minimum. */
    private static int decayRight(double[] s, int i, double level, int limit) {
        int k = i;
        while (k < limit && Math.abs(s[k]) >= level && !(k > i && Math.abs(s[k + 1]) > Math.abs(s[k]))) {
            k++;
        }
        return k;
    }

    /** The sample between a and b where s changes sign (the one nearer zero), or the middle. */
    private static int zeroCrossing(double[] s, int a, int b) {
        for (int i = a; i < b; i++) {
            if (Math.signum(s[i]) != Math.signum(s[i + 1]) || s[i + 1] == 0) {
                return Math.abs(s[i]) <= Math.abs(s[i + 1]) ? i : i + 1;
            }
        }
        return (a + b) / 2;
    }

    private int argMin(int from, int to) {
        int best = from;
        for (int i = from + 1; i <= to; i++) {
            if (x[i] < x[best]) {
                best = i;
            }
        }
        return best;
    }
}
