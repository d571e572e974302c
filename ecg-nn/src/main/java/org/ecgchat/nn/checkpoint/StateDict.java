package org.ecgchat.nn.checkpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An ordered mapping from PyTorch state-dict names ({@code ecg.transformer.resblocks.0.attn.in_proj_weight})
 * to tensors, as read from or written to a checkpoint. The mapping itself cannot be changed; methods
 * that rename or select return a new state dict sharing the same arrays.
 *
 * <p>Arrays may share memory: tensors that were views of one storage in a PyTorch file (tied
 * weights, slices) are views of one array here too, as after {@code torch.load}. Call
 * {@code dup()} before modifying a tensor in place.
 *
 * <p>Model code should read weights through {@link #strict()}, which checks shapes and, at the end,
 * that every tensor of the checkpoint was used, so that a partial load never succeeds silently.
 */
public final class StateDict {
    private final String source;
    private final Map<String, INDArray> tensors;

    private StateDict(String source, Map<String, INDArray> tensors) {
        this.source = source;
        this.tensors = Collections.unmodifiableMap(tensors);
    }

    /**
     * A state dict holding the given tensors in the map's iteration order.
     *
     * @param source where the tensors came from (a file name), used in error messages
     */
    public static StateDict of(String source, Map<String, INDArray> tensors) {
        Map<String, INDArray> copy = new LinkedHashMap<>();
        tensors.forEach((name, tensor) -> {
            if (name == null || tensor == null) {
                throw new IllegalArgumentException("null name or tensor in state dict from " + source);
            }
            copy.put(name, tensor);
        });
        return new StateDict(source, copy);
    }

    /** Where the tensors came from, e.g. the checkpoint file. */
    public String source() {
        return source;
    }

    /** Tensor names in checkpoint order. */
    public List<String> names() {
        return List.copyOf(tensors.keySet());
    }

    /** Number of tensors. */
    public int size() {
        return tensors.size();
    }

    /** Whether a tensor of that name exists. */
    public boolean contains(String name) {
        return tensors.containsKey(name);
    }

    /** The tensor of that name, if present. */
    public Optional<INDArray> find(String name) {
        return Optional.ofNullable(tensors.get(name));
    }

    /** An unmodifiable ordered view of all tensors. */
    public Map<String, INDArray> asMap() {
        return tensors;
    }

    /**
     * The tensor of that name.
     *
     * @throws CheckpointFormatException naming the tensor and the source when it is missing
     */
    public INDArray get(String name) {
        INDArray tensor = tensors.get(name);
        if (tensor == null) {
            throw new CheckpointFormatException(source + ": missing tensor '" + name + "'" + similarNames(name));
        }
        return tensor;
    }

    /**
     * The tensor of that name, checked to have exactly the given shape.
     *
     * @throws CheckpointFormatException naming the tensor and both shapes on a mismatch
     */
    public INDArray require(String name, long... shape) {
        INDArray tensor = get(name);
        if (!Arrays.equals(tensor.shape(), shape)) {
            throw new CheckpointFormatException(source + ": tensor '" + name + "' has shape "
                    + Arrays.toString(tensor.shape()) + " but the model expects " + Arrays.toString(shape));
        }
        return tensor;
    }

    /**
     * The tensor of that name as {@code float32}, checked to have the given shape. Half, bfloat16 and
     * double tensors are converted (as PyTorch's {@code load_state_dict} copies across floating
     * types); integer or boolean tensors are refused.
     *
     * @throws CheckpointFormatException on a missing tensor, a shape mismatch or a non-floating dtype
     */
    public INDArray requireFloat(String name, long... shape) {
        INDArray tensor = require(name, shape);
        DataType type = tensor.dataType();
        if (type == DataType.FLOAT) {
            return tensor;
        }
        if (!type.isFPType()) {
            throw new CheckpointFormatException(source + ": tensor '" + name + "' has dtype " + type
                    + " but the model expects a floating-point tensor (FLOAT)");
        }
        return tensor.castTo(DataType.FLOAT);
    }

    /**
     * A state dict in which names starting with {@code prefix} lose it; other names are kept.
     *
     * @throws CheckpointFormatException if stripping makes two names collide
     */
    public StateDict stripPrefix(String prefix) {
        Map<String, INDArray> renamed = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> e : tensors.entrySet()) {
            String name = e.getKey().startsWith(prefix) ? e.getKey().substring(prefix.length()) : e.getKey();
            if (renamed.put(name, e.getValue()) != null) {
                throw new CheckpointFormatException(source + ": stripping prefix '" + prefix
                        + "' makes two tensors named '" + name + "'");
            }
        }
        return new StateDict(source, renamed);
    }

    /** Whether every name starts with {@code prefix} (and there is at least one name). */
    public boolean allNamesStartWith(String prefix) {
        return !tensors.isEmpty() && tensors.keySet().stream().allMatch(n -> n.startsWith(prefix));
    }

    /**
     * The tensors whose names start with {@code prefix}, renamed without it: {@code withPrefix("ecg.")}
     * gives the ECG tower's own state dict.
     */
    public StateDict withPrefix(String prefix) {
        Map<String, INDArray> selected = new LinkedHashMap<>();
        tensors.forEach((name, t) -> {
            if (name.startsWith(prefix)) {
                selected.put(name.substring(prefix.length()), t);
            }
        });
        return new StateDict(source + " [" + prefix + "*]", selected);
    }

    /** The tensors whose names satisfy the predicate, in order. */
    public StateDict filter(Predicate<String> names) {
        Map<String, INDArray> selected = new LinkedHashMap<>();
        tensors.forEach((name, t) -> {
            if (names.test(name)) {
                selected.put(name, t);
            }
        });
        return new StateDict(source, selected);
    }

    /**
     * A fresh strict reader of this state dict: it records which tensors were read, and
     * {@link StrictLoad#finish()} fails if any tensor was never read nor explicitly ignored.
     */
    public StrictLoad strict() {
        return new StrictLoad(this);
    }

    /** Up to three existing names sharing the longest prefix with a missing name, as a hint. */
    String similarNames(String missing) {
        if (tensors.isEmpty()) {
            return " (the state dict is empty)";
        }
        List<String> candidates = new ArrayList<>(tensors.keySet());
        candidates.sort((a, b) -> Integer.compare(commonPrefix(b, missing), commonPrefix(a, missing)));
        return "; similar names: " + candidates.stream().limit(3).collect(Collectors.joining(", "));
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /** Names of this state dict not in the given set, in order. */
    List<String> namesNotIn(Set<String> used) {
        return tensors.keySet().stream().filter(n -> !used.contains(n)).toList();
    }

    @Override
    public String toString() {
        return "StateDict[" + source + ", " + tensors.size() + " tensors]";
    }
}
