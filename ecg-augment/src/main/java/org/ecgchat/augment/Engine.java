package org.ecgchat.augment;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.concurrency.AffinityManager;
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
        evaluate(state, buffer(out), true);
        Nd4j.getAffinityManager().tagLocation(out, AffinityManager.Location.HOST);
        return new EcgBatch(out, state.labels == null ? null : state.labels.toArray(), points(state.points));
    }

    /** The planned batch written into {@code target}'s arrays. */
    static EcgBatch writeBack(BatchState state, EcgBatch target) {
        requireSameShape(state, target);
        INDArray x = target.signals();
        if (state.source.array == x && state.signals.recordLocal()) {
            // every record reads only itself: overwrite record by record, no copy; check all
            // samples first so that a bad one leaves the input untouched
            IntStream.range(0, state.records()).parallel().forEach(state.source::requireFinite);
            if (state.signals != state.source) {
                evaluate(state, buffer(x), false);
            }
            Nd4j.getAffinityManager().tagLocation(x, AffinityManager.Location.HOST);
            if (state.labels != null) {
                target.labels().assign(state.labels.toArray());
            }
            return new EcgBatch(x, target.labels(), points(state.points));
        }
        EcgBatch result = materialize(state);
        copyBack(result, target);
        return new EcgBatch(x, target.labels(), result.criticalPoints());
    }

    /** Copies a computed batch into {@code target}'s arrays, which must have the same shapes. */
    static void copyBack(EcgBatch result, EcgBatch target) {
        if (!Arrays.equals(result.signals().shape(), target.signals().shape())) {
            throw new InvalidBatchException("signals", "in-place augmentation needs the output shape "
                    + Arrays.toString(result.signals().shape()) + " to equal the input shape "
                    + Arrays.toString(target.signals().shape()));
        }
        requireWritableLabels(target, result.labels() != null);
        target.signals().assign(result.signals());
        if (result.labels() != null) {
            target.labels().assign(result.labels());
        }
    }

    private static void requireSameShape(BatchState state, EcgBatch target) {
        long[] planned = {state.records(), state.leads(), state.length()};
        if (!Arrays.equals(planned, target.signals().shape())) {
            throw new InvalidBatchException("signals", "in-place augmentation needs the output shape "
                    + Arrays.toString(planned) + " to equal the input shape "
                    + Arrays.toString(target.signals().shape()));
        }
        requireWritableLabels(target, state.labels != null);
    }

    private static void requireWritableLabels(EcgBatch target, boolean hasLabels) {
        if (hasLabels && target.labels() != null && !target.labels().dataType().isFPType()) {
            throw new InvalidBatchException("labels", "in-place augmentation writes mixed (fractional) labels;"
                    + " labels of type " + target.labels().dataType() + " cannot hold them");
        }
    }

    private static void evaluate(BatchState state, FloatBuffer out, boolean checkSource) {
        Signal signals = state.signals;
        int leads = signals.leads;
        int length = signals.length;
        IntStream.range(0, signals.records).parallel().forEach(record -> {
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

    private static FloatBuffer buffer(INDArray direct) {
        return direct.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    private static List<int[]> points(int[][] points) {
        return points == null ? null : new ArrayList<>(Arrays.asList(points));
    }
}
