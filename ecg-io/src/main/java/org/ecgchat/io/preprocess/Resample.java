package org.ecgchat.io.preprocess;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Resamples every lead to {@code fs} Hz with the anti-aliased {@link PolyphaseResampler}
 * (e.g. 100, 250, 257, 360, 500 or 1000 Hz; any pair of whole-Hz rates whose reduced ratio has
 * factors up to {@value PolyphaseResampler#MAX_FACTOR}). JSON: {@code {"type":"resample","fs":500}}.
 */
public record Resample(int fs) implements PreprocessStep {

    /** Validates that the target rate is positive. */
    @JsonCreator
    public Resample(@JsonProperty(value = "fs", required = true) int fs) {
        if (fs <= 0) {
            throw new IllegalArgumentException("resample: fs must be a positive number of Hz, got " + fs);
        }
        this.fs = fs;
    }

    @Override
    public EcgSignal apply(EcgSignal signal) {
        PolyphaseResampler r = PolyphaseResampler.between(signal.samplingFrequency(), fs);
        return signal.withSamples(r.apply(signal.samples()), fs);
    }
}
