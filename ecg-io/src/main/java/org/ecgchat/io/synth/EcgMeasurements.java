package org.ecgchat.io.synth;

import java.util.List;

/**
 * The global measurements of a synthetic record, computed from its ground truth and its clean
 * (noise-free) signal the way an ECG machine reports them. Intervals in milliseconds; the QRS,
 * QT and ST values average the dominant (non-premature) beats that lie wholly inside the record.
 *
 * @param heartRate beats per minute, from the mean RR interval
 * @param rr mean interval between consecutive QRS onsets (ms)
 * @param pr mean PR interval (ms); NaN without P waves (atrial fibrillation)
 * @param qrs mean QRS duration (ms)
 * @param qt mean QT interval (ms)
 * @param qtc QT corrected for rate with Bazett's formula, {@code QT / sqrt(RR in s)} (ms)
 * @param qrsAxis frontal QRS axis (degrees, -180..180) from the net QRS areas of I and aVF
 * @param stLevels ST level 60 ms after the J point in each lead, relative to the isoelectric line (mV)
 * @param qrsPeakToPeak peak-to-peak QRS amplitude in each lead (mV)
 */
public record EcgMeasurements(double heartRate, double rr, double pr, double qrs, double qt, double qtc, double qrsAxis,
        List<Double> stLevels, List<Double> qrsPeakToPeak) {

    public EcgMeasurements {
        stLevels = List.copyOf(stLevels);
        qrsPeakToPeak = List.copyOf(qrsPeakToPeak);
    }

    /**
     * The axis category of PTB-XL's {@code heart_axis} column: ALAD (below -30 degrees), LAD
     * (-30..30), MID (30..90), RAD (90..120), ARAD (above 120); SUP for the north-west quadrant.
     */
    public String heartAxisCode() {
        double a = qrsAxis;
        if (a < -90) {
            return "SUP";
        }
        if (a < -30) {
            return "ALAD";
        }
        if (a < 30) {
            return "LAD";
        }
        if (a <= 90) {
            return "MID";
        }
        return a <= 120 ? "RAD" : "ARAD";
    }
}
