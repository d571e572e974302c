package org.ecgchat.nn.checkpoint;

import java.util.Arrays;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Element types a checkpoint tensor can have, with their safetensors names, sizes and the ND4J type
 * they load into. Every one of them maps to an ND4J type of the same width, so tensors load
 * bit-exactly; half-precision types are widened to {@code float32} only on request.
 */
public enum TensorDType {
    F64("F64", 8, DataType.DOUBLE),
    F32("F32", 4, DataType.FLOAT),
    F16("F16", 2, DataType.FLOAT16),
    BF16("BF16", 2, DataType.BFLOAT16),
    I64("I64", 8, DataType.INT64),
    I32("I32", 4, DataType.INT32),
    I16("I16", 2, DataType.INT16),
    I8("I8", 1, DataType.INT8),
    U64("U64", 8, DataType.UINT64),
    U32("U32", 4, DataType.UINT32),
    U16("U16", 2, DataType.UINT16),
    U8("U8", 1, DataType.UINT8),
    BOOL("BOOL", 1, DataType.BOOL);

    private final String safetensorsName;
    private final int byteSize;
    private final DataType nd4j;

    TensorDType(String safetensorsName, int byteSize, DataType nd4j) {
        this.safetensorsName = safetensorsName;
        this.byteSize = byteSize;
        this.nd4j = nd4j;
    }

    /** The name used in a safetensors header ({@code "F32"}, {@code "BF16"}, ...). */
    public String safetensorsName() {
        return safetensorsName;
    }

    /** Bytes per element. */
    public int byteSize() {
        return byteSize;
    }

    /** The ND4J data type holding this element type without loss. */
    public DataType nd4j() {
        return nd4j;
    }

    /** The type with the given safetensors name, if it is one this reader supports. */
    public static Optional<TensorDType> ofSafetensorsName(String name) {
        return Arrays.stream(values()).filter(t -> t.safetensorsName.equals(name)).findFirst();
    }

    /** The type an ND4J array of the given data type is written as. */
    public static TensorDType of(DataType type) {
        return Arrays.stream(values())
                .filter(t -> t.nd4j == type)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "ND4J data type " + type + " has no checkpoint equivalent; supported: "
                                + Arrays.toString(values())));
    }
}
