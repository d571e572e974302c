package org.ecgchat.nn.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.ecgchat.nn.layers.Parameter;
import org.ecgchat.nn.layers.Parameters;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.floating.Norm2;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A model's weights prepared for training: the trainable tensors live in one contiguous FLOAT
 * buffer (decayed parameters first, then the others) with a gradient buffer of the same layout,
 * and every trainable weight is a view into it. Optimiser, clipping and norm then run as a handful
 * of ops over two segments instead of a few per tensor (each ND4J op costs ~0.1 ms of overhead, and
 * a CoCa has ~200 tensors). Frozen tensors keep their own arrays and get no gradient.
 *
 * <p>{@link #weights()} is what a model must be built over so that optimiser steps reach it: the
 * trainable weights are copied from the given arrays when this object is created, and updates
 * change the views, never the caller's original arrays.
 */
public final class TrainableParameters {

    private final List<Parameter> parameters;
    private final List<Parameter> decayed;
    private final List<Parameter> notDecayed;
    private final List<Parameter> frozen;
    private final List<Parameter> trainable;
    private final Map<String, INDArray> weights;
    private final Map<String, INDArray> gradientViews;
    private final INDArray values;
    private final INDArray gradients;
    private final long decayedLength;

    private TrainableParameters(List<Parameter> parameters, List<Parameter> decayed, List<Parameter> notDecayed,
            List<Parameter> frozen, Map<String, INDArray> source) {
        this.parameters = List.copyOf(parameters);
        this.decayed = List.copyOf(decayed);
        this.notDecayed = List.copyOf(notDecayed);
        this.frozen = List.copyOf(frozen);
        List<Parameter> order = new ArrayList<>(decayed);
        order.addAll(notDecayed);
        this.trainable = List.copyOf(order);
        this.decayedLength = Parameters.count(decayed);
        long total = Math.addExact(decayedLength, Parameters.count(notDecayed));
        // a zero-length buffer cannot be created; one unused element keeps the code free of special cases
        this.values = Nd4j.zeros(DataType.FLOAT, Math.max(1, total));
        this.gradients = Nd4j.zeros(DataType.FLOAT, Math.max(1, total));
        Map<String, INDArray> views = new LinkedHashMap<>();
        Map<String, INDArray> grads = new LinkedHashMap<>();
        long offset = 0;
        for (Parameter p : trainable) {
            INDArray view = view(values, p, offset);
            view.assign(source.get(p.name()));
            views.put(p.name(), view);
            grads.put(p.name(), view(gradients, p, offset));
            offset += p.size();
        }
        Map<String, INDArray> all = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            all.put(p.name(), views.containsKey(p.name()) ? views.get(p.name()) : source.get(p.name()));
        }
        this.weights = Collections.unmodifiableMap(all);
        this.gradientViews = Collections.unmodifiableMap(grads);
    }

    /**
     * Prepares {@code weights} (FLOAT arrays of the parameters' shapes, by name) for training.
     *
     * @param frozen names of parameters that are not trained
     * @param decay which trainable parameters AdamW decays
     * @throws IllegalArgumentException naming the tensor when one is missing or of the wrong shape or type
     */
    public static TrainableParameters of(List<Parameter> parameters, Map<String, INDArray> weights,
            Predicate<String> frozen, DecayRule decay) {
        Objects.requireNonNull(frozen, "frozen");
        Objects.requireNonNull(decay, "decay");
        List<Parameter> decayed = new ArrayList<>();
        List<Parameter> notDecayed = new ArrayList<>();
        List<Parameter> fixed = new ArrayList<>();
        for (Parameter p : parameters) {
            INDArray w = weights.get(p.name());
            if (w == null) {
                throw new IllegalArgumentException("no weight for parameter " + p);
            }
            if (!p.hasShape(w.shape()) || w.dataType() != DataType.FLOAT) {
                throw new IllegalArgumentException("weight " + p.name() + " is " + w.dataType() + " "
                        + Arrays.toString(w.shape()) + ", expected FLOAT " + Arrays.toString(p.shape()));
            }
            if (frozen.test(p.name())) {
                fixed.add(p);
            } else if (decay.decays(p)) {
                decayed.add(p);
            } else {
                notDecayed.add(p);
            }
        }
        return new TrainableParameters(parameters, decayed, notDecayed, fixed, weights);
    }

    /** A view of {@code flat} with the parameter's shape starting at {@code offset}. */
    static INDArray view(INDArray flat, Parameter p, long offset) {
        long[] shape = p.shape();
        return Nd4j.create(flat.data(), shape, Nd4j.getStrides(shape, 'c'), offset, 'c');
    }

    /** Every weight by name in the model's parameter order: views of the buffer for trainable ones. */
    public Map<String, INDArray> weights() {
        return weights;
    }

    /** All parameters in the model's order. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** The trained parameters in buffer order: decayed ones, then the others. */
    public List<Parameter> trainable() {
        return trainable;
    }

    /** Trained parameters AdamW decays. */
    public List<Parameter> decayed() {
        return decayed;
    }

    /** Trained parameters AdamW does not decay. */
    public List<Parameter> notDecayed() {
        return notDecayed;
    }

    /** Parameters that are not trained. */
    public List<Parameter> frozen() {
        return frozen;
    }

    /** Names of the trained parameters, in buffer order (what to ask autodiff for). */
    public List<String> trainableNames() {
        return trainable.stream().map(Parameter::name).toList();
    }

    /** Number of trained scalars. */
    public long trainableSize() {
        return decayedLength + Parameters.count(notDecayed);
    }

    /** The gradient views by parameter name (what {@link #setGradients} fills). */
    public Map<String, INDArray> gradients() {
        return gradientViews;
    }

    /** Replaces the gradients with {@code grads}, which must hold every trainable parameter. */
    public void setGradients(Map<String, INDArray> grads) {
        transfer(grads, false);
    }

    /** Adds {@code grads} (every trainable parameter) to the gradients, for accumulation. */
    public void addGradients(Map<String, INDArray> grads) {
        transfer(grads, true);
    }

    private void transfer(Map<String, INDArray> grads, boolean add) {
        for (Map.Entry<String, INDArray> e : gradientViews.entrySet()) {
            INDArray g = grads.get(e.getKey());
            if (g == null) {
                throw new IllegalStateException("no gradient was computed for trainable parameter " + e.getKey());
            }
            if (g.length() != e.getValue().length()) {
                throw new IllegalStateException("gradient of " + e.getKey() + " has shape " + Arrays.toString(g.shape())
                        + ", the parameter " + Arrays.toString(e.getValue().shape()));
            }
            INDArray shaped = Arrays.equals(g.shape(), e.getValue().shape()) ? g : g.reshape(e.getValue().shape());
            if (add) {
                e.getValue().addi(shaped);
            } else {
                e.getValue().assign(shaped);
            }
        }
    }

    /** Sets every gradient to zero. */
    public void zeroGradients() {
        gradients.assign(0);
    }

    /** Multiplies every gradient by {@code factor}. */
    public void scaleGradients(double factor) {
        gradients.muli(factor);
    }

    /**
     * The L2 norm of all gradients together. Accumulated in double precision (a DOUBLE output makes
     * libnd4j accumulate in double): a float running sum over hundreds of thousands of squares
     * loses a few parts in 10⁴, more than the parity with PyTorch allows.
     */
    public double gradientNorm() {
        INDArray norm = Nd4j.scalar(DataType.DOUBLE, 0.0);
        Nd4j.exec(new Norm2(gradients, norm));
        return norm.getDouble();
    }

    /**
     * Clips the global gradient norm as {@code torch.nn.utils.clip_grad_norm_}: when the L2 norm of
     * all gradients together exceeds {@code maxNorm}, they are scaled by {@code maxNorm / (norm + 1e-6)}.
     *
     * @return the norm before clipping
     */
    public double clipGradientNorm(double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("maximum gradient norm must be positive, was " + maxNorm);
        }
        double norm = gradientNorm();
        double coefficient = maxNorm / (norm + 1e-6);
        if (coefficient < 1) {
            gradients.muli(coefficient);
        }
        return norm;
    }

    /** The flat values of the decayed segment. */
    INDArray decayedValues() {
        return segment(values, 0, decayedLength);
    }

    /** The flat values of the not-decayed segment. */
    INDArray notDecayedValues() {
        return segment(values, decayedLength, trainableSize());
    }

    /** The whole flat gradient buffer (trainable part). */
    INDArray flatGradients() {
        return segment(gradients, 0, trainableSize());
    }

    /** A segment of the gradient buffer. */
    INDArray gradientSegment(long from, long to) {
        return segment(gradients, from, to);
    }

    long decayedLength() {
        return decayedLength;
    }

    static INDArray segment(INDArray flat, long from, long to) {
        return Nd4j.create(flat.data(), new long[] {to - from}, new long[] {1}, from, 'c');
    }
}
