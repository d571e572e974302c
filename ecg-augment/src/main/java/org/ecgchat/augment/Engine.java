package org.ecgchat.augment;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Evaluates a plan into arrays. Records are computed in parallel (in the caller's ForkJoinPool, or
 * the common pool); since a plan holds no random state, the result does not depend on the number of
 * threads or their scheduling.
 */
final class Engine {
    private Engine() {
    }

    /** The planned batch as new arrays. */
    static EcgBatch materialize(BatchState state) {
        Signal signals = state.signals;
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, signals.records, signals.leads, signals.length);
        evaluate(state, Buffers.floats(out)::put, true);
        Buffers.written(out);
        return new EcgBatch(out, state.labels == null ? null : state.labels.toArray(), points(state.points));
    }

    /** The planned batch written into {@code target}'s arrays. */
    static EcgBatch writeBack(BatchState state, EcgBatch target) {
        requireSameShape(state, target);
        INDArray x = target.signals();
        if (state.source.array != x) {
            // the input was converted to float32 c order: compute, then assign (ND4J converts back)
            EcgBatch result = materialize(state);
            copyBack(result, target);
            return new EcgBatch(x, target.labels(), result.criticalPoints());
        }
        FloatBuffer storage = Buffers.floats(x);
        if (state.signals.recordLocal()) {
            // every record reads only itself: overwrite record by record; check all samples first
            // so that a bad one leaves the input untouched
            forEachRecord(state.records(), state.source::requireFinite);
            if (state.signals != state.source) {
                evaluate(state, storage::put, false);
            }
        } else {
            // records read other records: finish all of them in a reused heap scratch, then copy
            // (a heap array is recycled by the JVM; a fresh off-heap one costs page faults)
            int recordSize = state.leads() * state.length();
            float[] scratch = Scratch.floats(state.records() * recordSize);
            evaluate(state, (index, row, off, length) -> System.arraycopy(row, off, scratch, index, length), true);
            // copied back by all threads (absolute puts into disjoint ranges): one thread alone
            // does not saturate the memory bus, and this copy is a third of the work
            forEachRecord(state.records(), record ->
                    storage.put(record * recordSize, scratch, record * recordSize, recordSize));
        }
        Buffers.written(x);
        if (state.labels != null) {
            state.labels.writeTo(target.labels());
        }
        return new EcgBatch(x, target.labels(), points(state.points));
    }

    /** Copies a computed batch into {@code target}'s arrays, which must have the same shapes. */
    static void copyBack(EcgBatch result, EcgBatch target) {
        requireFits(result.signals().shape(), result.labels() != null, target);
        target.signals().assign(result.signals());
        if (result.labels() != null) {
            target.labels().assign(result.labels());
        }
    }

    private static void requireSameShape(BatchState state, EcgBatch target) {
        requireFits(new long[] {state.records(), state.leads(), state.length()}, state.labels != null, target);
    }

    private static void requireFits(long[] produced, boolean hasLabels, EcgBatch target) {
        if (!Arrays.equals(produced, target.signals().shape())) {
            throw new InvalidBatchException("signals", "in-place augmentation needs the output shape "
                    + Arrays.toString(produced) + " to equal the input shape "
                    + Arrays.toString(target.signals().shape()));
        }
        if (hasLabels && target.labels() != null && !target.labels().dataType().isFPType()) {
            throw new InvalidBatchException("labels", "in-place augmentation writes mixed (fractional) labels;"
                    + " labels of type " + target.labels().dataType() + " cannot hold them");
        }
    }

    /** Where evaluated rows go: {@code row[off, off + length)} belongs at flat index {@code index}. */
    interface RowSink {
        void put(int index, float[] row, int off, int length);
    }

    private static void evaluate(BatchState state, RowSink out, boolean checkSource) {
        Signal signals = state.signals;
        int leads = signals.leads;
        int length = signals.length;
        forEachRecord(signals.records, record -> {
            if (checkSource) {
                state.source.requireFinite(record);
            }
            Workspace ws = Workspace.current();
            float[] row = ws.borrow(length);
            try {
                for (int lead = 0; lead < leads; lead++) {
                    signals.fill(record, lead, 0, length, row, 0);
                    out.put((record * leads + lead) * length, row, 0, length);
                }
            } finally {
                ws.release();
            }
        });
    }

    /**
     * Runs {@code body} for every record on the calling thread and the workers of its ForkJoinPool
     * (the common pool outside one), each claiming the next record when done with one: a worker
     * the OS deschedules holds up at most one record, not a pre-split chunk of them.
     */
    static void forEachRecord(int records, IntConsumer body) {
        ForkJoinPool pool = ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool() : ForkJoinPool.commonPool();
        int helpers = Math.min(records, pool.getParallelism() + 1) - 1;
        AtomicInteger next = new AtomicInteger();
        Runnable drain = () -> {
            for (int record = next.getAndIncrement(); record < records; record = next.getAndIncrement()) {
                body.accept(record);
            }
        };
        List<ForkJoinTask<?>> forked = new ArrayList<>(helpers);
        for (int i = 0; i < helpers; i++) {
            forked.add(ForkJoinTask.adapt(drain).fork());
        }
        drain.run();
        for (ForkJoinTask<?> task : forked) {
            task.join();
        }
    }

    private static List<int[]> points(int[][] points) {
        return points == null ? null : new ArrayList<>(Arrays.asList(points));
    }
}
