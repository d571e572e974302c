package org.ecgchat.io.synth;

/**
 * The time course of one wave of the cardiac dipole. Every profile has compact support
 * [{@link #onset()}, {@link #end()}] and is zero outside it, so the onset and offset of each
 * generated wave are exact, unlike the Gaussian kernels of ECGSYN whose tails never reach zero.
 */
sealed interface WaveProfile permits WaveProfile.Dome, WaveProfile.Plateau {

    /** First instant (seconds) at which the profile may be non-zero. */
    double onset();

    /** Last instant (seconds) at which the profile may be non-zero. */
    double end();

    /** The profile at time {@code t} (seconds), in [0, 1]. */
    double value(double t);

    /**
     * A dome {@code sin(pi * w(u))^edge} over the support, {@code u} the normalised time and
     * {@code w(u) = u + b u (1 - u)} a warp that moves the maximum to {@code peakFraction} of the
     * support (a late peak gives the slow rise and faster fall of a T wave). With {@code edge > 1}
     * the dome leaves and rejoins the baseline with zero slope, as real waves do: a half sine
     * ({@code edge = 1}) has kinks that make wavelet delineators, tuned on real ECGs, place onsets
     * 5–10 ms early and offsets late, while {@code edge = 2} fades in so gently that its first and
     * last tenth are invisible and a delineator cuts long waves short. QRS deflections use 2, P and
     * T waves 1.5.
     */
    record Dome(double onset, double end, double peakFraction, double edge) implements WaveProfile {
        public Dome {
            if (!(end > onset)) {
                throw new IllegalArgumentException("dome end " + end + " must follow its onset " + onset);
            }
            // beyond this range the warp would no longer be monotonic
            if (!(peakFraction >= 0.3 && peakFraction <= 0.7)) {
                throw new IllegalArgumentException("dome peak fraction must lie in [0.3, 0.7]: " + peakFraction);
            }
            if (!(edge >= 1 && edge <= 4)) {
                throw new IllegalArgumentException("dome edge power must lie in [1, 4]: " + edge);
            }
        }

        /** The instant of the maximum. */
        double peak() {
            return onset + peakFraction * (end - onset);
        }

        @Override
        public double value(double t) {
            if (t <= onset || t >= end) {
                return 0;
            }
            double u = (t - onset) / (end - onset);
            double bend = (0.5 - peakFraction) / (peakFraction * (1 - peakFraction));
            double sine = StrictMath.sin(Math.PI * (u + bend * u * (1 - u)));
            if (edge == 2) {
                return sine * sine;
            }
            return edge == 1.5 ? sine * Math.sqrt(sine) : StrictMath.pow(sine, edge);
        }
    }

    /**
     * A plateau: a half-cosine rise over [onset, riseEnd], 1 until fallStart, a half-cosine fall
     * to zero at end. Models injury currents (ST deviation) that last from the J point into the
     * T wave.
     */
    record Plateau(double onset, double riseEnd, double fallStart, double end) implements WaveProfile {
        public Plateau {
            if (!(onset < riseEnd && riseEnd <= fallStart && fallStart < end)) {
                throw new IllegalArgumentException("plateau times must increase: " + onset + ", " + riseEnd
                        + ", " + fallStart + ", " + end);
            }
        }

        @Override
        public double value(double t) {
            if (t <= onset || t >= end) {
                return 0;
            }
            if (t < riseEnd) {
                return 0.5 - 0.5 * StrictMath.cos(Math.PI * (t - onset) / (riseEnd - onset));
            }
            if (t <= fallStart) {
                return 1;
            }
            return 0.5 + 0.5 * StrictMath.cos(Math.PI * (t - fallStart) / (end - fallStart));
        }
    }
}
