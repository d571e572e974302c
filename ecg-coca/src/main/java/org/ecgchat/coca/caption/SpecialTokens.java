package org.ecgchat.coca.caption;

import org.ecgchat.nn.tokenize.BertTokenizer;

/**
 * The token ids generation needs: the start token every caption begins with ({@code sot}), the
 * end token that finishes it ({@code eos}) and the padding that fills finished rows ({@code pad}).
 */
public record SpecialTokens(int sot, int eos, int pad) {

    public SpecialTokens {
        if (sot < 0 || eos < 0 || pad < 0) {
            throw new IllegalArgumentException("token ids must not be negative: sot " + sot + ", eos " + eos
                    + ", pad " + pad);
        }
        if (eos == pad) {
            throw new IllegalArgumentException("the end token and the padding must differ, both are " + eos);
        }
    }

    /** A BERT tokenizer's [CLS] (start), [SEP] (end) and [PAD]. */
    public static SpecialTokens of(BertTokenizer tokenizer) {
        return new SpecialTokens(tokenizer.clsId(), tokenizer.sepId(), tokenizer.padId());
    }
}
