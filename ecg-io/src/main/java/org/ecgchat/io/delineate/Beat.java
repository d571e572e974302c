package org.ecgchat.io.delineate;

/**
 * The fiducial points of one heartbeat as sample indices into the lead, {@link #ABSENT} (−1)
 * where a wave was not found. {@code rPeak} is always present (it defines the beat). Q and S are
 * the negative deflections before and after R within the QRS complex, absent when the complex has
 * none.
 */
public record Beat(int pOnset, int pPeak, int pOffset, int qrsOnset, int qPeak, int rPeak, int sPeak,
                   int qrsOffset, int tOnset, int tPeak, int tOffset) {

    /** Marks a fiducial point that was not found. */
    public static final int ABSENT = -1;

    /** Whether a fiducial index is present. */
    public static boolean present(int sample) {
        return sample != ABSENT;
    }

    /** PR interval (P onset to QRS onset) in ms, NaN if either is absent. */
    public double prIntervalMs(double samplingFrequency) {
        return ms(pOnset, qrsOnset, samplingFrequency);
    }

    /** QRS duration (QRS onset to QRS offset) in ms, NaN if either is absent. */
    public double qrsDurationMs(double samplingFrequency) {
        return ms(qrsOnset, qrsOffset, samplingFrequency);
    }

    /** QT interval (QRS onset to T offset) in ms, NaN if either is absent. */
    public double qtIntervalMs(double samplingFrequency) {
        return ms(qrsOnset, tOffset, samplingFrequency);
    }

    /** P-wave duration in ms, NaN if absent. */
    public double pDurationMs(double samplingFrequency) {
        return ms(pOnset, pOffset, samplingFrequency);
    }

    private static double ms(int from, int to, double fs) {
        return present(from) && present(to) ? (to - from) * 1000.0 / fs : Double.NaN;
    }
}
