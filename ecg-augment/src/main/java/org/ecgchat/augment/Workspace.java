package org.ecgchat.augment;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-thread scratch rows for signal nodes that need a temporary (a partner's row, a stretched
 * window). Borrowing is stack-like because nodes call their upstream nodes recursively.
 */
final class Workspace {
    private static final ThreadLocal<Workspace> CURRENT = ThreadLocal.withInitial(Workspace::new);

    private final List<float[]> stack = new ArrayList<>();
    private int depth;

    static Workspace current() {
        return CURRENT.get();
    }

    /** A scratch array of at least {@code length} floats; give it back with {@link #release()}. */
    float[] borrow(int length) {
        if (depth == stack.size()) {
            stack.add(new float[Math.max(length, 16)]);
        } else if (stack.get(depth).length < length) {
            stack.set(depth, new float[length]);
        }
        return stack.get(depth++);
    }

    void release() {
        depth--;
    }
}
