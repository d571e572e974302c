package org.ecgchat.io.delineate;

import java.util.Arrays;

/**
 * R-peak detection on a cleaned lead by the gradient method the original WFEP pipeline used
 * (NeuroKit2 {@code ecg_peaks(method="neurokit")}): the absolute gradient is smoothed over 100 ms;
 * QRS complexes are the stretches where it exceeds 1.5 × its own 750 ms moving average (an
 * adaptive threshold that follows amplitude changes); stretches shorter than 0.4 × the mean
 * stretch are dropped as noise; in each remaining stretch the R peak is the local maximum of the
 * signal with the largest prominence, and peaks closer than 300 ms to the previous one are
 * refractory.
 *
 * <p>Six departures from NeuroKit2 make it more robust. A stretch whose steepest slope is below
 * 30 % of the median over all stretches is noise (NeuroKit2 places beats in noisy pauses). As in
 * Pan–Tompkins, a stretch within
 * 360 ms of the previous beat whose steepest slope is less than half of that beat's is taken for a
 * T wave (tall T waves in the precordial leads otherwise count as beats). A stretch steeper (largest
 * sample-to-sample step) than the previous beat replaces it when it falls within the refractory
 * period, or within 360 ms and more than twice as steep: the earlier one was the P wave (large
 * next to a low-voltage QRS) or a T wave seen first. A beat less than a quarter as steep as the
 * median beat is the lone P or T wave of a beat cut by the edge of the record. An entirely negative
 * complex (such as the premature ventricular beats of MIT-BIH record 100 in MLII), whose local
 * maxima are missing or at least ten times less prominent than its deepest trough, is located at
 * that trough instead of being dropped or placed on a ripple. And the refractory period starts at
 * the first peak, not at sample 0 (NeuroKit2 drops any beat in the first 300 ms).
 */
public final class RPeakDetector {

    private static final double SMOOTH_WINDOW_S = 0.1;
    private static final double AVERAGE_WINDOW_S = 0.75;
    private static final double THRESHOLD_WEIGHT = 1.5;
    private static final double MIN_LENGTH_WEIGHT = 0.4;
    private static final double REFRACTORY_S = 0.3;
    private static final double T_WAVE_WINDOW_S = 0.36;
    private static final double T_WAVE_SLOPE_RATIO = 0.5;
    private static final double NEGATIVE_DOMINANCE = 0.1;
    private static final double NOISE_SLOPE_RATIO = 0.3;
    private static final double P_WAVE_STEEPNESS_RATIO = 2;
    private static final double MIN_STEEPNESS_RATIO = 0.25;

    private RPeakDetector() {}

