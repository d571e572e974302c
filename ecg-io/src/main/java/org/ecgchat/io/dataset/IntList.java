package org.ecgchat.io.dataset;

import java.util.Arrays;

/** A growable {@code int} array (no boxing), for indexes of hundreds of thousands of records. */
final class IntList {
    private int[] values;
    private int size;

    IntList(int capacity) {
        values = new int[Math.max(capacity, 16)];
    }

    void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = v;
    }

    int get(int i) {
        java.util.Objects.checkIndex(i, size);
        return values[i];
    }

    int size() {
        return size;
    }

    /** The values as an array of exactly {@link #size()} elements. */
    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
