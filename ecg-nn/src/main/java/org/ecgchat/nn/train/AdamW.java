package org.ecgchat.nn.train;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecgchat.nn.layers.Parameter;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
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
 * <p>The update runs over the flat buffers of {@link TrainableParameters} in three fused ops per
 * step: libnd4j's {@code adam_updater} on all gradients (moments updated in place, the step
 * written over the gradients), then one {@code axpy} per segment applying decay and step together.
 * {@code adam_updater} adds its epsilon to {@code √v} rather than to the bias-corrected root;
 * passing {@code eps·√(1 − β2ᵗ)} makes the two identical.
 */
public final class AdamW {

    private static final String EXP_AVG = "exp_avg.";
    private static final String EXP_AVG_SQ = "exp_avg_sq.";

    private final TrainableParameters parameters;
    private final AdamWSettings settings;
    private final INDArray expAvg;
    private final INDArray expAvgSq;
    private long steps;

    /** An optimiser with zero moments over {@code parameters}. */
    public AdamW(TrainableParameters parameters, AdamWSettings settings) {
        this.parameters = parameters;
        this.settings = settings;
        long n = Math.max(1, parameters.trainableSize());
        this.expAvg = Nd4j.zeros(DataType.FLOAT, n);
        this.expAvgSq = Nd4j.zeros(DataType.FLOAT, n);
    }

    public AdamWSettings settings() {
        return settings;
    }

    /** Number of steps taken (PyTorch's {@code state["step"]}). */
    public long steps() {
        return steps;
    }

    /** One update of every trainable weight from the current gradients, which it overwrites. */
    public void step(double lr) {
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("learning rate must be non-negative and finite, was " + lr);
        }
        long size = parameters.trainableSize();
        if (steps >= Integer.MAX_VALUE) {
            throw new IllegalStateException("AdamW supports at most " + Integer.MAX_VALUE + " steps");
        }
        steps++;
        if (size == 0 || lr == 0) {
            updateMomentsOnly(size);
            return;
        }
        INDArray g = parameters.flatGradients();
        INDArray m = TrainableParameters.segment(expAvg, 0, size);
        INDArray v = TrainableParameters.segment(expAvgSq, 0, size);
        double epsHat = settings.eps() * Math.sqrt(1 - Math.pow(settings.beta2(), steps));
        // a negative learning rate makes the op write −step, so one axpy per segment finishes the update
        Nd4j.exec(new AdamUpdater(g, v, m, g, v, m, -lr, settings.beta1(), settings.beta2(), epsHat, (int) (steps - 1)));
        long decayed = parameters.decayedLength();
        if (decayed > 0) {
            INDArray p = parameters.decayedValues();
            Nd4j.exec(new Axpy(p, parameters.gradientSegment(0, decayed), p, 1 - lr * settings.weightDecay()));
        }
        if (size > decayed) {
            INDArray p = parameters.notDecayedValues();
            p.addi(parameters.gradientSegment(decayed, size));
        }
    }

    private void updateMomentsOnly(long size) {
        if (size == 0) {
            return;
        }
        // lr 0 (the end of a cosine schedule): the weights stay, the moments advance as PyTorch's do;
        // adam_updater cannot do this, it replaces a zero step size by its epsilon
        INDArray g = parameters.flatGradients();
        INDArray m = TrainableParameters.segment(expAvg, 0, size);
        INDArray v = TrainableParameters.segment(expAvgSq, 0, size);
        m.muli(settings.beta1()).addi(g.mul(1 - settings.beta1()));
        v.muli(settings.beta2()).addi(g.mul(g).muli(1 - settings.beta2()));
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
