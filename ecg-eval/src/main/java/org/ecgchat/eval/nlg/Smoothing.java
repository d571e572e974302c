package org.ecgchat.eval.nlg;

/**
 * How BLEU treats n-gram orders with no match (Chen and Cherry 2014; the names of sacreBLEU
 * and NLTK in brackets).
 *
 * @param kind  the method
 * @param value epsilon of {@link Kind#FLOOR}, k of {@link Kind#ADD_K}; ignored otherwise
 */
public record Smoothing(Kind kind, double value) {

    /** Smoothing methods. */
    public enum Kind {
        /** Papineni et al.: a zero precision makes BLEU 0 (sacreBLEU "none", NLTK method0). */
        NONE,
        /** coco-caption's {@code (correct + 1e-15) / (total + 1e-9)} per order and length ratio. */
        COCO,
        /** A zero match count becomes {@code epsilon} (sacreBLEU "floor", NLTK method1). */
        FLOOR,
        /** Add {@code k} to match count and total for n >= 2 (sacreBLEU "add-k", NLTK method2 with k = 1). */
        ADD_K,
        /** The k-th zero precision becomes {@code 1 / (2^k total)} (sacreBLEU "exp", NLTK method3, NIST). */
        EXPONENTIAL
    }

    public static final Smoothing NONE = new Smoothing(Kind.NONE, 0);
    public static final Smoothing COCO = new Smoothing(Kind.COCO, 0);
    public static final Smoothing EXPONENTIAL = new Smoothing(Kind.EXPONENTIAL, 0);

    /** Floor smoothing with the given epsilon (0.1 in sacreBLEU and NLTK). */
    public static Smoothing floor(double epsilon) {
        return new Smoothing(Kind.FLOOR, epsilon);
    }

    /** Add-k smoothing (k = 1 in sacreBLEU and NLTK). */
    public static Smoothing addK(double k) {
        return new Smoothing(Kind.ADD_K, k);
    }
}
