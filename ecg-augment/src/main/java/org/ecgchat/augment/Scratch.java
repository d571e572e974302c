package org.ecgchat.augment;

import java.lang.ref.SoftReference;

/**
 * A heap scratch array per thread, kept between calls (softly, so memory pressure reclaims it):
 * in-place augmentation of a batch whose records read each other needs room for the whole result,
 * and a recycled array spares the page faults of fresh memory on every batch.
 */
final class Scratch {
    private static final ThreadLocal<SoftReference<float[]>> FLOATS = new ThreadLocal<>();

    private Scratch() {
    }

    static float[] floats(int length) {
        SoftReference<float[]> ref = FLOATS.get();
        float[] array = ref == null ? null : ref.get();
        if (array == null || array.length < length) {
            array = new float[length];
            FLOATS.set(new SoftReference<>(array));
        }
        return array;
    }
}
