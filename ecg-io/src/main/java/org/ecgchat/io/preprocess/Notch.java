package org.ecgchat.io.preprocess;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Zero-phase notch for power-line interference (scipy's {@code iirnotch} run forwards and
 * backwards, so the stop band is the single-pass one squared). JSON:
 * {@code {"type":"notch","frequency":50,"quality":30}}.
 */
public record Notch(double frequency, double quality) implements ZeroPhaseFilter {

    /** Validates that frequency and quality are positive. */
    public Notch {
        if (!(frequency > 0) || !(quality > 0) || Double.isInfinite(frequency) || Double.isInfinite(quality)) {
            throw new IllegalArgumentException("notch: frequency and quality must be positive, got "
                    + frequency + " Hz and " + quality);
        }
    }

    /** Quality defaults to 30 when absent from JSON. */
    @JsonCreator
    public Notch(@JsonProperty(value = "frequency", required = true) double frequency,
                 @JsonProperty("quality") Double quality) {
        this(frequency, quality == null ? 30 : quality.doubleValue());
    }

    @Override
    public SecondOrderSections design(double samplingFrequency) {
        return SecondOrderSections.notch(frequency, quality, samplingFrequency);
    }
}
