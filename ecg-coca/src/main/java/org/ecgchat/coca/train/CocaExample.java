package org.ecgchat.coca.train;

import java.util.Objects;

/**
 * One training pair: a preprocessed ECG and its report.
 *
 * @param ecg    signal as {@code [leads][samples]} (NaN-free, normalised, padded or cropped to the
 *               model's {@code seq_length}); not copied
 * @param report the report text, tokenised when batched
 */
public record CocaExample(float[][] ecg, String report) {

    public CocaExample {
        Objects.requireNonNull(ecg, "ecg");
        Objects.requireNonNull(report, "report");
    }
}
