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
 * decays (scale 2²) below 5 % of its modulus, but never below the noise level; both are then
 * refined at scale 2¹, where the complex begins and ends with its first and last slope that rises
 * above the noise. T waves are sought at scale 2⁴ (2⁵ as fallback) in a heart-rate dependent window
 * after the QRS (the most prominent wave there), P waves at scale 2³ before it (the steepest); a
 * wave's peak is the zero crossing between its two opposite slopes, and its onset and offset are
 * where those slopes decay below a fraction of their modulus (T: 25 % / 40 %, P: 30 % / 50 %) or
 * reach a local minimum. A T wave that begins inside the QRS (bundle branch block) leaves only its
 * second slope in the window and is delineated from that; a T offset followed by a flat line is
 * moved back to where its slope has died out at scale 2². Scales refer to 250 Hz; the analysis
 * runs at 250·2^k Hz (500 Hz for leads sampled at 100–360 Hz, 1000 Hz for 1000 Hz), resampling the lead
 * when its rate is not within 2 % of that, and maps the fiducials back to the lead's samples.
 */
public final class Delineator {

    private static final int MAX_SCALE = 5;
    private static final int QRS_ONSET_SCALE = 3;
    private static final int QRS_OFFSET_SCALE = 2;
    private static final int QRS_FINE_SCALE = 1;
    private static final int T_SCALE = 4;
    private static final int P_SCALE = 3;
    /**
     * Slopes before (after) R belong to the QRS when above this fraction of its steepest one (at
     * the onset and offset scales). Fibrillatory waves reach 6–10 % of it at scale 2³ and, at 6 %,
     * joined the complex whenever one ran into it; the initial slopes of a wide complex (left
     * bundle branch block) lie not far above 10 %.
     */
    private static final double QRS_PRE_SLOPE = 0.08, QRS_POST_SLOPE = 0.09;
    /** A QRS boundary is where its outer slope decays below this fraction of its modulus... */
    private static final double QRS_DECAY = 0.05;
    /** ...or below this many times the noise level of the scale, whichever is higher. */
    private static final double NOISE_FACTOR = 4;
    /**
     * At scale 2¹ the complex begins (ends) with its first (last) slope above this fraction of its
     * steepest one, or above the noise level: on a clean lead, where it leaves the baseline at all.
     */
    private static final double QRS_FINE_DECAY = 0.002;
    /** Noise level: this percentile, over blocks of this length, of the mean absolute deviation of W. */
    private static final double NOISE_BLOCK_S = 0.02, NOISE_PERCENTILE = 0.1;
    /** Broadband noise is measured on the finest level lying this far (octaves) below a resampled lead's Nyquist rate. */
    private static final double NOISE_BAND_MARGIN_OCTAVES = 0.25;
    /** T and P slopes: modulus maxima above this fraction of the RMS of W over the search window. */
    private static final double T_SLOPE_FRACTION = 0.25, P_SLOPE_FRACTION = 0.02;
    /** T and P boundaries: where the outer slopes decay below these fractions of their modulus. */
    private static final double T_ONSET_DECAY = 0.25, T_OFFSET_DECAY = 0.4, P_ONSET_DECAY = 0.3, P_OFFSET_DECAY = 0.5;
    /**
     * A T wave that ends onto a line flat (at scale 2²) for this long has its offset moved back, by
     * at most this much, to where its last slope decays below this fraction of its modulus there.
     */
    private static final int T_FINE_SCALE = 2;
    private static final double T_FINE_DECAY = 0.1, T_MAX_SHARPENING_S = 0.01, T_FLAT_S = 0.06;
    /** A P wave whose slopes (at scale 2⁴) are below this fraction of the QRS's is noise or f waves. */
    private static final double P_MIN_SLOPE_RATIO = 0.03;

    private final double[] x;
    private final double fs;
    private final double[][] w;
    private final int octave;
    /** The finest level of {@link #w} that holds the lead's own content (not emptied by upsampling). */
    private final int broadbandLevel;
    private final double[] noiseFloor;

