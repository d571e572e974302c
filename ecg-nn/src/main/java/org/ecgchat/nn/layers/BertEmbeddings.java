package org.ecgchat.nn.layers;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Hugging Face {@code BertEmbeddings}: word + absolute position + token type embeddings, then
 * LayerNorm. Token types are all 0 (open_clip passes no {@code token_type_ids}), so row 0 of the
 * token-type table is added to every token.
 */
public final class BertEmbeddings implements Layer {

    private final Embedding words;
    private final Embedding positions;
    private final Parameter tokenTypes;
    private final LayerNorm norm;
    private final long width;

    /** Parameters under {@code prefix} (e.g. {@code text.transformer.embeddings}). */
    public BertEmbeddings(String prefix, long vocab, long maxPositions, long typeVocab, long width, double eps) {
        this.words = new Embedding(prefix + ".word_embeddings", vocab, width);
        this.positions = new Embedding(prefix + ".position_embeddings", maxPositions, width);
        this.tokenTypes = Parameter.of(prefix + ".token_type_embeddings.weight", typeVocab, width);
        this.norm = new LayerNorm(prefix + ".LayerNorm", width, eps);
        this.width = width;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(words.parameters());
        all.addAll(positions.parameters());
        all.add(tokenTypes);
        all.addAll(norm.parameters());
        return all;
    }

    /** INT64 ids {@code [B, L]} → token-major embeddings. */
    public Tokens apply(Graph g, SDVariable ids) {
        SameDiff sd = g.sameDiff();
        SDVariable length = sd.sizeAt(ids, 1);
        SDVariable range = sd.range(g.scalar(0), sd.castTo(length, DataType.INT64), g.scalar(1), DataType.INT64);
        SDVariable positionIds = ids.mul(0).add(range);
        SDVariable typeRow = sd.stridedSlice(g.parameter(tokenTypes), new long[] {0, 0}, new long[] {1, width}, 1, 1);
        SDVariable x = words.apply(g, ids).add(positions.apply(g, positionIds)).add(typeRow);
        return new Tokens(norm.apply(g, x), sd.castTo(sd.shape(ids), DataType.INT64));
    }
}
