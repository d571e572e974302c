package org.ecgchat.coca.caption;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.ecgchat.coca.CocaModel;
import org.ecgchat.nn.tokenize.BertTokenizer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * ECG captioning with text in and out: a {@link CaptionGenerator} whose sequences start with the
 * tokenizer's [CLS] and an optional text prefix, end with [SEP], and are decoded back to text with
 * the special tokens skipped. Thread-safe; {@link #close} closes the generator.
 */
public final class Captioner implements AutoCloseable {

    private final CaptionGenerator generator;
    private final BertTokenizer tokenizer;
    private final SpecialTokens tokens;

    public Captioner(CocaModel model, BertTokenizer tokenizer) {
        this(new CaptionGenerator(model), tokenizer);
    }

    public Captioner(CaptionGenerator generator, BertTokenizer tokenizer) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
        this.tokens = SpecialTokens.of(tokenizer);
        int pad = generator.model().config().padId();
        if (tokens.pad() != pad) {
            throw new IllegalArgumentException("the tokenizer pads with id " + tokens.pad() + " but the model's pad_id is "
                    + pad);
        }
    }

    /** Closes the generator (its graph replicas' threads). */
    @Override
    public void close() {
        generator.close();
    }

    /** Captions each ECG of {@code ecg [B, lead_num, seq_length]} from scratch. */
    public List<Caption> caption(INDArray ecg, CaptionSettings settings) {
        return caption(ecg, "", settings, 0);
    }

    /**
     * Captions each ECG, continuing {@code prefix} (which the captions include).
     *
     * @param firstIndex the number of the first row, for its sampling generator
     */
    public List<Caption> caption(INDArray ecg, String prefix, CaptionSettings settings, long firstIndex) {
        int[] encoded = tokenizer.encode(Objects.requireNonNull(prefix, "prefix"));
        int[] start = Arrays.copyOf(encoded, encoded.length - 1);
        List<Caption> captions = new ArrayList<>();
        for (GeneratedTokens g : generator.generate(ecg, start, tokens, settings, firstIndex)) {
            captions.add(new Caption(tokenizer.decode(g.tokens()), g));
        }
        return captions;
    }
}
