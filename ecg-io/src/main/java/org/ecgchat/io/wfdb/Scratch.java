package org.ecgchat.io.wfdb;

/**
 * Per-thread work buffers for decoding. Reading a record allocates only the arrays it returns;
 * the bytes read and the raw values decoded from them live in these buffers, which are reused
 * (allocating and zeroing them per read cost more than decoding the samples).
 */
final class Scratch {
    /** Buffers beyond this size are not kept between reads. */
    private static final int KEEP = 1 << 22;
    private static final ThreadLocal<Scratch> LOCAL = ThreadLocal.withInitial(Scratch::new);

    private byte[] bytes = new byte[0];
    private int[] ints = new int[0];

    static Scratch get() {
        return LOCAL.get();
    }

    /** A byte buffer of at least {@code n} bytes (contents undefined). */
    byte[] bytes(int n) {
        if (bytes.length >= n) {
            return bytes;
        }
        byte[] b = new byte[n];
        if (n <= KEEP) {
            bytes = b;
        }
        return b;
    }

    /** An int buffer of at least {@code n} values (contents undefined). */
    int[] ints(int n) {
        if (ints.length >= n) {
            return ints;
        }
        int[] a = new int[n];
        if (n <= KEEP) {
            ints = a;
        }
        return a;
    }
}
