package org.ecgchat.nn.layers;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.autodiff.samediff.internal.memory.AbstractMemoryMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The memory manager of a {@link RecyclingSession}: arrays released by a graph run are kept, by
 * data type and shape, and handed out again to later ops asking for that shape, in this run or
 * the next. Up to half of JavaCPP's native memory limit ({@code org.bytedeco.javacpp.maxbytes}) is
 * kept, beyond that the arrays released longest ago are freed. (SameDiff's own cache keeps a
 * quarter, less than what a training step of a full-size model recycles: a cache smaller than the
 * step's working set frees and re-allocates it every step.)
 *
 * <p>Unlike SameDiff's {@code ArrayCacheMemoryMgr} it tracks arrays by identity, not by
 * {@code INDArray.getId()}: on ND4J 1.0.0-M2.1 {@code assignNewId()} hands out the id the next new
 * array also gets, so ids of reused arrays are not unique and the stock cache refuses to take
 * back a second array with a taken id. Reused arrays keep their id here; their id is removed from
 * the session's set of arrays released in this run, so the session may release them again.
 * Not thread-safe: a session belongs to one thread.
 */
final class ArrayCache extends AbstractMemoryMgr {

    private record Key(DataType type, List<Long> shape) {
        static Key of(DataType type, long[] shape) {
            return new Key(type, Arrays.stream(shape).boxed().toList());
        }
    }

    /** An array compared by identity (INDArray.equals compares contents). */
    private record Ref(INDArray array) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Ref r && r.array == array;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(array);
        }
    }

    private final Map<Key, ArrayDeque<INDArray>> free = new HashMap<>();
    /** Every cached array in release order, the oldest first (what is freed when the cache is full). */
    private final LinkedHashMap<Ref, Key> byAge = new LinkedHashMap<>();
    private final Set<Long> releasedIds;
    private final long maxBytes;
    private long bytes;

    /**
     * @param releasedIds the session's ids of arrays released in the current run; an array taken
     *     from the cache is removed from it
     */
    ArrayCache(Set<Long> releasedIds) {
        this(releasedIds, Pointer.maxBytes() / 2);
    }

    ArrayCache(Set<Long> releasedIds, long maxBytes) {
        this.releasedIds = releasedIds;
        this.maxBytes = maxBytes;
    }

    @Override
    public INDArray allocate(boolean detached, DataType dataType, long... shape) {
        ArrayDeque<INDArray> candidates = free.get(Key.of(dataType, shape));
        INDArray cached = candidates == null ? null : candidates.pollLast();
        if (cached == null) {
            return Nd4j.createUninitializedDetached(dataType, shape);
        }
        byAge.remove(new Ref(cached));
        bytes -= sizeOf(cached);
        releasedIds.remove(cached.getId());
        return cached;
    }

    @Override
    public INDArray allocate(boolean detached, LongShapeDescriptor descriptor) {
        if (descriptor.isEmpty()) {
            INDArray empty = Nd4j.create(descriptor);
            return detached ? empty.detach() : empty;
        }
        return allocate(detached, descriptor.dataType(), descriptor.getShape());
    }

    /**
     * Keeps {@code array} for reuse. Arrays that cannot be reused safely are left to the garbage
     * collector: views, arrays whose buffer another array shares, empty, closed or string arrays.
     * Releasing an array that is already cached does nothing.
     */
    @Override
    public void release(INDArray array) {
        if (array == null || array.wasClosed() || array.isView() || array.isEmpty() || array.data() == null
                || array.dataType() == DataType.UTF8 || Nd4j.getExecutioner().useCount(array.data()) > 1) {
            return;
        }
        Ref ref = new Ref(array);
        if (byAge.containsKey(ref)) {
            return;
        }
        long size = sizeOf(array);
        if (size > maxBytes) {
            return;
        }
        Iterator<Map.Entry<Ref, Key>> oldest = byAge.entrySet().iterator();
        while (bytes + size > maxBytes && oldest.hasNext()) {
            Map.Entry<Ref, Key> e = oldest.next();
            oldest.remove();
            INDArray evicted = e.getKey().array();
            free.get(e.getValue()).removeIf(a -> a == evicted);
            bytes -= sizeOf(evicted);
            if (evicted.closeable()) {
                evicted.close();
            }
        }
        Key key = Key.of(array.dataType(), array.shape());
        free.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(array);
        byAge.put(ref, key);
        bytes += size;
    }

    /** Bytes held by cached arrays. */
    long cachedBytes() {
        return bytes;
    }

    private static long sizeOf(INDArray a) {
        return a.data().length() * a.dataType().width();
    }

    /** Frees every cached array. */
    @Override
    public void close() {
        for (Ref r : byAge.keySet()) {
            if (r.array().closeable()) {
                r.array().close();
            }
        }
        byAge.clear();
        free.clear();
        bytes = 0;
    }
}
