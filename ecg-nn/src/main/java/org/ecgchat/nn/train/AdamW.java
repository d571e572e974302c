package org.ecgchat.nn.train;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.ecgchat.nn.layers.Parameter;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.floating.Sqrt;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * AdamW with decoupled weight decay, numerically as {@code torch.optim.AdamW} (PyTorch 1.13,
 * {@code amsgrad=False}): per trainable weight {@code p} with gradient {@code g} at step {@code t},
 * <pre>
 *   m = β1·m + (1 − β1)·g,   v = β2·v + (1 − β2)·g²
 *   p = p·(1 − lr·wd) − lr / (1 − β1ᵗ) · m / (√v / √(1 − β2ᵗ) + eps)
 * </pre>
 * with {@code wd} only on the parameters {@link TrainableParameters#decayed()} lists.
 *
 * <p>The update runs over the flat buffers of {@link TrainableParameters}: on the CPU backend as
 * one fused loop over host memory (see {@link #updateOnHost}), elsewhere as eleven element-wise
 * ND4J passes in PyTorch's order plus one {@code axpy} per segment applying decay and step
 * together. Either overwrites the gradient buffer.
 */
public final class AdamW {

    private static final String EXP_AVG = "exp_avg.";
    private static final String EXP_AVG_SQ = "exp_avg_sq.";

    /** Elements per array copied into Java at a time (four arrays stay in the core's cache). */
    private static final int CHUNK = 8192;
    /** The smallest share of the update worth a thread of its own. */
    private static final long MIN_BLOCK = 1 << 20;

    private final TrainableParameters parameters;
    private final AdamWSettings settings;
    private final INDArray expAvg;
    private final INDArray expAvgSq;
    /** Threads of the host loop; 0 runs the update as ND4J ops. */
    private final int hostThreads;
    private long steps;

    /** An optimiser with zero moments over {@code parameters}. */
    public AdamW(TrainableParameters parameters, AdamWSettings settings) {
        this(parameters, settings, Nd4j.getEnvironment().isCPU() ? Math.max(1, Nd4j.getEnvironment().maxThreads()) : 0);
    }

    /** As the public constructor, with the host loop's threads given (0: ND4J ops). */
    AdamW(TrainableParameters parameters, AdamWSettings settings, int hostThreads) {
        this.parameters = parameters;
        this.settings = settings;
        long n = Math.max(1, parameters.trainableSize());
        this.expAvg = Nd4j.zeros(DataType.FLOAT, n);
        this.expAvgSq = Nd4j.zeros(DataType.FLOAT, n);
        this.hostThreads = hostThreads;
    }

    public AdamWSettings settings() {
        return settings;
    }

    /** Number of steps taken (PyTorch's {@code state["step"]}). */
    public long steps() {
        return steps;
    }

    /** One update of every trainable weight from the current gradients (which it may overwrite). */
    public void step(double lr) {
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("learning rate must be non-negative and finite, was " + lr);
        }
        long size = parameters.trainableSize();
        if (steps >= Integer.MAX_VALUE) {
            throw new IllegalStateException("AdamW supports at most " + Integer.MAX_VALUE + " steps");
        }
        steps++;
        if (size == 0) {
            return;
        }
        Coefficients c = new Coefficients(settings, lr, steps);
        long decayed = parameters.decayedLength();
        if (hostThreads > 0) {
            FloatBuffer p = parameters.decayedValues().data().asNioFloat();
            FloatBuffer g = parameters.flatGradients().data().asNioFloat();
            FloatBuffer m = expAvg.data().asNioFloat();
            FloatBuffer v = expAvgSq.data().asNioFloat();
            updateOnHost(p, g, m, v, 0, decayed, c, c.decay);
            updateOnHost(p, g, m, v, decayed, size, c, 1f);
        } else {
            updateWithOps(size, decayed, c);
        }
    }

    /** The scalars of one step, rounded to float once as PyTorch passes them to its float kernels. */
    private record Coefficients(float beta1, float oneMinusBeta1, float beta2, float oneMinusBeta2,
            float correction2Root, float eps, float stepSize, float decay) {
        Coefficients(AdamWSettings s, double lr, long step) {
            this((float) s.beta1(), (float) (1 - s.beta1()), (float) s.beta2(), (float) (1 - s.beta2()),
                    (float) Math.sqrt(1 - Math.pow(s.beta2(), step)), (float) s.eps(),
                    (float) (lr / (1 - Math.pow(s.beta1(), step))), (float) (1 - lr * s.weightDecay()));
        }
    }

    /**
     * The update of elements {@code [from, to)} in one pass over host memory, in parallel blocks:
     * {@code p·decay}, the moments, {@code √v/√(1−β2ᵗ) + eps} and {@code p + (−step·m)/denominator},
     * each rounded where {@code torch.optim.AdamW}'s kernels round. libnd4j's {@code sqrt} is a
     * scalar loop (about 4 ns per element, as long as the rest of the update together), so one
     * fused Java loop, which the JIT vectorises, beats both its {@code adam_updater} and a
     * sequence of ND4J ops about five times.
     */
    private void updateOnHost(FloatBuffer p, FloatBuffer g, FloatBuffer m, FloatBuffer v, long from, long to,
            Coefficients c, float decay) {
        long length = to - from;
        if (length <= 0) {
            return;
        }
        int blocks = (int) Math.max(1, Math.min(hostThreads, length / MIN_BLOCK));
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int start = Math.toIntExact(from + length * b / blocks);
            int end = Math.toIntExact(from + length * (b + 1) / blocks);
            float[] gc = new float[CHUNK];
            float[] mc = new float[CHUNK];
            float[] vc = new float[CHUNK];
            float[] pc = new float[CHUNK];
            for (int at = start; at < end; at += CHUNK) {
                int n = Math.min(CHUNK, end - at);
                g.get(at, gc, 0, n);
                m.get(at, mc, 0, n);
                v.get(at, vc, 0, n);
                p.get(at, pc, 0, n);
                for (int i = 0; i < n; i++) {
                    float gi = gc[i];
                    float mi = mc[i] * c.beta1 + gi * c.oneMinusBeta1;
                    float vi = vc[i] * c.beta2 + c.oneMinusBeta2 * gi * gi;
                    float denominator = (float) Math.sqrt(vi) / c.correction2Root + c.eps;
                    mc[i] = mi;
                    vc[i] = vi;
                    pc[i] = pc[i] * decay + -c.stepSize * mi / denominator;
                }
                m.put(at, mc, 0, n);
                v.put(at, vc, 0, n);
                p.put(at, pc, 0, n);
            }
        });
    }

    /** The same update as ND4J ops, for backends whose arrays are not in host memory. */
    private void updateWithOps(long size, long decayed, Coefficients c) {
        INDArray g = parameters.flatGradients();
        INDArray m = TrainableParameters.segment(expAvg, 0, size);
        INDArray v = TrainableParameters.segment(expAvgSq, 0, size);
        // the gradient buffer serves as scratch space
        m.muli(c.beta1);
        Nd4j.exec(new Axpy(g, m, m, c.oneMinusBeta1));
        g.muli(g);
        v.muli(c.beta2);
        Nd4j.exec(new Axpy(g, v, v, c.oneMinusBeta2));
        Nd4j.exec(new Sqrt(v, g));
        g.divi(c.correction2Root).addi(c.eps);
        g.rdivi(m).muli(-c.stepSize);
        if (decayed > 0) {
            INDArray p = parameters.decayedValues();
            Nd4j.exec(new Axpy(p, parameters.gradientSegment(0, decayed), p, c.decay));
        }
        if (size > decayed) {
            parameters.notDecayedValues().addi(parameters.gradientSegment(decayed, size));
        }
    }

    /**
     * The optimiser state as named tensors ({@code exp_avg.<param>}, {@code exp_avg_sq.<param>}, views
     * of the moment buffers) for checkpoints; {@link #steps()} is the rest of the state.
     */
    public Map<String, INDArray> state() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        long offset = 0;
        for (Parameter p : parameters.trainable()) {
            out.put(EXP_AVG + p.name(), TrainableParameters.view(expAvg, p, offset));
            out.put(EXP_AVG_SQ + p.name(), TrainableParameters.view(expAvgSq, p, offset));
            offset += p.size();
        }
        return out;
    }

    /**
     * Restores a state written by {@link #state()}: every trainable parameter's two moments, with
     * the parameter's shape, must be present, and nothing else.
     *
     * @param source names the checkpoint in error messages
     * @throws IllegalArgumentException listing what is missing, surplus or mis-shaped
     */
    public void restore(String source, Map<String, INDArray> state, long steps) {
        if (steps < 0 || steps > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(source + ": optimiser step count " + steps + " is out of range");
        }
        Map<String, INDArray> target = state();
        List<String> problems = new java.util.ArrayList<>();
        for (Map.Entry<String, INDArray> e : target.entrySet()) {
            INDArray t = state.get(e.getKey());
            if (t == null) {
                problems.add("missing " + e.getKey());
            } else if (!Arrays.equals(t.shape(), e.getValue().shape()) || !t.dataType().isFPType()) {
                problems.add(e.getKey() + " is " + t.dataType() + " " + Arrays.toString(t.shape()) + ", expected FLOAT "
                        + Arrays.toString(e.getValue().shape()));
            }
        }
        for (String name : state.keySet()) {
            if (!target.containsKey(name)) {
                problems.add("unexpected " + name + " (not a trainable parameter's moment)");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(source + ": optimiser state does not fit the trainable parameters: "
                    + String.join("; ", problems.subList(0, Math.min(problems.size(), 10)))
                    + (problems.size() > 10 ? "; ... (" + problems.size() + " problems)" : ""));
        }
        target.forEach((name, view) -> view.assign(state.get(name)));
        this.steps = steps;
    }
}
