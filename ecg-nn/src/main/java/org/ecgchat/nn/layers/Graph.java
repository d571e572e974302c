package org.ecgchat.nn.layers;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.array.SingleThreadArrayHolder;
import org.nd4j.autodiff.samediff.internal.SessionMemMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
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
 * adds its rows into the table's gradient itself. The constant shares the weight array, so
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

    /**
     * What one backward pass gives: gradients by requested name, and the forward outputs asked for.
     * The arrays come from the graph's array cache: {@link #close()} returns them to it once they
     * have been copied (on the thread that ran the pass), so the next pass reuses their memory
     * instead of allocating it afresh. Without {@code close()} they are ordinary arrays, freed
     * when the garbage collector finds them.
     */
    public static final class Pass implements AutoCloseable {

        private final Map<String, INDArray> gradients;
        private final Map<String, INDArray> outputs;
        private final SessionMemMgr cache;
        private final Set<INDArray> persistent;
        private final long thread;
        private boolean closed;

        Pass(Map<String, INDArray> gradients, Map<String, INDArray> outputs, SessionMemMgr cache,
                Set<INDArray> persistent) {
            this.gradients = Collections.unmodifiableMap(gradients);
            this.outputs = Collections.unmodifiableMap(outputs);
            this.cache = cache;
            this.persistent = persistent;
            this.thread = Thread.currentThread().getId();
        }

        /** Gradients by the names asked for. */
        public Map<String, INDArray> gradients() {
            return gradients;
        }

        /** The forward outputs asked for, by name. */
        public Map<String, INDArray> outputs() {
            return outputs;
        }

        /**
         * Hands every array of this pass back to the graph's cache; they must not be used
         * afterwards. On another thread than the pass's the arrays are freed instead (the cache
         * belongs to the thread).
         */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            Set<INDArray> seen = identitySet();
            seen.addAll(persistent);
            boolean sameThread = Thread.currentThread().getId() == thread;
            for (Map<String, INDArray> arrays : List.of(gradients, outputs)) {
                for (INDArray a : arrays.values()) {
                    if (a == null || !seen.add(a) || a.wasClosed()) {
                        continue;
                    }
                    if (sameThread) {
                        cache.release(a);
                    } else if (a.closeable()) {
                        a.close();
                    }
                }
            }
        }
    }

    /**
     * {@code table[ids[i], :] += rows[i, :]}. The rows are few (a batch's tokens) and the table
     * large (a vocabulary): a loop over the rows costs next to nothing, whereas libnd4j's
     * {@code unsorted_segment_sum} and {@code scatter_add} work through every table row (a fifth
     * of a second for BERT's vocabulary) and leave the output's buffer marked as shared.
     */
    private static void scatterAddRows(INDArray table, INDArray ids, INDArray rows, Parameter p) {
        long[] index = ids.toLongVector();
        int width = Math.toIntExact(table.size(1));
        INDArray dense = rows.isView() || rows.ordering() != 'c' ? rows.dup('c') : rows;
        float[] values = dense.data().getFloatsAt(dense.offset(), Math.toIntExact(dense.length()));
        if (values.length != (long) index.length * width) {
            throw new IllegalStateException("gradient of lookup into " + p.name() + " has shape "
                    + Arrays.toString(rows.shape()) + " for " + index.length + " ids");
        }
        FloatBuffer out = table.data().asNioFloat();
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= table.size(0)) {
                throw new IllegalArgumentException("id " + index[i] + " is outside " + p.name() + " "
                        + Arrays.toString(table.shape()));
            }
            int base = Math.toIntExact(index[i] * width);
            for (int d = 0; d < width; d++) {
                out.put(base + d, out.get(base + d) + values[i * width + d]);
            }
        }
    }

    private static Set<INDArray> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /**
     * Arrays that outlive a run (weights, constants, the caller's inputs): an output that is one of
     * them (an identity op passes its input through) must never go to the array cache.
     */
    private static Set<INDArray> persistentArrays(SameDiff graph, Map<String, INDArray> placeholders) {
        Set<INDArray> arrays = identitySet();
        for (SDVariable v : graph.variables()) {
            VariableType type = v.getVariableType();
            if (type == VariableType.VARIABLE || type == VariableType.CONSTANT) {
                arrays.add(v.getArr());
            }
        }
        if (placeholders != null) {
            arrays.addAll(placeholders.values());
        }
        return arrays;
    }

    /**
     * SameDiff's gradient function of this graph, created on first use. It is run directly rather
     * than through {@code SameDiff.calculateGradientsAndOutputs}, which switches off the reuse of
     * intermediate arrays (see {@link RecyclingSession}); listeners of the graph are passed on as
     * that method would.
     */
    private SameDiff gradientFunction() {
        if (!sd.hasGradientFunction()) {
            sd.createGradFunction();
        }
        SameDiff backprop = sd.getFunction("grad");
        backprop.setListeners(sd.getListeners());
        return backprop;
    }

    /**
     * Runs the graph for the named outputs. SameDiff keeps an inference session per (graph,
     * thread) that caches released activation arrays for reuse by later ops and calls, so confine
     * a graph to one thread (as {@link GraphPool} does) to keep that memory bounded.
     */
    public Map<String, INDArray> output(Map<String, INDArray> inputs, String... outputs) {
        RecyclingSession.of(sd);
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
        SameDiff backprop = gradientFunction();
        SessionMemMgr cache = RecyclingSession.of(backprop).getMmgr();
        Map<String, String> gradientNames = new LinkedHashMap<>();
        for (String name : direct) {
            SDVariable gradient = sd.getVariable(name).getGradient();
            if (gradient != null) {
                gradientNames.put(name, gradient.name());
            }
        }
        Set<String> wanted = new LinkedHashSet<>(outputs);
        wanted.addAll(gradientNames.values());
        Map<String, INDArray> results = backprop.output(placeholders, wanted.toArray(String[]::new));
        Map<String, INDArray> grads = new HashMap<>();
        gradientNames.forEach((name, gradient) -> grads.put(name, results.get(gradient)));
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (String name : names) {
            List<Lookup> uses = tables.get(name);
            if (uses == null) {
                out.put(name, grads.get(name));
                continue;
            }
            INDArray sum = cache.allocate(false, DataType.FLOAT, uses.get(0).table().shape()).assign(0);
            for (Lookup l : uses) {
                scatterAddRows(sum, results.get(l.ids()), grads.get(l.output()), l.table());
            }
            out.put(name, sum);
        }
        Map<String, INDArray> values = new LinkedHashMap<>();
        for (String name : forward) {
            values.put(name, results.get(name));
        }
        // what the caller does not get (lookup ids and output gradients) goes back to the cache now
        Set<INDArray> persistent = persistentArrays(backprop, placeholders);
        Set<INDArray> kept = identitySet();
        kept.addAll(persistent);
        kept.addAll(out.values());
        kept.addAll(values.values());
        for (INDArray a : results.values()) {
            if (a != null && kept.add(a)) {
                cache.release(a);
            }
        }
        return new Pass(out, values, cache, persistent);
    }
}
