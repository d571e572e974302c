package org.ecgchat.nn.tokenize;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A batch of tokenised texts as model inputs, like Hugging Face's {@code return_tensors="pt"}.
 *
 * @param inputIds token ids, {@code int64 [batch, contextLength]}
 * @param attentionMask 1 for real tokens and 0 for padding, {@code int64 [batch, contextLength]}
 */
public record TokenBatch(INDArray inputIds, INDArray attentionMask) {
}
