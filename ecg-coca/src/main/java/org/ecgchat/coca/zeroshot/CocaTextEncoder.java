package org.ecgchat.coca.zeroshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ecgchat.coca.CocaModel;
import org.ecgchat.eval.zeroshot.TextEncoder;
import org.ecgchat.nn.tokenize.BertTokenizer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ECG-CoCa text tower as ecg-eval's {@link TextEncoder}: texts tokenised and embedded as
 * {@link CocaModel#encodeText(BertTokenizer, List)} does (open_clip's tokenisation, L2-normalised
 * latents), a bounded number of texts per forward pass. Thread-safe.
 */
public final class CocaTextEncoder implements TextEncoder {

    private final CocaModel model;
    private final BertTokenizer tokenizer;
    private final int batchSize;

    /** An encoder embedding 64 texts per forward pass. */
    public CocaTextEncoder(CocaModel model, BertTokenizer tokenizer) {
        this(model, tokenizer, 64);
    }

    public CocaTextEncoder(CocaModel model, BertTokenizer tokenizer, int batchSize) {
        this.model = Objects.requireNonNull(model, "model");
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
        this.batchSize = batchSize;
    }

    @Override
    public double[][] encode(List<String> texts) {
        return embed(texts).toDoubleMatrix();
    }

    /** L2-normalised text embeddings {@code [texts, embed_dim]} (FLOAT), in order. */
    public INDArray embed(List<String> texts) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no texts to embed");
        }
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) == null) {
                throw new IllegalArgumentException("text " + i + " is null");
            }
        }
        List<INDArray> parts = new ArrayList<>();
        for (int from = 0; from < texts.size(); from += batchSize) {
            parts.add(model.encodeText(tokenizer, texts.subList(from, Math.min(texts.size(), from + batchSize))));
        }
        return parts.size() == 1 ? parts.get(0) : Nd4j.vstack(parts);
    }
}
