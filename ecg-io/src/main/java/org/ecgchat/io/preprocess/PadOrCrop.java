package org.ecgchat.io.preprocess;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/**
 * Brings every lead to exactly {@code length} samples: shorter leads are zero-padded at the end,
 * longer ones keep their first {@code length} samples (the original's {@code Resize}).
 */
public record PadOrCrop(int length) implements PreprocessStep {

    /** Validates that the length is positive. */
    @JsonCreator
    public PadOrCrop(@JsonProperty(value = "length", required = true) int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("pad_or_crop: length must be positive, got " + length);
        }
        this.length = length;
    }

    @Override
    public EcgSignal apply(EcgSignal signal) {
        return signal.withSamples(apply(signal.samples()), signal.samplingFrequency());
    }

    /** A copy of {@code leads} padded with zeros or cropped to {@link #length()} samples. */
    public double[][] apply(double[][] leads) {
        double[][] out = new double[leads.length][];
        for (int i = 0; i < leads.length; i++) {
            out[i] = Arrays.copyOf(leads[i], length);
        }
        return out;
    }

    /** A copy of {@code leads} padded with zeros or cropped to {@link #length()} samples. */
    public float[][] apply(float[][] leads) {
        float[][] out = new float[leads.length][];
        for (int i = 0; i < leads.length; i++) {
            out[i] = Arrays.copyOf(leads[i], length);
        }
        return out;
    }
}
