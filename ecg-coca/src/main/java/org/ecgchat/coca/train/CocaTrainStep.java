package org.ecgchat.coca.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ecgchat.coca.CocaConfig;
import org.ecgchat.coca.CocaGraph;
import org.ecgchat.coca.CocaLoss;
import org.ecgchat.coca.CocaModel;
import org.ecgchat.nn.checkpoint.StateDict;
import org.ecgchat.nn.layers.Graph;
import org.ecgchat.nn.train.AdamW;
import org.ecgchat.nn.train.Clamp;
import org.ecgchat.nn.train.TrainableParameters;
import org.ecgchat.nn.train.TrainingDivergedException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The optimiser step of ECG-CoCa, as open_clip's {@code train_one_epoch} takes it: forward and
 * backward over the step's batch (or its {@code accum_freq} micro-batches), global-norm clipping,
 * AdamW, and the clamp of {@code logit_scale} to {@code [0, ln 100]}.
 *
 * <p>Gradient accumulation follows open_clip: the step's gradient is that of the loss over all
 * micro-batches together, the contrastive part using every micro-batch's pairs as negatives. The
 * latents of all micro-batches are computed first without gradients; then each micro-batch is run
 * again and autodiff carries the closed-form gradient of the whole batch's contrastive loss with
 * respect to that micro-batch's latents back through the towers ({@link CocaGraph#forAccumulation}).
 * Apart from float rounding, {@code accum_freq = k} over micro-batches of {@code B} is the step of
 * one batch of {@code k·B}.
 *
 * <p>The trained weights live in this object ({@link #model()} is built over them); the model it
 * was created from is not changed. Not thread-safe: one training loop drives it.
 */
public final class CocaTrainStep {

    private static final String LOGIT_SCALE = "logit_scale";

    private final TrainConfig config;
    private final CocaModel model;
    private final CocaLoss loss;
    private final TrainableParameters parameters;
    private final AdamW optimizer;
    private final CocaGraph graph;
    private CocaGraph accumulationGraph;

    /** A step over a copy of {@code initial}'s weights, frozen and decayed as {@code config} says. */
    public CocaTrainStep(CocaModel initial, TrainConfig config) {
        this.config = config;
        CocaConfig architecture = initial.config();
        this.parameters = TrainableParameters.of(initial.parameters(), initial.weights(), config.frozen(architecture),
                config.decayRule());
        this.model = CocaModel.of(architecture, StateDict.of("training weights", parameters.weights()));
        this.loss = config.loss();
        this.optimizer = new AdamW(parameters, config.adamW());
        this.graph = model.newGraph(loss);
    }

    /** The model being trained (its weights change with every step). */
    public CocaModel model() {
        return model;
    }

    /** The weights and their training layout (trainable, decayed, frozen). */
    public TrainableParameters parameters() {
        return parameters;
    }

    public AdamW optimizer() {
        return optimizer;
    }

    /**
     * One optimiser step at learning rate {@code lr} over {@code microBatches} (one batch, or
     * {@code accum_freq} of them).
     *
     * @throws TrainingDivergedException if the loss or the gradient norm is not finite (the weights are then unchanged)
     */
    public StepResult step(List<CocaBatch> microBatches, double lr) {
        if (microBatches.isEmpty()) {
            throw new IllegalArgumentException("a step needs at least one batch");
        }
        double[] losses = microBatches.size() == 1 ? single(microBatches.get(0)) : accumulated(microBatches);
        if (!Double.isFinite(losses[0] + losses[1])) {
            throw new TrainingDivergedException("step " + (optimizer.steps() + 1) + ": loss is not finite (contrastive "
                    + losses[0] + ", caption " + losses[1] + ")");
        }
        double norm = config.gradClipNorm() != null ? parameters.clipGradientNorm(config.gradClipNorm())
                : parameters.gradientNorm();
        if (!Double.isFinite(norm)) {
            throw new TrainingDivergedException("step " + (optimizer.steps() + 1) + ": gradient norm is " + norm
                    + " (loss " + (losses[0] + losses[1]) + ")");
        }
        optimizer.step(lr);
        Clamp.LOGIT_SCALE.apply(parameters.weights());
        INDArray scale = parameters.weights().get(LOGIT_SCALE);
        return new StepResult(losses[0], losses[1], norm, scale == null ? Double.NaN : scale.getDouble());
    }

    private double[] single(CocaBatch batch) {
        // closing the pass hands autodiff's arrays back to the graph's cache for the next step: fresh
        // native memory (zeroed, then page-faulted in) would cost more than the step's arithmetic
        try (Graph.Pass pass = graph.backward(model.inputs(batch.ecg(), batch.text()), parameters.trainableNames(),
                List.of(CocaGraph.CLIP_LOSS, CocaGraph.CAPTION_LOSS))) {
            parameters.setGradients(pass.gradients());
            return new double[] {pass.outputs().get(CocaGraph.CLIP_LOSS).getDouble(),
                pass.outputs().get(CocaGraph.CAPTION_LOSS).getDouble()};
        }
    }

    private double[] accumulated(List<CocaBatch> microBatches) {
        int k = microBatches.size();
        List<Map<String, INDArray>> inputs = new ArrayList<>(k);
        List<INDArray> ecgLatents = new ArrayList<>(k);
        List<INDArray> textLatents = new ArrayList<>(k);
        double[] tokens = new double[k];
        double allTokens = 0;
        for (int j = 0; j < k; j++) {
            CocaBatch b = microBatches.get(j);
            Map<String, INDArray> in = model.inputs(b.ecg(), b.text());
            inputs.add(in);
            Map<String, INDArray> out = graph.output(in, CocaGraph.ECG_LATENT, CocaGraph.TEXT_LATENT, CocaGraph.LABELS);
            ecgLatents.add(out.get(CocaGraph.ECG_LATENT));
            textLatents.add(out.get(CocaGraph.TEXT_LATENT));
            tokens[j] = out.get(CocaGraph.LABELS).neq(model.config().padId()).castTo(DataType.DOUBLE).sumNumber().doubleValue();
            allTokens += tokens[j];
        }
        INDArray scale = parameters.weights().get(LOGIT_SCALE);
        ContrastiveGradient contrastive = ContrastiveGradient.of(Nd4j.concat(0, ecgLatents.toArray(INDArray[]::new)),
                Nd4j.concat(0, textLatents.toArray(INDArray[]::new)), scale.getDouble(), loss.clipWeight());
        if (accumulationGraph == null) {
            accumulationGraph = CocaGraph.forAccumulation(model.config(), p -> parameters.weights().get(p.name()), loss);
        }
        List<String> names = parameters.trainableNames().stream().filter(n -> !n.equals(LOGIT_SCALE)).toList();
        double caption = 0;
        long row = 0;
        for (int j = 0; j < k; j++) {
            long rows = ecgLatents.get(j).size(0);
            Map<String, INDArray> in = new HashMap<>(inputs.get(j));
            in.put(CocaGraph.ECG_LATENT_GRAD, rowsOf(contrastive.ecgGrad(), row, rows));
            in.put(CocaGraph.TEXT_LATENT_GRAD, rowsOf(contrastive.textGrad(), row, rows));
            in.put(CocaGraph.CAPTION_SHARE, Nd4j.scalar((float) (tokens[j] / allTokens)));
            try (Graph.Pass pass = accumulationGraph.backward(in, names, List.of(CocaGraph.CAPTION_LOSS))) {
                Map<String, INDArray> grads = pass.gradients();
                if (names.size() < parameters.trainableNames().size()) {
                    // autodiff of the surrogate does not reach logit_scale; its gradient is set below
                    grads = new HashMap<>(grads);
                    grads.put(LOGIT_SCALE, Nd4j.scalar(0f));
                }
                if (j == 0) {
                    parameters.setGradients(grads);
                } else {
                    parameters.addGradients(grads);
                }
                caption += pass.outputs().get(CocaGraph.CAPTION_LOSS).getDouble() * tokens[j] / allTokens;
            }
            row += rows;
        }
        INDArray scaleGrad = parameters.gradients().get(LOGIT_SCALE);
        if (scaleGrad != null) {
            scaleGrad.assign(contrastive.logitScaleGrad());
        }
        return new double[] {contrastive.loss(), caption};
    }

    private static INDArray rowsOf(INDArray a, long from, long count) {
        return a.get(NDArrayIndex.interval(from, from + count), NDArrayIndex.all()).dup();
    }
}