    /**
     * Sample indices of the R peaks, ascending. An empty array when the lead shows no QRS
     * (e.g. a flat line).
     *
     * @throws IllegalArgumentException if the lead is shorter than the 750 ms averaging window
     */
    public static int[] detect(double[] cleaned, double samplingFrequency) {
        int n = cleaned.length;
        int smoothSize = (int) Math.rint(SMOOTH_WINDOW_S * samplingFrequency);
        int averageSize = (int) Math.rint(AVERAGE_WINDOW_S * samplingFrequency);
        if (smoothSize < 1 || averageSize > n) {
            throw new IllegalArgumentException("R-peak detection needs at least " + AVERAGE_WINDOW_S * 1000
                    + " ms of signal at a rate of 10 Hz or more; got " + n + " samples at " + samplingFrequency + " Hz");
        }
        double[] absGradient = new double[n];
        for (int i = 0; i < n; i++) {
            double d = n == 1 ? 0 : i == 0 ? cleaned[1] - cleaned[0]
                    : i == n - 1 ? cleaned[n - 1] - cleaned[n - 2] : (cleaned[i + 1] - cleaned[i - 1]) / 2;
            absGradient[i] = Math.abs(d);
        }
        double[] smooth = boxcar(absGradient, smoothSize);
        double[] average = boxcar(smooth, averageSize);
        int mindelay = (int) Math.rint(samplingFrequency * REFRACTORY_S);

        int[] begins = new int[n / 2 + 2];
        int[] ends = new int[n / 2 + 2];
        int nb = 0, ne = 0;
        for (int i = 0; i + 1 < n; i++) {
            boolean now = smooth[i] > THRESHOLD_WEIGHT * average[i];
            boolean next = smooth[i + 1] > THRESHOLD_WEIGHT * average[i + 1];
            if (!now && next) {
                begins[nb++] = i;
            } else if (now && !next && nb > 0) {
                ends[ne++] = i; // ends before the first begin are dropped
            }
        }
        int count = Math.min(nb, ne);
        if (count == 0) {
            return new int[0];
        }
        double meanLength = 0;
        for (int i = 0; i < count; i++) {
            meanLength += ends[i] - begins[i];
        }
        double minLength = meanLength / count * MIN_LENGTH_WEIGHT;
        double[] slopes = new double[count];
        int candidates = 0;
        for (int i = 0; i < count; i++) {
            for (int k = begins[i]; k <= ends[i]; k++) {
                slopes[i] = Math.max(slopes[i], smooth[k]);
            }
            if (ends[i] - begins[i] >= minLength) {
                candidates++;
            }
        }
        double[] candidateSlopes = new double[candidates];
        for (int i = 0, j = 0; i < count; i++) {
            if (ends[i] - begins[i] >= minLength) {
                candidateSlopes[j++] = slopes[i];
            }
        }
        Arrays.sort(candidateSlopes);
        double typicalSlope = candidates == 0 ? 0 : candidateSlopes[candidates / 2];

        int[] peaks = new int[count];
        double[] steepnesses = new double[count];
        int found = 0, previous = Integer.MIN_VALUE / 2;
        double previousSlope = 0, previousSteepness = 0;
        int tWaveWindow = (int) Math.rint(samplingFrequency * T_WAVE_WINDOW_S);
        for (int i = 0; i < count; i++) {
            int begin = begins[i], end = ends[i];
            if (end - begin < minLength) {
                continue;
            }
            double slope = slopes[i];
            if (slope < NOISE_SLOPE_RATIO * typicalSlope) {
                continue;
            }
            if (begin - previous < tWaveWindow && slope < T_WAVE_SLOPE_RATIO * previousSlope) {
                continue;
            }
            double[] stretch = Arrays.copyOfRange(cleaned, begin, end);
            double[] negated = new double[stretch.length];
            for (int k = 0; k < stretch.length; k++) {
                negated[k] = -stretch[k];
            }
            int maximum = mostProminent(stretch), minimum = mostProminent(negated);
            // a QS complex's noise ripples are maxima too: take the trough when it dominates
            boolean troughDominates = minimum >= 0 && (maximum < 0 || PeakFinder.prominence(stretch, maximum)
                    < NEGATIVE_DOMINANCE * PeakFinder.prominence(negated, minimum));
            int best = troughDominates ? minimum : maximum;
            if (best < 0) {
                continue;
            }
            int peak = begin + best;
            double steepness = steepness(cleaned, begin, end);
            boolean near = begin - previous < tWaveWindow;
            if (peak - previous > mindelay && !(near && steepness > P_WAVE_STEEPNESS_RATIO * previousSteepness)) {
                steepnesses[found] = steepness;
                peaks[found++] = peak;
            } else if (steepness > previousSteepness && (peak - previous <= mindelay || near)) {
                // the previous one was a P wave (or a T wave seen first): a QRS is the steepest deflection
                steepnesses[found - 1] = steepness;
                peaks[found - 1] = peak;
            } else {
                continue;
            }
            previous = peak;
            previousSlope = slope;
            previousSteepness = steepness;
        }
        // a lone P or T wave (e.g. of a beat cut by the start of the record) is far less steep than the beats
        double[] sorted = Arrays.copyOf(steepnesses, found);
        Arrays.sort(sorted);
        double floor = found == 0 ? 0 : MIN_STEEPNESS_RATIO * sorted[found / 2];
        int kept = 0;
        for (int i = 0; i < found; i++) {
            if (steepnesses[i] >= floor) {
                peaks[kept++] = peaks[i];
            }
        }
        return Arrays.copyOf(peaks, kept);
    }

    /** The largest absolute first difference of {@code x} in [from, to]. */
    private static double steepness(double[] x, int from, int to) {
        double max = 0;
        for (int i = Math.max(1, from); i <= to; i++) {
            max = Math.max(max, Math.abs(x[i] - x[i - 1]));
        }
        return max;
    }

    /** The index of the most prominent local maximum of {@code x}, or −1 if it has none. */
    private static int mostProminent(double[] x) {
        int best = -1;
        double bestProminence = Double.NEGATIVE_INFINITY;
        for (int m : PeakFinder.localMaxima(x)) {
            double p = PeakFinder.prominence(x, m);
            if (p > bestProminence) {
                best = m;
                bestProminence = p;
            }
        }
        return best;
    }

    /**
     * NeuroKit's boxcar smoothing: the mean over {@code size} samples from {@code i − size/2}
     * (rounded up) to {@code i + (size − 1)/2}, with the lead's first and last values repeated
     * beyond its ends.
     */
    static double[] boxcar(double[] x, int size) {
        int n = x.length;
        int after = (size - 1) / 2;
        int before = size - 1 - after;
        double[] out = new double[n];
        double sum = 0;
        for (int j = -before; j <= after; j++) {
            sum += x[Math.min(n - 1, Math.max(0, j))];
        }
        for (int i = 0; i < n; i++) {
            out[i] = sum / size;
            sum += x[Math.min(n - 1, i + after + 1)] - x[Math.max(0, i - before)];
        }
        return out;
    }
}
