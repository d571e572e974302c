package org.ecgchat.nn.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Thread-safe use of graphs that are not thread-safe. Each of at most {@code capacity} replicas
 * is built on first need and confined to its own worker thread; a call borrows an idle replica,
 * runs on that replica's thread and waits for the result (further callers wait for a replica).
 *
 * <p>Confinement matters for memory, not only for safety: SameDiff keeps one inference session
 * per (graph, thread), each caching released activation arrays for reuse, so a replica used from
 * many caller threads would hold one such cache per thread. Replicas built from the same weight
 * source share the weight arrays.
 */
public final class GraphPool<T> implements AutoCloseable {

    private final Supplier<T> factory;
    private final List<ExecutorService> workers = new ArrayList<>();
    private final AtomicReferenceArray<T> replicas;
    private final BlockingQueue<Integer> idle;

    /** A pool of at most {@code capacity} replicas made by {@code factory} (called on the replica's thread). */
    public GraphPool(Supplier<T> factory, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.factory = factory;
        this.idle = new ArrayBlockingQueue<>(capacity);
        this.replicas = new AtomicReferenceArray<>(capacity);
        for (int i = 0; i < capacity; i++) {
            String name = "graph-replica-" + i;
            workers.add(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            }));
            idle.add(i);
        }
    }

    /** Runs {@code work} on a replica no other call uses meanwhile, on that replica's thread. */
    public <R> R apply(Function<T, R> work) {
        int slot = take();
        try {
            Future<R> result = workers.get(slot).submit(() -> work.apply(replica(slot)));
            return await(result);
        } finally {
            idle.add(slot);
        }
    }

    /** The slot's replica; only the slot's worker thread calls this. */
    private T replica(int slot) {
        T replica = replicas.get(slot);
        if (replica == null) {
            replica = factory.get();
            replicas.set(slot, replica);
        }
        return replica;
    }

    private int take() {
        return uninterruptibly(idle::take);
    }

    /** Waits for a running graph call; it cannot be abandoned half-way, so interrupts are deferred. */
    private static <R> R await(Future<R> result) {
        try {
            return uninterruptibly(result::get);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** A blocking wait that may be interrupted or fail with {@code E}. */
    @FunctionalInterface
    private interface Wait<V, E extends Exception> {
        V get() throws InterruptedException, E;
    }

    /** Waits through interrupts and restores the thread's interrupt status afterwards. */
    private static <V, E extends Exception> V uninterruptibly(Wait<V, E> wait) throws E {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return wait.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the worker threads (idle replicas are dropped; running calls finish). */
    @Override
    public void close() {
        workers.forEach(ExecutorService::shutdown);
    }
}
