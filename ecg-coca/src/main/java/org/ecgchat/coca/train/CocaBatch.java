package org.ecgchat.coca.train;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.ecgchat.nn.tokenize.BertTokenizer;
import org.ecgchat.nn.tokenize.TokenBatch;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

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

    /**
     * A batch of ECGs {@code [B, leads, samples]} and their reports, tokenised {@code [CLS] ... [SEP]}
     * and padded to {@code contextLength} as Hugging Face does. Columns that are padding in every
     * report are then trimmed (down to 3 tokens): the loss and its gradients do not change (padding
     * is masked in BERT and ignored by the caption loss), and short reports train much faster.
     */
    public static CocaBatch of(INDArray ecg, List<String> reports, BertTokenizer tokenizer, int contextLength) {
        if (contextLength < 3) {
            throw new IllegalArgumentException("context length must be at least 3, was " + contextLength);
        }
        TokenBatch tokens = tokenizer.encodeBatch(reports, contextLength);
        long used = Math.max(3, tokens.attentionMask().sum(1).maxNumber().longValue());
        INDArray ids = used == contextLength ? tokens.inputIds()
                : tokens.inputIds().get(NDArrayIndex.all(), NDArrayIndex.interval(0, used)).dup();
        return new CocaBatch(ecg, ids);
    }

    /** Number of (ECG, report) pairs. */
    public int size() {
        return (int) ecg.size(0);
    }
}
