package org.ecgchat.io.delineate;

import java.util.Arrays;
import org.ecgchat.io.preprocess.Butterworth;
import org.ecgchat.io.preprocess.TransferFunction;

/**
 * Cleans one lead the way the original WFEP pipeline did ({@code nk.ecg_clean(signal,
 * sampling_rate)}, NeuroKit2's default "neurokit" method): a zero-phase 5th-order Butterworth
 * high-pass at 0.5 Hz removes baseline wander, then a forward-backward moving average of
 * {@code floor(fs / 50)} samples (2 samples below 100 Hz) puts zeros on 50 Hz and its harmonics.
 */
public final class EcgCleaner {

    /** High-pass edge in Hz. */
    public static final double HIGH_PASS_HZ = 0.5;
    /** High-pass order. */
    public static final int HIGH_PASS_ORDER = 5;
    /** Power-line frequency the moving average is tuned to. */
    public static final double POWER_LINE_HZ = 50;

    private EcgCleaner() {}

    /**
     * The cleaned lead (same length).
     *
     * @throws IllegalArgumentException if the lead is too short for the high-pass edge extension
     *     (18 samples) or holds a NaN or infinity
     */
    public static double[] clean(double[] lead, double samplingFrequency) {
        return removePowerLine(removeBaseline(lead, samplingFrequency), samplingFrequency);
    }

    /**
     * The first half of {@link #clean}: only the 0.5 Hz high-pass. Delineation works on this
     * signal, because the power-line moving average (20 ms at 500 Hz, applied twice) blunts the
     * QRS complex enough to move its boundaries.
     */
    public static double[] removeBaseline(double[] lead, double samplingFrequency) {
        for (int i = 0; i < lead.length; i++) {
            if (!Double.isFinite(lead[i])) {
                throw new IllegalArgumentException("sample " + i + " of the lead is " + lead[i]
                        + "; replace invalid samples first (preprocess step \"clean\")");
            }
        }
        return Butterworth.highPass(HIGH_PASS_ORDER, HIGH_PASS_HZ, samplingFrequency).filtfilt(lead);
    }

    /** The second half of {@link #clean}: the forward-backward power-line moving average. */
    public static double[] removePowerLine(double[] highPassed, double samplingFrequency) {
        int taps = samplingFrequency >= 100 ? (int) (samplingFrequency / POWER_LINE_HZ) : 2;
        double[] ones = new double[taps];
        Arrays.fill(ones, 1);
        return new TransferFunction(ones, new double[] {taps}).filtfilt(highPassed);
    }
}
