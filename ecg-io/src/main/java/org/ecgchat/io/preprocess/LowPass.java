package org.ecgchat.io.preprocess;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Zero-phase Butterworth low-pass. JSON: {@code {"type":"lowpass","cutoff":40,"order":5}}. */
public record LowPass(double cutoff, int order) implements ZeroPhaseFilter {

    /** Validates the cutoff (positive) and the order (1 to 20). */
    public LowPass {
        ZeroPhaseFilter.check(order, cutoff);
    }

    /** Order defaults to 5 when absent from JSON. */
    @JsonCreator
    public LowPass(@JsonProperty(value = "cutoff", required = true) double cutoff,
                   @JsonProperty("order") Integer order) {
        this(cutoff, order == null ? 5 : order.intValue());
    }

    @Override
    public SecondOrderSections design(double samplingFrequency) {
        return Butterworth.lowPass(order, cutoff, samplingFrequency);
    }
}
