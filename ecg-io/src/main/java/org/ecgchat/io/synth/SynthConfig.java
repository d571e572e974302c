package org.ecgchat.io.synth;

/**
 * What the generator produces: sampling frequency (Hz), duration (s) and recording noise.
 * The default is the ECG-Chat input: 500 Hz, 10 s, clean.
 */
public record SynthConfig(double samplingFrequency, double durationSeconds, NoiseLevels noise) {

    /** 500 Hz, 10 s, no noise. */
    public static final SynthConfig DEFAULT = new SynthConfig(500, 10, NoiseLevels.NONE);

    /** The longest record the generator makes (s); it is meant for resting ECGs, not Holter recordings. */
    public static final double MAX_DURATION_SECONDS = 600;

    public SynthConfig {
        if (!(samplingFrequency >= 50 && samplingFrequency <= 10_000)) {
            throw new IllegalArgumentException("sampling frequency must lie in [50, 10000] Hz, got " + samplingFrequency);
        }
        if (!(durationSeconds >= 4 && durationSeconds <= MAX_DURATION_SECONDS)) {
            throw new IllegalArgumentException("duration must lie in [4, " + MAX_DURATION_SECONDS + "] s, got " + durationSeconds);
        }
        if (noise == null) {
            throw new IllegalArgumentException("noise levels are required (NoiseLevels.NONE for a clean record)");
        }
    }

    /** The same configuration with other noise levels. */
    public SynthConfig withNoise(NoiseLevels levels) {
        return new SynthConfig(samplingFrequency, durationSeconds, levels);
    }

    /** Number of samples per lead. */
    public int samples() {
        return (int) Math.round(samplingFrequency * durationSeconds);
    }
}
