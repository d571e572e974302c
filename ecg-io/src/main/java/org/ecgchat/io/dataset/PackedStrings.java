package org.ecgchat.io.dataset;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An append-only list of strings stored as UTF-8 bytes in one array, with an offset per string:
 * about a third of the memory of {@code String} objects for short ASCII paths, and no object per
 * entry for the garbage collector to trace.
 */
final class PackedStrings {
    private byte[] bytes = new byte[1 << 12];
    private int[] offsets = new int[1 << 8];
    private int size;
    private int used;

    /** Appends a string; returns its index. */
    int add(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (used + b.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + b.length));
        }
        if (size + 1 >= offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        System.arraycopy(b, 0, bytes, used, b.length);
        used += b.length;
        offsets[++size] = used;
        return size - 1;
    }

    /** The string at {@code index}. */
    String get(int index) {
        java.util.Objects.checkIndex(index, size);
        return new String(bytes, offsets[index], offsets[index + 1] - offsets[index], StandardCharsets.UTF_8);
    }

    /** Number of strings. */
    int size() {
        return size;
    }

    /** Releases the spare capacity once no more strings will be added. */
    void trim() {
        bytes = Arrays.copyOf(bytes, used);
        offsets = Arrays.copyOf(offsets, size + 1);
    }
}
