package org.ecgchat.nn.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Operations on a model's parameter list: counting and matching a state dict against it. */
public final class Parameters {

    private Parameters() {}

    /** Total number of scalar values of {@code parameters}. */
    public static long count(List<Parameter> parameters) {
        long n = 0;
        for (Parameter p : parameters) {
            n = Math.addExact(n, p.size());
        }
        return n;
    }

    /**
     * Matches a state dict against the parameters a model expects and returns the weights in
     * parameter order as FLOAT arrays (F16/BF16/F64 tensors are converted; other dtypes are
     * refused). Nothing is returned unless everything fits: every missing tensor, shape or dtype
     * mismatch and every unexpected tensor (other than those {@code ignorable} accepts) is
     * collected into one {@link WeightMismatchException}.
     *
     * @param source names the checkpoint in error messages
     */
    public static Map<String, INDArray> match(String source, List<Parameter> expected,
            Map<String, INDArray> stateDict, Predicate<String> ignorable) {
        List<String> problems = new ArrayList<>();
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (Parameter p : expected) {
            INDArray t = stateDict.get(p.name());
            if (t == null) {
                problems.add("missing tensor " + p.name() + ", expected shape " + Arrays.toString(p.shape()));
            } else if (!t.dataType().isFPType()) {
                problems.add("tensor " + p.name() + " has dtype " + t.dataType()
                        + ", expected a floating-point type");
            } else if (!p.hasShape(t.shape())) {
                problems.add("tensor " + p.name() + " has shape " + Arrays.toString(t.shape())
                        + ", the model expects " + Arrays.toString(p.shape()));
            } else {
                out.put(p.name(), t.dataType() == DataType.FLOAT ? t : t.castTo(DataType.FLOAT));
            }
        }
        Set<String> known = new TreeSet<>();
        expected.forEach(p -> known.add(p.name()));
        for (String key : new TreeSet<>(stateDict.keySet())) {
            if (!known.contains(key) && !ignorable.test(key)) {
                INDArray t = stateDict.get(key);
                problems.add("unexpected tensor " + key + " " + Arrays.toString(t.shape())
                        + " (the configuration does not use it)");
            }
        }
        if (!problems.isEmpty()) {
            throw new WeightMismatchException(source, problems);
        }
        return out;
    }
}
