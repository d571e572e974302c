package org.ecgchat.io.delineate;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;

/**
 * ECG-Chat's waveform features (WFEP) of one lead, computed exactly as the original
 * {@code signal_analysis.py} does and rendered as the text it appends to a report, e.g.
 * {@code " RR: 934 PR: 153 QRS: 154 QT/QTc: 472/488 P/R/T Wave: 2336/2419/2384"}.
 *
 * <p>Definitions (the original's, kept for fidelity even where they differ from textbook
 * intervals): per beat, PR = Q peak − P onset, QRS = S peak − Q peak, QT = T offset − QRS onset,
 * RR = R − previous R, each in seconds; a beat missing either point contributes nothing to that
 * mean. NeuroKit2, which the original used, places a Q and an S in nearly every beat; where a
 * complex has no Q (S) wave this class takes the QRS onset (offset) in its place, so that PR and
 * QRS are not dropped. Intervals are the mean over beats × 1000, truncated to whole ms ({@code int()}); QTc is
 * Bazett's {@code int(mean QT / sqrt(mean RR) × 1000)} from the untruncated means. P/R/T Wave are
 * the mean sample index of the P, R and T peaks (computed as the original does, via index / 1000,
 * mean, × 1000, truncated). A feature with no beats to average is 0; QTc is 0 when there is no RR
 * interval (the original divides by zero and fails there). Means use numpy's pairwise summation so
 * that truncation boundaries fall where numpy's do. The JSON field names are the original's CSV
 * columns.
 */
public record WaveformFeatures(
        @JsonProperty("RR_Interval") int rr,
        @JsonProperty("PR_Interval") int pr,
        @JsonProperty("QRS_Complex") int qrs,
        @JsonProperty("QT_Interval") int qt,
        @JsonProperty("QTc_Interval") int qtc,
        @JsonProperty("P_Wave_Peak") int pWave,
        @JsonProperty("R_Wave_Peak") int rWave,
        @JsonProperty("T_Wave_Peak") int tWave) {

    /** What the original records when its analysis fails: every feature 0. */
    public static final WaveformFeatures NONE = new WaveformFeatures(0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * The features of one lead via the whole pipeline: non-finite samples → 0 (as the original
     * does), {@link Delineator#delineate(double[], double)}, then {@link #of(Delineation)}.
     *
     * @throws IllegalArgumentException if the lead is too short to filter (the original records
     *     {@link #NONE} in that case; callers processing datasets may do the same)
     */
    public static WaveformFeatures of(double[] lead, double samplingFrequency) {
        double[] x = lead.clone();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                x[i] = 0;
            }
        }
        return of(Delineator.delineate(x, samplingFrequency));
    }

    /** The features of a delineated lead. */
    public static WaveformFeatures of(Delineation delineation) {
        double fs = delineation.samplingFrequency();
        List<Beat> beats = delineation.beats();
        int n = beats.size();
        double[] rr = new double[n], pr = new double[n], qrs = new double[n], qt = new double[n];
        double[] p = new double[n], r = new double[n], t = new double[n];
        int nrr = 0, npr = 0, nqrs = 0, nqt = 0, np = 0, nr = 0, nt = 0;
        for (int i = 0; i < n; i++) {
            Beat b = beats.get(i);
            int q = Beat.present(b.qPeak()) ? b.qPeak() : b.qrsOnset();
            int s = Beat.present(b.sPeak()) ? b.sPeak() : b.qrsOffset();
            if (Beat.present(q) && Beat.present(b.pOnset())) {
                pr[npr++] = (q - b.pOnset()) / fs;
            }
            if (Beat.present(s) && Beat.present(q)) {
                qrs[nqrs++] = (s - q) / fs;
            }
            if (Beat.present(b.tOffset()) && Beat.present(b.qrsOnset())) {
                qt[nqt++] = (b.tOffset() - b.qrsOnset()) / fs;
            }
            if (i > 0) {
                rr[nrr++] = (b.rPeak() - beats.get(i - 1).rPeak()) / fs;
            }
            if (Beat.present(b.pPeak())) {
                p[np++] = b.pPeak() / 1000.0;
            }
            r[nr++] = b.rPeak() / 1000.0;
            if (Beat.present(b.tPeak())) {
                t[nt++] = b.tPeak() / 1000.0;
            }
        }
        double meanRr = mean(rr, nrr), meanQt = mean(qt, nqt);
        int qtc = meanRr > 0 ? (int) (meanQt / Math.sqrt(meanRr) * 1000) : 0;
        return new WaveformFeatures(times1000(meanRr), times1000(mean(pr, npr)), times1000(mean(qrs, nqrs)),
                times1000(meanQt), qtc, times1000(mean(p, np)), times1000(mean(r, nr)), times1000(mean(t, nt)));
    }

    /** The text the original appends to a report (note the leading space). */
    public String render() {
        return " RR: " + rr + " PR: " + pr + " QRS: " + qrs + " QT/QTc: " + qt + "/" + qtc
                + " P/R/T Wave: " + pWave + "/" + rWave + "/" + tWave;
    }

    private static int times1000(double mean) {
        return (int) (mean * 1000);
    }

    /** numpy's {@code mean}: pairwise sum divided by the count; 0 for no values (the original's {@code dropna}). */
    static double mean(double[] values, int count) {
        return count == 0 ? 0 : pairwiseSum(values, 0, count) / count;
    }

    /** numpy's pairwise summation (8-way unrolled blocks of up to 128, split in halves above). */
    static double pairwiseSum(double[] a, int from, int n) {
        if (n < 8) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += a[from + i];
            }
            return s;
        } else if (n <= 128) {
            double[] r = Arrays.copyOfRange(a, from, from + 8);
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                for (int k = 0; k < 8; k++) {
                    r[k] += a[from + i + k];
                }
            }
            double s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                s += a[from + i];
            }
            return s;
        } else {
            int n2 = n / 2;
            n2 -= n2 % 8;
            return pairwiseSum(a, from, n2) + pairwiseSum(a, from + n2, n - n2);
        }
    }
}
