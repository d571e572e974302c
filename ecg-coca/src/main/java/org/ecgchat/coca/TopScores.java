package org.ecgchat.coca;

/**
 * Exact selection of the {@code k} highest of a run of scores with a bounded min-heap
 * ({@code O(n log k)}, no sort of the whole run): what beam search and retrieval both need.
 * Higher scores rank first; equal scores rank in position order.
 */
public final class TopScores {

    private TopScores() {}

    /**
     * Positions (relative to {@code offset}) of the {@code min(k, length)} highest of
     * {@code scores[offset .. offset+length)}, best first.
     */
    public static int[] select(float[] scores, int offset, int length, int k) {
        int keep = Math.min(k, length);
        int[] heap = new int[keep];
        float[] values = new float[keep];
        int filled = 0;
        for (int j = 0; j < length; j++) {
            float s = scores[offset + j];
            if (filled < keep) {
                heap[filled] = j;
                values[filled] = s;
                for (int c = filled++; c > 0 && worse(values, heap, c, (c - 1) / 2); c = (c - 1) / 2) {
                    swap(heap, values, c, (c - 1) / 2);
                }
            } else if (keep > 0 && s > values[0]) {
                heap[0] = j;
                values[0] = s;
                siftDown(heap, values, keep);
            }
        }
        // heap sort: the root is the worst kept, so moving it to the end leaves the best first
        for (int size = keep - 1; size > 0; size--) {
            swap(heap, values, 0, size);
            siftDown(heap, values, size);
        }
        return heap;
    }

    /** Whether entry a ranks below entry b: a lower score, or an equal score at a later position. */
    private static boolean worse(float[] values, int[] positions, int a, int b) {
        return values[a] < values[b] || (values[a] == values[b] && positions[a] > positions[b]);
    }

    private static void siftDown(int[] heap, float[] values, int size) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                return;
            }
            int c = l + 1 < size && worse(values, heap, l + 1, l) ? l + 1 : l;
            if (!worse(values, heap, c, i)) {
                return;
            }
            swap(heap, values, c, i);
            i = c;
        }
    }

    private static void swap(int[] heap, float[] values, int a, int b) {
        int t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
        float s = values[a];
        values[a] = values[b];
        values[b] = s;
    }
}
