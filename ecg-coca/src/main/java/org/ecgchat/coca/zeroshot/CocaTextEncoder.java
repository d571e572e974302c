package org.ecgchat.coca.zeroshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ecgchat.coca.CocaModel;
import org.ecgchat.eval.zeroshot.TextEncoder;
import org.ecgchat.nn.tokenize.BertTokenizer;
import org.ecgchat.nn.tokenize.Encoding;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ECG-CoCa text tower as ecg-eval's {@link TextEncoder}: texts tokenised as open_clip's
 * Hugging Face tokenizer does ({@code [CLS] pieces [SEP]}, truncated to {@code text_cfg.context_length}),
 * embedded in batches, L2-normalised. A batch is padded only to its longest text; padding is
 * masked in BERT, so the embeddings equal those of open_clip's fixed-length padding. Thread-safe.
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
        if (tokenizer.padId() != model.config().padId()) {
            throw new IllegalArgumentException("the tokenizer pads with id " + tokenizer.padId()
                    + " but the model's pad_id is " + model.config().padId());
        }
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
        List<INDArray> parts = new ArrayList<>();
        for (int from = 0; from < texts.size(); from += batchSize) {
            parts.add(model.encodeText(tokenize(texts.subList(from, Math.min(texts.size(), from + batchSize)))));
        }
        return parts.size() == 1 ? parts.get(0) : Nd4j.vstack(parts);
    }

    /** Token ids {@code [texts, longest]} (INT64), truncated to the context length and right-padded. */
    public INDArray tokenize(List<String> texts) {
        int context = Math.min(model.config().text().contextLength(), model.config().text().maxPosition());
        long[][] ids = new long[texts.size()][];
        int longest = 0;
        List<Encoding> encodings = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) == null) {
                throw new IllegalArgumentException("text " + i + " is null");
            }
            Encoding e = tokenizer.encode(texts.get(i), context);
            encodings.add(e);
            longest = Math.max(longest, e.length());
        }
        for (int i = 0; i < ids.length; i++) {
            ids[i] = new long[longest];
            int[] encoded = encodings.get(i).ids();
            for (int j = 0; j < longest; j++) {
                ids[i][j] = encoded[j];
            }
        }
        return Nd4j.createFromArray(ids);
    }
}
