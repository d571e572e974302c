package org.ecgchat.augment;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Direct access to the float32 storage of ND4J arrays. Augmenters read and write whole rows with
 * bulk copies instead of ND4J ops: each op costs ~0.1 ms of dispatch (far more when OpenMP threads
 * wait on a busy machine), while a batch needs only memory-speed passes.
 */
final class Buffers {
    private Buffers() {
    }

    /** True when {@code x}'s data buffer holds exactly its elements, float32, in c order. */
    static boolean isDirect(INDArray x) {
        return x.dataType() == DataType.FLOAT && x.ordering() == 'c' && Shape.hasDefaultStridesForShape(x)
                && x.offset() == 0 && x.data().length() == x.length();
    }

    /** The array itself when {@link #isDirect direct}, else a direct float32 copy; on the host. */
    static INDArray directOrCopy(INDArray x) {
        INDArray direct = isDirect(x) ? x : x.castTo(DataType.FLOAT).dup('c');
        Nd4j.getAffinityManager().ensureLocation(direct, AffinityManager.Location.HOST);
        return direct;
    }

    /** A view of a direct array's storage (absolute gets and puts are safe from many threads). */
    static FloatBuffer floats(INDArray direct) {
        return direct.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /** All elements in c order, as a new Java array. */
    static float[] read(INDArray x) {
        float[] values = new float[Math.toIntExact(x.length())];
        floats(directOrCopy(x)).get(0, values);
        return values;
    }

    /** A new float32 array holding {@code values} in c order. */
    static INDArray create(float[] values, long... shape) {
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, shape);
        floats(out).put(0, values);
        written(out);
        return out;
    }

    /** Overwrites {@code target} (any type or layout) with {@code values} in c order. */
    static void write(INDArray target, float[] values) {
        if (isDirect(target)) {
            floats(target).put(0, values);
            written(target);
        } else {
            target.assign(create(values, target.shape()));
        }
    }

    /** Marks host-side writes, so a GPU backend copies them to the device before use. */
    static void written(INDArray x) {
        Nd4j.getAffinityManager().tagLocation(x, AffinityManager.Location.HOST);
    }
}
