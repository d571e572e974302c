package org.ecgchat.coca;

import java.util.ArrayList;
import java.util.List;
import org.ecgchat.nn.layers.BertModel;
import org.ecgchat.nn.layers.Graph;
import org.ecgchat.nn.layers.Layer;
import org.ecgchat.nn.layers.Linear;
import org.ecgchat.nn.layers.Parameter;
import org.ecgchat.nn.layers.Tokens;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The text tower (open_clip {@code HFTextEncoder}, prefix {@code text.}): BERT
 * ({@code text.transformer.*}, padding keys masked) pooled by the CLS state or the masked mean,
 * then the bias-free projection {@code text.proj}. Its token states also feed the decoder: all but
 * the CLS position with CLS pooling, all positions with mean pooling (as open_clip).
 */
public final class TextTower implements Layer {

    /** What the tower computes for a batch: the last hidden state and the projected pooled state. */
    public record Output(Tokens hidden, SDVariable pooled) {}

    private final TextConfig cfg;
    private final BertModel bert;
    private final Linear proj;

    public TextTower(CocaConfig config) {
        this.cfg = config.text();
        this.bert = new BertModel("text.transformer", cfg.bertVocabSize(), cfg.maxPosition(), cfg.typeVocabSize(),
                cfg.width(), cfg.layers(), cfg.heads(), cfg.intermediate(), cfg.layerNormEps(), config.activation());
        this.proj = new Linear("text.proj", cfg.width(), config.embedDim(), false);
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(bert.parameters());
        all.addAll(proj.parameters());
        return all;
    }

    /** Runs BERT on INT64 {@code ids [B, L]} and pools. */
    public Output apply(Graph g, SDVariable ids) {
        SameDiff sd = g.sameDiff();
        Tokens hidden = bert.apply(g, ids, cfg.padId(), cfg.isCausal());
        SDVariable states = hidden.unflatten(g, cfg.width());
        SDVariable pooled;
        if (cfg.clsPooling()) {
            pooled = sd.stridedSlice(states, new long[] {0, 0, 0}, new long[] {0, 1, 0}, new long[] {1, 1, 1},
                    0b101, 0b101, 0, 0, 0b010);
        } else {
            SDVariable keep = sd.castTo(ids.neq(cfg.padId()), DataType.FLOAT);
            pooled = states.mul(sd.expandDims(keep, 2)).sum(1).div(keep.sum(true, 1));
        }
        return new Output(hidden, proj.apply(g, pooled));
    }

    /**
     * The token states the decoder reads. For teacher forcing ({@code shifted}) the last position
     * is dropped, since it has no next token to predict.
     */
    public Tokens decoderInput(Graph g, Tokens hidden, boolean shifted) {
        SameDiff sd = g.sameDiff();
        SDVariable states = hidden.unflatten(g, cfg.width());
        long first = cfg.clsPooling() ? 1 : 0;
        SDVariable kept = sd.stridedSlice(states, new long[] {0, first, 0}, new long[] {0, shifted ? -1 : 0, 0},
                new long[] {1, 1, 1}, 0b101, shifted ? 0b101 : 0b111, 0, 0, 0);
        SDVariable dims = sd.stridedSlice(sd.castTo(sd.shape(kept), DataType.INT64), new long[] {0}, new long[] {2}, 1);
        return new Tokens(sd.reshape(kept, -1, cfg.width()), dims);
    }

    /** The teacher-forcing targets: the token after each decoder position, {@code ids[:, first+1:]}. */
    public SDVariable labels(Graph g, SDVariable ids) {
        long first = cfg.clsPooling() ? 2 : 1;
        return g.sameDiff().stridedSlice(ids, new long[] {0, first}, new long[] {0, 0}, new long[] {1, 1},
                0b01, 0b11, 0, 0, 0);
    }
}
