package org.ecgchat.eval.zeroshot;

import java.util.List;

/** Embeds texts with a model's text tower: one row {@code [dim]} per text, in order. */
@FunctionalInterface
public interface TextEncoder {
    /** Embeds the texts. */
    double[][] encode(List<String> texts);
}
