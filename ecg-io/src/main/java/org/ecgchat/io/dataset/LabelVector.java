package org.ecgchat.io.dataset;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The labels of one record as a multi-hot vector over a {@link LabelSet}. Immutable.
 */
public final class LabelVector {
    private static final LabelVector EMPTY = new LabelVector(LabelSet.NONE, new BitSet());

    private final LabelSet set;
    private final BitSet present;

    private LabelVector(LabelSet set, BitSet present) {
        this.set = set;
        this.present = present;
    }

    /** The vector of a record without class labels. */
    public static LabelVector none() {
        return EMPTY;
    }

    /**
     * The vector with the given labels set.
     *
     * @throws IllegalArgumentException naming the first label the set does not have
     */
    public static LabelVector of(LabelSet set, Collection<String> labels) {
        Objects.requireNonNull(set, "set");
        BitSet bits = new BitSet(set.size());
        for (String label : labels) {
            int i = set.labels().indexOf(label);
            if (i < 0) {
                throw new IllegalArgumentException("label '" + label + "' is not in label set " + set.name()
                        + " " + set.labels());
            }
            bits.set(i);
        }
        return new LabelVector(set, bits);
    }

    /** The vector with the given columns set. */
    public static LabelVector ofIndices(LabelSet set, int... columns) {
        BitSet bits = new BitSet(set.size());
        for (int c : columns) {
            Objects.checkIndex(c, set.size());
            bits.set(c);
        }
        return new LabelVector(set, bits);
    }

    /** The label set the columns refer to. */
    public LabelSet set() {
        return set;
    }

    /** Number of columns. */
    public int size() {
        return set.size();
    }

    /** Whether column {@code i} is set. */
    public boolean get(int i) {
        Objects.checkIndex(i, set.size());
        return present.get(i);
    }

    /** Whether the record has the label. */
    public boolean has(String label) {
        int i = set.labels().indexOf(label);
        return i >= 0 && present.get(i);
    }

    /** Number of labels set. */
    public int count() {
        return present.cardinality();
    }

    /** The labels set, in column order. */
    public List<String> labels() {
        List<String> out = new ArrayList<>(present.cardinality());
        for (int i = present.nextSetBit(0); i >= 0; i = present.nextSetBit(i + 1)) {
            out.add(set.labels().get(i));
        }
        return out;
    }

    /** The vector as 0/1 floats, one per column. */
    public float[] toFloats() {
        float[] out = new float[set.size()];
        copyInto(out, 0);
        return out;
    }

    /** Writes the 0/1 columns into {@code out} starting at {@code offset}. */
    public void copyInto(float[] out, int offset) {
        for (int i = 0; i < set.size(); i++) {
            out[offset + i] = present.get(i) ? 1f : 0f;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelVector v && v.set.equals(set) && v.present.equals(present);
    }

    @Override
    public int hashCode() {
        return set.hashCode() * 31 + present.hashCode();
    }

    @Override
    public String toString() {
        return set.name() + labels();
    }
}
