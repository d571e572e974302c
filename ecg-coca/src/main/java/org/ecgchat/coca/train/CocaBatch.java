package org.ecgchat.coca.train;

import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One training batch: ECGs and the token ids of their reports, one report per ECG.
 *
 * @param ecg  signals {@code [B, leads, samples]}, floating point (preprocessed: NaN-free, normalised,
 *             padded or cropped to the model's {@code seq_length})
 * @param text token ids {@code [B, L]} ({@code [CLS] ... [SEP]} then padding id 0), integer type
 */
public record CocaBatch(INDArray ecg, INDArray text) {

    public CocaBatch {
        Objects.requireNonNull(ecg, "ecg");
        Objects.requireNonNull(text, "text");
        if (ecg.rank() != 3 || text.rank() != 2 || ecg.size(0) != text.size(0) || ecg.size(0) < 1) {
            throw new IllegalArgumentException("a batch needs ECGs [B, leads, samples] and token ids [B, L] with the same B >= 1, got "
                    + Arrays.toString(ecg.shape()) + " and " + Arrays.toString(text.shape()));
        }
    }

    /** Number of (ECG, report) pairs. */
    public int size() {
        return (int) ecg.size(0);
    }
}
