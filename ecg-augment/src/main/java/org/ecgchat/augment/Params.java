package org.ecgchat.augment;

/** Argument checks shared by the augmenters; each failure names the augmenter and the argument. */
final class Params {
    private Params() {
    }

    static double probability(String augmenter, String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new AugmenterParameterException(augmenter, name, "must be a probability in [0, 1], got " + p);
        }
        return p;
    }

    static double[] probabilityPair(String augmenter, String name, double[] p) {
        if (p == null || p.length < 1 || p.length > 2) {
            throw new AugmenterParameterException(augmenter, name,
                    "must be one probability or a pair [batch, inner], got "
                            + (p == null ? "null" : java.util.Arrays.toString(p)));
        }
        double[] pair = p.length == 1 ? new double[] {p[0], p[0]} : p.clone();
        probability(augmenter, name, pair[0]);
        probability(augmenter, name, pair[1]);
        return pair;
    }

    static double positive(String augmenter, String name, double v) {
        if (!(v > 0 && v < Double.POSITIVE_INFINITY)) {
            throw new AugmenterParameterException(augmenter, name, "must be positive and finite, got " + v);
        }
        return v;
    }

    static double finite(String augmenter, String name, double v) {
        if (!Double.isFinite(v)) {
            throw new AugmenterParameterException(augmenter, name, "must be finite, got " + v);
        }
        return v;
    }

    static int atLeast(String augmenter, String name, int v, int min) {
        if (v < min) {
            throw new AugmenterParameterException(augmenter, name, "must be at least " + min + ", got " + v);
        }
        return v;
    }

    /** A closed range {@code [low, high]} of finite values with {@code low <= high}. */
    static double[] range(String augmenter, String name, double[] range) {
        if (range == null || range.length != 2) {
            throw new AugmenterParameterException(augmenter, name, "must be a pair [low, high], got "
                    + (range == null ? "null" : java.util.Arrays.toString(range)));
        }
        finite(augmenter, name, range[0]);
        finite(augmenter, name, range[1]);
        if (range[0] > range[1]) {
            throw new AugmenterParameterException(augmenter, name,
                    "low end " + range[0] + " is above high end " + range[1]);
        }
        return range.clone();
    }

    static <T> T orDefault(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
