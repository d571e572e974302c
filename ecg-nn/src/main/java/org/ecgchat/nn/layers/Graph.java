package org.ecgchat.nn.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.autodiff.samediff.array.SingleThreadArrayHolder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.segment.UnsortedSegmentSum;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A SameDiff graph being built from layers. Parameters become SameDiff variables named by their
 * original state-dict names and backed by the arrays a weight source supplies (not copied: graph
 * replicas built from the same source share the weights, and an optimiser updating them in place
 * is seen by all, also when the weights are views into one flat training buffer).
 *
 * <p>Embedding lookups go through {@link #lookup}: SameDiff 1.0.0-M2.1 cannot differentiate
 * {@code gather} into its table (wrong rows, and a graph with two gathers cannot even build its
 * gradient function), so lookup tables enter the graph as constants — autodiff never touches
 * them — and {@link #gradients} asks autodiff for the gradient of each lookup's output and
 * scatter-adds it into the table's gradient itself. The constant shares the weight array, so
 * in-place updates still reach it. A lookup's output is its rows plus a scalar zero variable
 * ({@value #LOOKUP_ANCHOR}, not a parameter): that puts it on autodiff's gradient path.
 */
public final class Graph {

    /** Name of the zero scalar variable that makes lookup outputs differentiable. */
    public static final String LOOKUP_ANCHOR = "lookup_anchor";

    private final SameDiff sd;
    private final Function<Parameter, INDArray> weights;
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final List<Lookup> lookups = new ArrayList<>();
    private final Map<String, SDVariable> shapes = new HashMap<>();

    private record Lookup(Parameter table, String ids, String output) {}

    /** A graph whose parameter values come from {@code weights} (which returns null for an unknown parameter). */
    public Graph(SameDiff sd, Function<Parameter, INDArray> weights) {
        this.sd = Objects.requireNonNull(sd);
        this.weights = Objects.requireNonNull(weights);
        // SameDiff's default holders copy views (so do var() and constant() through them); a graph
        // is used by one thread at a time, and weights that are views of a flat training buffer
        // must stay views, or optimiser updates would not reach the graph
        sd.setArrayHolders(new SingleThreadArrayHolder(), new SingleThreadArrayHolder(), true);
    }

    /** A graph whose parameter values are looked up by name in {@code weights}. */
    public static Graph of(Map<String, INDArray> weights) {
        return new Graph(SameDiff.create(), p -> weights.get(p.name()));
    }

    public SameDiff sameDiff() {
        return sd;
    }

    /** The parameters used so far, in the order layers first asked for them. */
    public List<Parameter> parameters() {
        return List.copyOf(parameters.values());
    }

    /** The variable of parameter {@code p}, created on first use from the weight source. */
    public SDVariable parameter(Parameter p) {
        return declare(p, false);
    }

    private SDVariable declare(Parameter p, boolean constant) {
        Parameter known = parameters.get(p.name());
        if (known != null) {
            if (!known.equals(p)) {
                throw new IllegalStateException("parameter " + p.name() + " declared twice with shapes "
                        + Arrays.toString(known.shape()) + " and " + Arrays.toString(p.shape()));
            }
            return sd.getVariable(p.name());
        }
        INDArray value = weights.apply(p);
        if (value == null) {
            throw new WeightMismatchException("the weights", List.of("missing tensor " + p));
        }
        if (!p.hasShape(value.shape()) || value.dataType() != DataType.FLOAT) {
            throw new WeightMismatchException("the weights", List.of("tensor " + p.name() + " is "
                    + value.dataType() + " " + Arrays.toString(value.shape()) + ", the model expects FLOAT "
                    + Arrays.toString(p.shape())));
        }
        parameters.put(p.name(), p);
        SDVariable v = constant ? sd.constant(p.name(), value) : sd.var(p.name(), value);
        if (constant && value.isView()) {
            sd.getConstantArrays().setArray(p.name(), value);
        }
        return v;
    }

    /** A FLOAT constant. */
    public SDVariable constant(float value) {
        return sd.constant(Nd4j.scalar(value));
    }

    /** An INT64 scalar constant. */
    public SDVariable scalar(long value) {
        return sd.constant(Nd4j.scalar(value));
    }

    /** An INT64 vector constant. */
    public SDVariable longs(long... values) {
        return sd.constant(Nd4j.createFromArray(values));
    }

    /**
     * The INT64 shape vector {@code dims ++ suffix}, built once per graph for each combination
     * (every layer of a tower splits its heads the same way).
     */
    public SDVariable shape(SDVariable dims, long... suffix) {
        String key = dims.name() + Arrays.toString(suffix);
        return shapes.computeIfAbsent(key, k -> sd.concat(0, dims, longs(suffix)));
    }

    /**
     * Rows of {@code table} selected by the integer ids (any shape, flattened row-major):
     * {@code [ids.length, table.shape[1]]}.
     */
    public SDVariable lookup(Parameter table, SDVariable ids) {
        SDVariable flat = sd.reshape(ids, -1);
        SDVariable anchor = sd.hasVariable(LOOKUP_ANCHOR) ? sd.getVariable(LOOKUP_ANCHOR)
                : sd.var(LOOKUP_ANCHOR, Nd4j.scalar(0f));
        SDVariable rows = sd.gather(declare(table, true), flat, 0).add(anchor);
        lookups.add(new Lookup(table, flat.name(), rows.name()));
        return rows;
    }

    /** What one backward pass gives: gradients by requested name, and the forward outputs asked for. */
    public record Pass(Map<String, INDArray> gradients, Map<String, INDArray> outputs) {}

    /**
     * Runs the graph for the named outputs. SameDiff keeps an inference session per (graph,
     * thread) that caches released activation arrays for reuse by later ops and calls, so confine
     * a graph to one thread (as {@link GraphPool} does) to keep that memory bounded.
     */
    public Map<String, INDArray> output(Map<String, INDArray> inputs, String... outputs) {
        return sd.output(inputs, outputs);
    }

    /**
     * Gradients of the graph's loss variables with respect to the named parameters (or any other
     * variables), computed by SameDiff's autodiff; embedding tables used through {@link #lookup}
     * receive the scatter-added gradients of their lookups.
     */
    public Map<String, INDArray> gradients(Map<String, INDArray> placeholders, Collection<String> names) {
        return backward(placeholders, names, List.of()).gradients();
    }

    /**
     * As {@link #gradients}, and in the same pass the values of the named forward outputs (e.g. the
     * loss parts), so a training step runs the forward computation once.
     */
    public Pass backward(Map<String, INDArray> placeholders, Collection<String> names, Collection<String> forward) {
        Set<String> direct = new LinkedHashSet<>();
        Set<String> outputs = new LinkedHashSet<>(forward);
        Map<String, List<Lookup>> tables = new HashMap<>();
        for (String name : names) {
            if (!sd.hasVariable(name)) {
                throw new IllegalArgumentException("no variable " + name + " in the graph");
            }
            List<Lookup> uses = lookups.stream().filter(l -> l.table().name().equals(name)).toList();
            if (uses.isEmpty()) {
                direct.add(name);
            } else {
                tables.put(name, uses);
                for (Lookup l : uses) {
                    direct.add(l.output());
                    outputs.add(l.ids());
                }
            }
        }
        OutAndGrad result = sd.calculateGradientsAndOutputs(placeholders, outputs, direct);
        Map<String, INDArray> grads = result.getGradients();
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (String name : names) {
            List<Lookup> uses = tables.get(name);
            if (uses == null) {
                out.put(name, grads.get(name));
                continue;
            }
            long[] shape = uses.get(0).table().shape();
            INDArray sum = Nd4j.zeros(DataType.FLOAT, shape);
            for (Lookup l : uses) {
                INDArray ids = result.getOutputs().get(l.ids());
                INDArray g = grads.get(l.output());
                sum.addi(Nd4j.exec(new UnsortedSegmentSum(g, ids, (int) shape[0]))[0]);
            }
            out.put(name, sum);
        }
        Map<String, INDArray> values = new LinkedHashMap<>();
        for (String name : forward) {
            values.put(name, result.getOutputs().get(name));
        }
        return new Pass(out, values);
    }
}
