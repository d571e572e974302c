package org.ecgchat.nn.layers;

import java.util.Arrays;
import java.util.Objects;

/**
 * A parameter tensor of a layer: its original PyTorch state-dict name and its shape in PyTorch
 * layout (Linear {@code [out, in]}, Conv1d {@code [out, in, kernel]}, packed attention
 * {@code in_proj_weight [3D, D]}). A scalar has an empty shape.
 */
public record Parameter(String name, long[] shape) {

    public Parameter {
        Objects.requireNonNull(name, "name");
        shape = shape.clone();
        for (long d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException("parameter " + name + " has a non-positive dimension: "
                        + Arrays.toString(shape));
            }
        }
    }

    /** Shorthand for {@code new Parameter(name, new long[] {dims...})}. */
    public static Parameter of(String name, long... shape) {
        return new Parameter(name, shape);
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Number of scalar values. */
    public long size() {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** True when {@code other} has exactly this parameter's shape. */
    public boolean hasShape(long[] other) {
        return Arrays.equals(shape, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameter p && p.name.equals(name) && Arrays.equals(p.shape, shape);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + " " + Arrays.toString(shape);
    }
}
