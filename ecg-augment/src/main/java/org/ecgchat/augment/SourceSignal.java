package org.ecgchat.augment;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The input signals as the root of a plan: rows are read straight from the array's float buffer
 * (a c-ordered float32 copy is made only when the input is of another type or layout).
 */
final class SourceSignal extends Signal {
    /** Exponent bits of a float; all ones means NaN or infinity. */
    private static final int EXPONENT = 0x7f800000;

    /** The float32 c-ordered array whose buffer is read (the input itself when it already is one). */
    final INDArray array;
    private final FloatBuffer floats;
    private final IntBuffer bits;

    private SourceSignal(INDArray array, int records, int leads, int length) {
        super(records, leads, length);
        this.array = array;
        ByteBuffer bytes = array.data().asNio().order(ByteOrder.nativeOrder());
        this.floats = bytes.asFloatBuffer();
        // the same bytes as ints, for a vectorisable finiteness check
        this.bits = bytes.asIntBuffer();
    }

    static SourceSignal of(INDArray signals) {
        long[] shape = signals.shape();
        if (shape[0] * shape[1] * shape[2] > Integer.MAX_VALUE) {
            throw new InvalidBatchException("signals", "shape " + Arrays.toString(shape)
                    + " holds more than 2^31-1 samples; split the batch");
        }
        return new SourceSignal(Buffers.directOrCopy(signals), (int) shape[0], (int) shape[1], (int) shape[2]);
    }

    @Override
    void fill(int record, int lead, int from, int to, float[] dst, int off) {
        floats.get(((record * leads) + lead) * length + from, dst, off, to - from);
    }

    @Override
    boolean recordLocal() {
        return true;
    }

    /** Throws when a sample of the record is NaN or infinite. */
    void requireFinite(int record) {
        int[] row = intRow(length);
        for (int lead = 0; lead < leads; lead++) {
            int base = ((record * leads) + lead) * length;
            bits.get(base, row, 0, length);
            // exponent all ones (NaN, Inf) => adding one exponent step carries into the sign bit;
            // an int OR-reduction vectorises where a float test would not
            int any = 0;
            for (int i = 0; i < length; i++) {
                any |= (row[i] & EXPONENT) + 0x00800000;
            }
            if (any < 0) {
                for (int i = 0; i < length; i++) {
                    float v = floats.get(base + i);
                    if (!Float.isFinite(v)) {
                        throw new InvalidBatchException("signals", "sample [" + record + ", " + lead + ", " + i
                                + "] is " + v + "; augmenters need finite samples"
                                + " (replace NaN/Inf when loading, as the original's loader does)");
                    }
                }
            }
        }
    }

    private static final ThreadLocal<int[]> INT_ROW = new ThreadLocal<>();

    private static int[] intRow(int length) {
        int[] row = INT_ROW.get();
        if (row == null || row.length < length) {
            row = new int[length];
            INT_ROW.set(row);
        }
        return row;
    }
}