    /**
     * @param cleaned the lead at the analysis rate
     * @param samplingFrequency the analysis rate
     * @param leadRate the rate the lead was recorded at (it may have been resampled to the analysis rate)
     */
    private Delineator(double[] cleaned, double samplingFrequency, double leadRate) {
        this.x = cleaned;
        this.fs = samplingFrequency;
        this.octave = Math.max(0, (int) Math.round(Math.log(samplingFrequency / 250) / Math.log(2)));
        this.w = WaveletTransform.compute(cleaned, MAX_SCALE + octave);
        // level k (from 0) reaches up to fs / 2^(k+1); after upsampling, the levels above the lead's Nyquist rate are empty
        double octavesAbove = Math.log(samplingFrequency / leadRate) / Math.log(2);
        this.broadbandLevel = leadRate >= 0.98 * samplingFrequency ? 0
                : Math.min(w.length - 1, (int) Math.ceil(octavesAbove + NOISE_BAND_MARGIN_OCTAVES));
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
            return new Delineator(cleaned, samplingFrequency, samplingFrequency).run(rPeaks);
        }
        // delineate at 250·2^k Hz, where the wavelet scales are exact, and map the fiducials back
        PolyphaseResampler resampler = PolyphaseResampler.between(samplingFrequency, analysisRate);
        double ratio = analysisRate / samplingFrequency;
        int[] fine = new int[rPeaks.length];
        for (int i = 0; i < rPeaks.length; i++) {
            fine[i] = (int) Math.round(rPeaks[i] * ratio);
        }
        Delineation d = new Delineator(resampler.apply(cleaned), analysisRate, samplingFrequency).run(fine);
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
        if (onset == Beat.ABSENT || offset == Beat.ABSENT) {
            return new int[] {onset, offset};
        }
        // the coarse scales smear an abrupt deflection out by up to 15 ms; the finest shows where it starts
        double[] fine = scale(QRS_FINE_SCALE);
        double max = 0;
        for (int i = onset; i <= offset; i++) {
            max = Math.max(max, Math.abs(fine[i]));
        }
        double level = Math.max(QRS_FINE_DECAY * max, NOISE_FACTOR * noise(QRS_FINE_SCALE));
        int on = onset, off = offset;
        while (on < r && Math.abs(fine[on]) < level) {
            on++;
        }
        while (off > r && Math.abs(fine[off]) < level) {
            off--;
        }
        return new int[] {on, off};
    }

    /**
     * The noise level of scale 2^j, in mean |W|: the larger of the broadband noise measured on the
     * finest level and carried over to scale 2^j by the levels' white-noise gains, and the noise
     * measured on scale 2^j itself (which sees narrowband interference such as mains hum). Both
     * take the mean absolute deviation of W from its mean over 20 ms blocks, and its 10th
     * percentile over the blocks: within so short a block the slope of a P or T wave is nearly
     * constant and drops out, so this finds the noise even at fast heart rates, where no
     * isoelectric stretch is long enough for the coarse scales. On a clean lead it is about zero.
     */
    private double noise(int j) {
        if (Double.isNaN(noiseFloor[j])) {
            int level = j + octave - 1;
            double broadband = blockDeviation(w[broadbandLevel])
                    * WaveletTransform.whiteNoiseGain(level + 1) / WaveletTransform.whiteNoiseGain(broadbandLevel + 1);
            noiseFloor[j] = Math.max(broadband, blockDeviation(w[level]));
        }
        return noiseFloor[j];
    }

    /** The 10th percentile, over blocks of 20 ms, of the mean absolute deviation of s from its block mean. */
    private double blockDeviation(double[] s) {
        int block = Math.max(2, samples(NOISE_BLOCK_S));
        double[] deviations = new double[Math.max(1, s.length / block)];
        for (int b = 0; b < deviations.length; b++) {
            int from = b * block, to = Math.min(s.length, from + block);
            double mean = 0;
            for (int i = from; i < to; i++) {
                mean += s[i];
            }
            mean /= Math.max(1, to - from);
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += Math.abs(s[i] - mean);
            }
            deviations[b] = sum / Math.max(1, to - from);
        }
        Arrays.sort(deviations);
        return deviations[(int) (NOISE_PERCENTILE * (deviations.length - 1))];
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
        // the T wave stands out from the level just before the QRS (the end of the PR segment)
        double baseline = qrsOnset == Beat.ABSENT ? 0 : mean(Math.max(0, qrsOnset - samples(0.01)), qrsOnset);
        int start = Math.max(r + samples(0.1), qrsOffset == Beat.ABSENT ? 0 : qrsOffset + samples(0.03));
        int end = r + (rr > samples(0.7) ? samples(0.5) : (int) Math.round(0.7 * rr));
        end = Math.min(end, x.length - 2);
        int[] wave = mostProminentWave(T_SCALE, start, end, baseline);
        if (wave[1] == Beat.ABSENT) {
            wave = mostProminentWave(T_SCALE + 1, start, end, baseline);
        }
        for (int j = T_SCALE; j <= T_SCALE + 1 && wave[1] == Beat.ABSENT; j++) {
            wave = secondHalfOfWave(j, start, end);
        }
        if (wave[2] != Beat.ABSENT) {
            wave[2] = sharpenOffset(wave[1], wave[2]);
        }
        return wave;
    }

    /**
     * {ABSENT, peak, offset} of a T wave that begins inside the QRS, as it does when repolarisation
     * follows an abnormal depolarisation (bundle branch block): only its second slope lies in the
     * window, which starts on the wave's first slope, so it has no pair of opposite slopes. Its
     * peak is where W turns before the second slope; its onset is hidden in the QRS.
     */
    private int[] secondHalfOfWave(int j, int start, int end) {
        if (end - start < 4 || start < 1) {
            return none();
        }
        double[] s = scale(j);
        // the window must start on the wave's first slope, and not be cut short by the next beat
        // in the middle of a slope (a T wave whose second slope it cuts off)
        if (Math.abs(s[start]) <= T_SLOPE_FRACTION * rms(s, start, end) || cutsAWave(s, start, end, end - 1)) {
            return none();
        }
        int turn = start;
        while (turn < end && Math.signum(s[turn]) == Math.signum(s[start])) {
            turn++;
        }
        int second = turn; // the first modulus maximum after the turn: the wave's own slope, not a later wave's
        while (second + 1 < end && Math.signum(s[second + 1]) == Math.signum(s[turn])
                && Math.abs(s[second + 1]) >= Math.abs(s[second])) {
            second++;
        }
        if (second + 1 >= end || Math.abs(s[second]) <= NOISE_FACTOR * noise(j)) {
            return none();
        }
        int offset = decayRight(s, second, T_OFFSET_DECAY * Math.abs(s[second]),
                Math.min(x.length - 1, end + samples(0.15)));
        return new int[] {Beat.ABSENT, zeroCrossing(s, start, second), offset};
    }

    /**
     * The T offset found at a coarse scale, moved back to where the wave's last slope has died
     * out at scale 2²: the coarse scales smear an abrupt end (such as where a depressed ST
     * segment and the T wave return to the baseline together) out by about 10 ms.
     */
    private int sharpenOffset(int peak, int offset) {
        double[] fine = scale(T_FINE_SCALE);
        double max = 0;
        for (int i = peak; i <= offset; i++) {
            max = Math.max(max, Math.abs(fine[i]));
        }
        double level = Math.max(T_FINE_DECAY * max, NOISE_FACTOR * noise(T_FINE_SCALE));
        // only an end onto a flat line is sharp; a T wave fading into what follows keeps its coarse offset
        for (int i = offset; i <= Math.min(x.length - 1, offset + samples(T_FLAT_S)); i++) {
            if (Math.abs(fine[i]) >= level) {
                return offset;
            }
        }
        int off = offset;
        while (off > Math.max(peak, offset - samples(T_MAX_SHARPENING_S)) && Math.abs(fine[off - 1]) < level) {
            off--;
        }
        return off;
    }

    /**
     * {onset, peak, offset} of the P wave before the QRS onset, not before {@code limit}: searched
     * in the 300 ms before the QRS, and in the 450 ms before it when nothing is found there or the
     * wave found is cut by the window (long PR intervals, e.g. first-degree AV block).
     */
    private int[] pWave(int qrsOnset, int limit, int r) {
        int start = Math.max(Math.max(limit, 1), qrsOnset - samples(0.3));
        int[] wave = pWaveIn(qrsOnset, start, r);
        if (wave[1] == Beat.ABSENT || cutsAWave(scale(P_SCALE), start, qrsOnset, start)) {
            int[] wider = pWaveIn(qrsOnset, Math.max(Math.max(limit, 1), qrsOnset - samples(0.45)), r);
            if (wider[1] != Beat.ABSENT) {
                wave = wider;
            }
        }
        return wave;
    }

    /**
     * Whether the window [start, end) is cut, at sample {@code at}, in the middle of a slope at
     * least 30 % as steep as its steepest one.
     */
    private static boolean cutsAWave(double[] s, int start, int end, int at) {
        double max = 0;
        for (int i = start; i < end; i++) {
            max = Math.max(max, Math.abs(s[i]));
        }
        return Math.abs(s[at]) > 0.3 * max;
    }

    private int[] pWaveIn(int end, int start, int r) {
        if (end - start < samples(0.06)) {
            return none();
        }
        double qrsSlope = 0;
        double[] coarse = scale(P_SCALE + 1); // the wider scale shows a P wave above noise more reliably
        for (int i = Math.max(0, r - samples(0.08)); i <= Math.min(x.length - 1, r + samples(0.08)); i++) {
            qrsSlope = Math.max(qrsSlope, Math.abs(coarse[i]));
        }
        int[] wave = steepestWave(P_SCALE, start, end);
        if (wave[1] != Beat.ABSENT) {
            // a P wave's slopes are a visible fraction of the QRS's; smaller lobes are noise or f waves
            double lobe = 0;
            for (int i = Math.max(0, wave[0]); i <= wave[2]; i++) {
                lobe = Math.max(lobe, Math.abs(coarse[i]));
            }
            if (lobe < P_MIN_SLOPE_RATIO * qrsSlope) {
                return none();
            }
        }
        return wave;
    }

    /**
     * The P wave in {@code [start, end)} at scale 2^j: the steepest slope and the steepest slope of
     * the opposite sign before or after it, whichever is steeper.
     */
    private int[] steepestWave(int j, int start, int end) {
        if (end - start < 4 || start < 1) {
            return none();
        }
        double[] s = scale(j);
        int[] slopes = slopes(s, start, end, P_SLOPE_FRACTION * rms(s, start, end));
        int steepest = Beat.ABSENT;
        for (int m = 0; m < slopes.length; m++) {
            if (steepest == Beat.ABSENT || Math.abs(s[slopes[m]]) > Math.abs(s[slopes[steepest]])) {
                steepest = m;
            }
        }
        int before = Beat.ABSENT, after = Beat.ABSENT;
        for (int m = 0; m < slopes.length; m++) {
            if (Math.signum(s[slopes[m]]) == -Math.signum(s[slopes[steepest]])) {
                if (m < steepest && (before == Beat.ABSENT || Math.abs(s[slopes[m]]) > Math.abs(s[before]))) {
                    before = slopes[m];
                } else if (m > steepest && (after == Beat.ABSENT || Math.abs(s[slopes[m]]) > Math.abs(s[after]))) {
                    after = slopes[m];
                }
            }
        }
        if (before == Beat.ABSENT && after == Beat.ABSENT) {
            return none();
        } else if (after == Beat.ABSENT || (before != Beat.ABSENT && Math.abs(s[before]) > Math.abs(s[after]))) {
            return boundaries(s, before, slopes[steepest], P_ONSET_DECAY, P_OFFSET_DECAY, start, end);
        }
        return boundaries(s, slopes[steepest], after, P_ONSET_DECAY, P_OFFSET_DECAY, start, end);
    }

    /**
     * The T wave in {@code [start, end)} at scale 2^j: of the pairs of neighbouring opposite slopes,
     * the one whose peak stands furthest from {@code baseline}, weighted by the gentler of its two
     * slopes. A wave needs both slopes: the steepest slope alone may be the start of the next P
     * wave at fast rates, and the trough of a depressed ST segment is flanked by a slope too gentle
     * to make it the T wave.
     */
    private int[] mostProminentWave(int j, int start, int end, double baseline) {
        if (end - start < 4 || start < 1) {
            return none();
        }
        double[] s = scale(j);
        int[] slopes = slopes(s, start, end, T_SLOPE_FRACTION * rms(s, start, end));
        int best = Beat.ABSENT;
        double bestProminence = -1;
        for (int m = 0; m + 1 < slopes.length; m++) {
            int a = slopes[m], b = slopes[m + 1];
            if (Math.signum(s[a]) != Math.signum(s[b])) {
                double prominence = Math.abs(x[zeroCrossing(s, a, b)] - baseline) * Math.min(Math.abs(s[a]), Math.abs(s[b]));
                if (prominence > bestProminence) {
                    bestProminence = prominence;
                    best = m;
                }
            }
        }
        return best == Beat.ABSENT ? none()
                : boundaries(s, slopes[best], slopes[best + 1], T_ONSET_DECAY, T_OFFSET_DECAY, start, end);
    }

    /**
     * The slopes of s in [start, end): each stretch where |s| stays above {@code threshold} with one
     * sign, represented by its steepest modulus maximum (a stretch without one is left out).
     */
    private static int[] slopes(double[] s, int start, int end, double threshold) {
        int[] slopes = new int[end - start];
        int count = 0, steepest = Beat.ABSENT;
        for (int i = start; i < end; i++) {
            if (Math.abs(s[i]) <= threshold) {
                continue;
            }
            if (isModulusMaximum(s, i) && (steepest == Beat.ABSENT || Math.abs(s[i]) > Math.abs(s[steepest]))) {
                steepest = i;
            }
            boolean stretchEnds = i + 1 == end || Math.abs(s[i + 1]) <= threshold || Math.signum(s[i + 1]) != Math.signum(s[i]);
            if (stretchEnds && steepest != Beat.ABSENT) {
                slopes[count++] = steepest;
                steepest = Beat.ABSENT;
            }
        }
        return Arrays.copyOf(slopes, count);
    }

    /**
     * {onset, peak, offset} of the wave between two opposite slopes: peak at their zero crossing,
     * onset/offset where the outer slopes decay below {@code xiOn}/{@code xiOff} of their modulus.
     */
    private int[] boundaries(double[] s, int first, int second, double xiOn, double xiOff, int start, int end) {
        int peak = zeroCrossing(s, first, second);
        int onset = decayLeft(s, first, xiOn * Math.abs(s[first]), Math.max(0, start - samples(0.1)));
        int offset = decayRight(s, second, xiOff * Math.abs(s[second]), Math.min(x.length - 1, end + samples(0.15)));
        return new int[] {onset, peak, offset};
    }

    private static double rms(double[] s, int start, int end) {
        double sumSquares = 0;
        for (int i = start; i < end; i++) {
            sumSquares += s[i] * s[i];
        }
        return Math.sqrt(sumSquares / (end - start));
    }

    private static int[] none() {
        return new int[] {Beat.ABSENT, Beat.ABSENT, Beat.ABSENT};
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
