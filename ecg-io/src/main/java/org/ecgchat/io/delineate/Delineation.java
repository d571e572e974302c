package org.ecgchat.io.delineate;

import java.util.List;

/** The beats found in one lead, in time order, with the lead's sampling frequency. */
public record Delineation(double samplingFrequency, List<Beat> beats) {

    /** Copies the beat list. */
    public Delineation {
        beats = List.copyOf(beats);
    }

    /** R-peak sample indices, ascending. */
    public int[] rPeaks() {
        return beats.stream().mapToInt(Beat::rPeak).toArray();
    }
}
