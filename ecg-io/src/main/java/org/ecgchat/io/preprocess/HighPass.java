package org.ecgchat.io.preprocess;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Zero-phase Butterworth high-pass (e.g. 0.5 Hz, order 5 removes baseline wander as NeuroKit's
 * {@code ecg_clean} does). JSON: {@code {"type":"highpass","cutoff":0.5,"order":5}}.
 */
public record HighPass(double cutoff, int order) implements ZeroPhaseFilter {

    /** Validates the cutoff (positive) and the order (1 to 20). */
    public HighPass {
        ZeroPhaseFilter.check(order, cutoff);
    }

    /** Order defaults to 5 when absent from JSON. */
    @JsonCreator
    public HighPass(@JsonProperty(value = "cutoff", required = true) double cutoff,
                    @JsonProperty("order") Integer order) {
        this(cutoff, order == null ? 5 : order.intValue());
    }

    @Override
    public SecondOrderSections design(double samplingFrequency) {
        return Butterworth.highPass(order, cutoff, samplingFrequency);
    }
}
