package org.ecgchat.io.plot;

import java.util.List;

/**
 * The signals to print: a record's leads in millivolts ({@code [lead][sample]}, NaN for invalid
 * samples, which leave a gap in the trace), their names, the sampling frequency, the record name
 * for the header and an optional note (e.g. the report) printed under it.
 */
public record Tracing(String recordName, double samplingFrequency, List<String> leadNames, double[][] signals, String note) {

    public Tracing {
        if (recordName == null || recordName.isBlank()) {
            throw new IllegalArgumentException("a tracing needs a record name for its header");
        }
        if (!(samplingFrequency > 0) || Double.isInfinite(samplingFrequency)) {
            throw new IllegalArgumentException("sampling frequency of " + recordName + " must be positive, got "
                    + samplingFrequency);
        }
        leadNames = List.copyOf(leadNames);
        if (signals == null || signals.length == 0 || signals.length != leadNames.size()) {
            throw new IllegalArgumentException(recordName + ": " + (signals == null ? 0 : signals.length)
                    + " signals for " + leadNames.size() + " lead names " + leadNames);
        }
        for (int l = 0; l < signals.length; l++) {
            if (signals[l].length != signals[0].length) {
                throw new IllegalArgumentException(recordName + ": lead " + leadNames.get(l) + " has "
                        + signals[l].length + " samples, lead " + leadNames.get(0) + " " + signals[0].length);
            }
        }
        if (signals[0].length < 2) {
            throw new IllegalArgumentException(recordName + " has " + signals[0].length + " samples; nothing to plot");
        }
        note = note == null ? "" : note;
    }

    /** A tracing without a note. */
    public Tracing(String recordName, double samplingFrequency, List<String> leadNames, double[][] signals) {
        this(recordName, samplingFrequency, leadNames, signals, "");
    }

    /** Duration in seconds. */
    public double duration() {
        return signals[0].length / samplingFrequency;
    }

    /** The index of a lead, matched ignoring case ({@code AVR} finds {@code aVR}); -1 if absent. */
    public int leadIndex(String name) {
        for (int i = 0; i < leadNames.size(); i++) {
            if (leadNames.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
