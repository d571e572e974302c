package org.ecgchat.nn.layers;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Hugging Face {@code BertModel} without its pooler (open_clip pools itself): embeddings and the
 * encoder layers, attention restricted to non-padding keys as {@code attention_mask = ids != pad}.
 */
public final class BertModel implements Layer {

    private final BertEmbeddings embeddings;
    private final List<BertLayer> layers = new ArrayList<>();

    /** Parameters under {@code prefix} (e.g. {@code text.transformer}): {@code .embeddings.*}, {@code .encoder.layer.N.*}. */
    public BertModel(String prefix, long vocab, long maxPositions, long typeVocab, long width, int layers,
            int heads, long intermediate, double eps, Activation activation) {
        this.embeddings = new BertEmbeddings(prefix + ".embeddings", vocab, maxPositions, typeVocab, width, eps);
        for (int i = 0; i < layers; i++) {
            this.layers.add(new BertLayer(prefix + ".encoder.layer." + i, width, heads, intermediate, eps, activation));
        }
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(embeddings.parameters());
        layers.forEach(l -> all.addAll(l.parameters()));
        return all;
    }

    /** INT64 ids {@code [B, L]} → the last hidden state, token-major. */
    public Tokens apply(Graph g, SDVariable ids, long padId) {
        return apply(g, ids, padId, false);
    }

    /**
     * INT64 ids {@code [B, L]} → the last hidden state, token-major; with {@code causal} each
     * position attends only to itself and earlier positions (as a decoder does), so a position's
     * state does not depend on the tokens after it.
     */
    public Tokens apply(Graph g, SDVariable ids, long padId, boolean causal) {
        SDVariable mask = causal ? Attention.causalKeyPaddingMask(g, ids, padId) : Attention.keyPaddingMask(g, ids, padId);
        Tokens x = embeddings.apply(g, ids);
        for (BertLayer layer : layers) {
            x = layer.apply(g, x, mask);
        }
        return x;
    }
}
