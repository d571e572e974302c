package org.ecgchat.io.synth;

/**
 * One activation front of a ventricular depolarisation (septum, free wall, basal segments, a
 * late right ventricle, ...): a dipole vector whose dome spans [{@code from}, {@code to}] as
 * fractions of the QRS duration. Overlapping lobes with different directions trace the QRS
 * loop, which each lead sees as its own q/R/s pattern.
 */
record QrsLobe(double from, double to, double peakFraction, Vec3 vector) {

    QrsLobe {
        if (!(from >= 0 && to <= 1 && from < to)) {
            throw new IllegalArgumentException("QRS lobe must lie within [0, 1]: " + from + ".." + to);
        }
    }

    DipoleWave at(double qrsOnset, double qrsDuration, double gain) {
        return new DipoleWave(vector.times(gain),
                new WaveProfile.Dome(qrsOnset + from * qrsDuration, qrsOnset + to * qrsDuration, peakFraction, 2));
    }

    QrsLobe scaled(double k) {
        return new QrsLobe(from, to, peakFraction, vector.times(k));
    }

    QrsLobe rotated(double frontal, double horizontal) {
        return new QrsLobe(from, to, peakFraction, vector.rotateFrontal(frontal).rotateHorizontal(horizontal));
    }
}
