package org.ecgchat.io.synth;

/**
 * How much recording noise to add, in millivolts: baseline wander (peak amplitude of the
 * respiratory and electrode drift), powerline interference (peak amplitude at
 * {@code powerlineHz}, 50 or 60 Hz) and electromyographic noise (RMS of broadband muscle noise).
 * Noise is added to the independent leads (I, II, V1–V6) before the limb leads are derived, so
 * Einthoven's and Goldberger's identities still hold on noisy records.
 */
public record NoiseLevels(double baselineWanderMv, double powerlineMv, double powerlineHz, double emgMv) {

    /** A clean record. */
    public static final NoiseLevels NONE = new NoiseLevels(0, 0, 50, 0);

    /** The noise of an ordinary resting ECG: slight wander, faint 50 Hz hum and a little muscle noise. */
    public static final NoiseLevels TYPICAL = new NoiseLevels(0.1, 0.01, 50, 0.01);

    public NoiseLevels {
        check("baseline wander", baselineWanderMv);
        check("powerline", powerlineMv);
        check("EMG", emgMv);
        if (!(powerlineHz > 0) || Double.isInfinite(powerlineHz)) {
            throw new IllegalArgumentException("powerline frequency must be positive, got " + powerlineHz);
        }
    }

    private static void check(String what, double mv) {
        if (!(mv >= 0) || Double.isInfinite(mv)) {
            throw new IllegalArgumentException(what + " noise must be a finite amplitude >= 0 mV, got " + mv);
        }
    }

    /** Whether any noise is added. */
    public boolean isClean() {
        return baselineWanderMv == 0 && powerlineMv == 0 && emgMv == 0;
    }
}
