package org.ecgchat.io.synth;

/**
 * When one beat happens (seconds from the start of the record, may be negative for beats whose
 * T wave reaches into the record): its P wave onset (NaN when it has none), QRS onset, QRS
 * duration, QT and amplitude gain (respiratory modulation).
 */
record PlannedBeat(BeatType type, double pOnset, double qrsOnset, double qrsDuration, double qt, double gain) {

    boolean hasPWave() {
        return !Double.isNaN(pOnset);
    }
}
