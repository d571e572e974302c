package org.ecgchat.io.synth;

/**
 * The ground truth of one beat, in seconds from the first sample. Onsets and ends are the exact
 * edges of the generated waves (every wave has compact support). Peaks are where lead II is
 * furthest from the baseline within the wave (to the nearest sample), which is what a detector
 * working on lead II finds; {@code rPeak} is the R wave unless an S wave (or QS complex) is more
 * than twice as deep, in which case it is that negative peak. P fields are NaN for beats without a conducted P wave (atrial fibrillation, PVCs).
 * Fiducials of beats at the edges may lie outside the record.
 */
public record BeatAnnotation(BeatType type, double pOnset, double pPeak, double pEnd, double qrsOnset, double rPeak,
        double qrsEnd, double tPeak, double tEnd) {

    public boolean hasPWave() {
        return !Double.isNaN(pOnset);
    }

    /** PR interval (s): P onset to QRS onset; NaN without a P wave. */
    public double prInterval() {
        return qrsOnset - pOnset;
    }

    /** QRS duration (s). */
    public double qrsDuration() {
        return qrsEnd - qrsOnset;
    }

    /** QT interval (s): QRS onset to T end. */
    public double qtInterval() {
        return tEnd - qrsOnset;
    }

    /** Whether every fiducial of the beat lies within {@code [0, duration)} seconds. */
    public boolean isWithin(double duration) {
        double first = hasPWave() ? pOnset : qrsOnset;
        return first >= 0 && tEnd < duration;
    }

    /** The sample index nearest to a time {@code t} (s) at sampling frequency {@code fs}. */
    public static long sampleAt(double t, double fs) {
        return Math.round(t * fs);
    }
}
