package org.ecgchat.io.preprocess;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Zero-phase Butterworth band-pass ({@code order} is the prototype order: the filter has
 * 2 × order poles, as in scipy). JSON: {@code {"type":"bandpass","low":0.5,"high":40,"order":3}}.
 */
public record BandPass(double low, double high, int order) implements ZeroPhaseFilter {

    /** Validates the edges (0 < low < high) and the order (1 to 20). */
    public BandPass {
        ZeroPhaseFilter.check(order, low);
        ZeroPhaseFilter.check(order, high);
        if (!(low < high)) {
            throw new IllegalArgumentException("bandpass: low must be below high, got " + low + " and " + high + " Hz");
        }
    }

    /** Order defaults to 3 when absent from JSON. */
    @JsonCreator
    public BandPass(@JsonProperty(value = "low", required = true) double low,
                    @JsonProperty(value = "high", required = true) double high,
                    @JsonProperty("order") Integer order) {
        this(low, high, order == null ? 3 : order.intValue());
    }

    @Override
    public SecondOrderSections design(double samplingFrequency) {
        return Butterworth.bandPass(order, low, high, samplingFrequency);
    }
}
