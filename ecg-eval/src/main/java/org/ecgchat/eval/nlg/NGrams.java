package org.ecgchat.eval.nlg;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** N-gram counting over token lists; an n-gram is its tokens joined by a separator that tokens cannot contain. */
final class NGrams {
    private static final char SEP = '\u0001';

    private NGrams() {
    }

    /** Counts of the n-grams of exactly length {@code n}. */
    static Map<String, Integer> count(List<String> tokens, int n) {
        Map<String, Integer> m = new HashMap<>();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i + n <= tokens.size(); i++) {
            sb.setLength(0);
            for (int k = 0; k < n; k++) {
                if (k > 0) {
                    sb.append(SEP);
                }
                sb.append(tokens.get(i + k));
            }
            m.merge(sb.toString(), 1, Integer::sum);
        }
        return m;
    }
}
