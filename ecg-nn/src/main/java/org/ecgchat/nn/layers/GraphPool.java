package org.ecgchat.nn.layers;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Thread-safe use of graphs that are not themselves thread-safe (a SameDiff instance keeps
 * per-execution state): each caller borrows a replica for the duration of one call. Replicas are
 * built on demand, at most {@code capacity} of them; further callers wait. Replicas built from
 * the same weight source share the weight arrays, so a replica costs only its graph structure
 * and the activations of the call running in it.
 */
public final class GraphPool<T> {

    private final Supplier<T> factory;
    private final Semaphore permits;
    private final ConcurrentLinkedQueue<T> idle = new ConcurrentLinkedQueue<>();

    public GraphPool(Supplier<T> factory, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.factory = factory;
        this.permits = new Semaphore(capacity, true);
    }

    /** Runs {@code work} with a replica no other thread uses meanwhile. */
    public <R> R apply(Function<T, R> work) {
        permits.acquireUninterruptibly();
        try {
            T graph = idle.poll();
            if (graph == null) {
                graph = factory.get();
            }
            try {
                return work.apply(graph);
            } finally {
                idle.offer(graph);
            }
        } finally {
            permits.release();
        }
    }
}
