package org.ecgchat.coca.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ecgchat.coca.CocaModel;
import org.ecgchat.nn.layers.Parameters;
import org.ecgchat.nn.train.CheckpointDirectory;
import org.ecgchat.nn.train.LrSchedule;
import org.ecgchat.nn.train.TrainableParameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains ECG-CoCa as open_clip's training loop does: epochs of shuffled batches, one AdamW step
 * per {@code accum_freq} batches with the learning rate of the configured schedule, progress log
 * lines every {@code log_every_n_steps} steps, and checkpoints every {@code save_frequency} epochs
 * (and {@code save_every_n_steps} steps) from which a killed run resumes exactly: the same data,
 * the same augmentation and therefore the same losses as an uninterrupted run.
 *
 * <p>With an output folder a run writes there:
 * <ul>
 *   <li>{@code checkpoints/step-NNNNNNNN/}: model folder ({@code config.json}, {@code model.safetensors}),
 *       {@code optimizer.safetensors}, {@code trainer.json}; the newest {@code keep_checkpoints} are kept;</li>
 *   <li>{@code metrics.jsonl}: one {@link StepMetrics} JSON object per step;</li>
 *   <li>{@code loss.png}: the loss curve, redrawn at each checkpoint and at the end;</li>
 *   <li>{@code train_config.json}: the configuration, defaults filled in.</li>
 * </ul>
 *
 * <p>The next step's batches are loaded (and augmented) on a background thread while the current
 * step computes. A trainer is driven by one thread; close it to stop that background thread.
 */
public final class CocaTrainer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CocaTrainer.class);

    /** Sub-folder of the output folder holding the checkpoints. */
    public static final String CHECKPOINTS = "checkpoints";
    /** The metrics log in the output folder. */
    public static final String METRICS = "metrics.jsonl";
    /** The loss curve in the output folder. */
    public static final String LOSS_CURVE = "loss.png";
    /** The configuration in the output folder. */
    public static final String CONFIG = "train_config.json";

    private final TrainConfig config;
    private final CocaBatches data;
    private final EcgAugmentation augmentation;
    private final List<TrainingListener> listeners;
    private final String name;
    private final CocaTrainStep trainStep;
    private final LrSchedule schedule;
    private final int batchesPerEpoch;
    private final long stepsPerEpoch;
    private final long totalSteps;
    private final Path output;
    private final CheckpointDirectory checkpoints;
    private final MetricsLog metrics;
    private final ExecutorService loader;

    private long step;
    private long samplesSeen;
    private double elapsedSeconds;
    private long lastSavedStep = -1;
    private Path lastCheckpoint;
    private Future<List<CocaBatch>> prefetched;
    private long prefetchedStep = -1;
    private volatile boolean stopRequested;

    private CocaTrainer(Builder b) throws IOException {
        this.config = b.config;
        this.data = b.data;
        this.augmentation = b.augmentation;
        this.listeners = new ArrayList<>(b.listeners);
        this.name = b.name;
        this.batchesPerEpoch = data.batchesPerEpoch();
        if (batchesPerEpoch < config.accumFreq()) {
            throw new IllegalArgumentException("an epoch of " + batchesPerEpoch + " batches is shorter than accum_freq "
                    + config.accumFreq() + " (use fewer batches per step or more data)");
        }
        this.stepsPerEpoch = batchesPerEpoch / config.accumFreq();
        this.totalSteps = Math.multiplyExact(stepsPerEpoch, (long) config.epochs());
        this.schedule = config.schedule(stepsPerEpoch);

        TrainingCheckpoint.Loaded resumed = b.resume == null ? null : TrainingCheckpoint.read(b.resume);
        CocaModel initial = resumed != null ? resumed.model() : b.model;
        this.trainStep = new CocaTrainStep(initial, config);
        if (resumed != null) {
            TrainerState s = resumed.state();
            checkResumable(b.resume, s);
            trainStep.optimizer().restore(b.resume.resolve(TrainingCheckpoint.OPTIMIZER).toString(),
                    resumed.optimizerState(), resumed.optimizerSteps());
            // copied into the training buffers: free the loaded arrays now rather than at some garbage collection
            resumed.optimizerState().values().forEach(CocaTrainer::free);
            trainStep.parameters().trainable().forEach(p -> free(resumed.model().weights().get(p.name())));
            this.step = s.step();
            this.samplesSeen = s.samplesSeen();
            this.elapsedSeconds = s.elapsedSeconds();
            this.lastSavedStep = s.step();
            this.lastCheckpoint = b.resume;
        }

        this.output = b.output;
        if (output != null) {
            Files.createDirectories(output);
            writeAtomically(output.resolve(CONFIG), config.toJson());
            this.checkpoints = new CheckpointDirectory(output.resolve(CHECKPOINTS), config.keepCheckpoints());
            this.metrics = MetricsLog.open(output.resolve(METRICS), step);
        } else {
            this.checkpoints = null;
            this.metrics = null;
        }
        this.loader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "coca-batch-loader");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts configuring a run of {@code config} over {@code data}. */
    public static Builder builder(TrainConfig config, CocaBatches data) {
        return new Builder(config, data);
    }

    /** The newest checkpoint of a run that wrote into {@code output}, if any. */
    public static Optional<Path> latestCheckpoint(Path output) throws IOException {
        return new CheckpointDirectory(output.resolve(CHECKPOINTS), 1).latest();
    }

    private void checkResumable(Path folder, TrainerState s) {
        List<String> problems = new ArrayList<>();
        if (s.batchesPerEpoch() != batchesPerEpoch) {
            problems.add("the data has " + batchesPerEpoch + " batches per epoch, the checkpoint's run had "
                    + s.batchesPerEpoch());
        }
        if (s.accumFreq() != config.accumFreq()) {
            problems.add("accum_freq is " + config.accumFreq() + ", the checkpoint's run used " + s.accumFreq());
        }
        if (s.seed() != config.seed()) {
            problems.add("seed is " + config.seed() + ", the checkpoint's run used " + s.seed());
        }
        if (s.step() > totalSteps) {
            problems.add("the checkpoint is at step " + s.step() + ", beyond the " + totalSteps + " steps of this run");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("cannot resume from " + folder + " without changing the data position: "
                    + String.join("; ", problems));
        }
        if (!s.trainConfig().equals(config)) {
            LOG.warn("Resuming {} with a different training configuration (was {}, now {})", folder,
                    s.trainConfig().toJson().replaceAll("\\s+", " "), config.toJson().replaceAll("\\s+", " "));
        }
    }

    /** Adds a listener (e.g. a progress bar that needs {@link #totalSteps()} to be built). */
    public void addListener(TrainingListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    /** The model being trained; its weights change with every step. */
    public CocaModel model() {
        return trainStep.model();
    }

    /** The optimiser state and trained weights. */
    public CocaTrainStep trainStep() {
        return trainStep;
    }

    /** Optimiser steps taken so far. */
    public long completedSteps() {
        return step;
    }

    /** Steps of the whole run ({@code epochs × batches per epoch / accum_freq}). */
    public long totalSteps() {
        return totalSteps;
    }

    /** The newest checkpoint written or resumed from, if any. */
    public Optional<Path> lastCheckpoint() {
        return Optional.ofNullable(lastCheckpoint);
    }

    /** Asks {@link #run()} to save a checkpoint and return after the current step (callable from any thread). */
    public void requestStop() {
        stopRequested = true;
    }

    /**
     * Trains until the last step of the last epoch (or a {@linkplain #requestStop stop request}),
     * saving checkpoints as configured and always one at the end.
     *
     * @return the metrics of the last step taken, or empty when the run was already complete
     */
    public Optional<StepMetrics> run() throws IOException {
        logStart();
        StepMetrics last = null;
        while (step < totalSteps && !stopRequested) {
            last = step();
            boolean epochEnd = step % stepsPerEpoch == 0;
            boolean epochSave = epochEnd && config.saveFrequency() > 0 && (step / stepsPerEpoch) % config.saveFrequency() == 0;
            boolean stepSave = config.saveEveryNSteps() != null && step % config.saveEveryNSteps() == 0;
            if (epochSave || stepSave) {
                saveCheckpoint();
            }
        }
        if (output != null && lastSavedStep != step) {
            saveCheckpoint();
        }
        writeLossCurve();
        if (stopRequested && step < totalSteps) {
            LOG.info("Training stopped at step {}/{} on request", step, totalSteps);
        } else {
            LOG.info("Training finished: {} steps, {} samples in {}", step, samplesSeen, duration(elapsedSeconds));
        }
        return Optional.ofNullable(last);
    }

    /**
     * One optimiser step at the current data position: its batches, the learning rate of the
     * schedule, metrics to the log and listeners. Checkpoints are {@link #run()}'s business.
     */
    public StepMetrics step() throws IOException {
        if (step >= totalSteps) {
            throw new IllegalStateException("the run is complete: " + step + " of " + totalSteps + " steps taken");
        }
        long started = System.nanoTime();
        List<CocaBatch> batches = batchesOf(step);
        if (step + 1 < totalSteps) {
            long next = step + 1;
            prefetched = loader.submit(() -> load(next));
            prefetchedStep = next;
        }
        double lr = schedule.lr(step);
        int epoch = (int) (step / stepsPerEpoch);
        StepResult r = trainStep.step(batches, lr);
        double seconds = (System.nanoTime() - started) / 1e9;
        int samples = batches.stream().mapToInt(CocaBatch::size).sum();
        step++;
        samplesSeen += samples;
        elapsedSeconds += seconds;
        StepMetrics m = new StepMetrics(step, totalSteps, epoch, r.loss(), r.contrastiveLoss(), r.captionLoss(), lr,
                r.gradNorm(), r.logitScale(), samples, samples / seconds, elapsedSeconds);
        if (metrics != null) {
            metrics.append(m);
        }
        if (step % config.logEveryNSteps() == 0 || step == totalSteps || step == 1) {
            logProgress(m);
        }
        for (TrainingListener l : listeners) {
            l.onStep(m);
        }
        return m;
    }

    /** Writes a checkpoint of the current state (requires an output folder). */
    public Path saveCheckpoint() throws IOException {
        if (checkpoints == null) {
            throw new IllegalStateException("this trainer has no output folder to save checkpoints in");
        }
        long epoch = step / stepsPerEpoch;
        TrainerState state = new TrainerState(TrainerState.FORMAT, step, (int) epoch, step % stepsPerEpoch,
                stepsPerEpoch, batchesPerEpoch, config.accumFreq(), samplesSeen, Seeds.ALGORITHM, config.seed(),
                elapsedSeconds, config);
        Path folder = checkpoints.write(step, f -> TrainingCheckpoint.write(f, trainStep, state));
        lastSavedStep = step;
        lastCheckpoint = folder;
        LOG.info("Saved checkpoint {}", folder);
        writeLossCurve();
        for (TrainingListener l : listeners) {
            l.onCheckpoint(folder, step);
        }
        return folder;
    }

    private void writeLossCurve() throws IOException {
        if (metrics != null) {
            LossCurve.write(metrics.history(), name + " - loss", output.resolve(LOSS_CURVE));
        }
    }

    private List<CocaBatch> batchesOf(long s) throws IOException {
        if (prefetched != null && prefetchedStep == s) {
            Future<List<CocaBatch>> f = prefetched;
            prefetched = null;
            try {
                return f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while loading the batches of step " + (s + 1), e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof IOException io) {
                    throw io;
                }
                throw new IOException("loading the batches of step " + (s + 1) + " failed", cause);
            }
        }
        return load(s);
    }

    /** The (augmented) batches of step {@code s}: a function of the seed and {@code s} only. */
    private List<CocaBatch> load(long s) {
        int epoch = (int) (s / stepsPerEpoch);
        long first = (s % stepsPerEpoch) * config.accumFreq();
        List<CocaBatch> out = new ArrayList<>(config.accumFreq());
        for (int k = 0; k < config.accumFreq(); k++) {
            CocaBatch b = data.batch(epoch, (int) (first + k));
            if (augmentation != null) {
                long micro = s * config.accumFreq() + k;
                b = new CocaBatch(augmentation.apply(b.ecg(), Seeds.generator(config.seed(), Seeds.AUGMENTATION, micro)),
                        b.text());
            }
            out.add(b);
        }
        return out;
    }

    private void logStart() {
        TrainableParameters p = trainStep.parameters();
        LOG.info("Training {}: {} parameters, {} trained ({} with weight decay), {} frozen; {} epochs x {} steps "
                + "({} batches x accum_freq {}), {}",
                name, Parameters.count(p.parameters()), p.trainableSize(), Parameters.count(p.decayed()),
                Parameters.count(p.frozen()), config.epochs(), stepsPerEpoch, batchesPerEpoch, config.accumFreq(),
                step == 0 ? "from the start" : "resuming at step " + step);
    }

    private void logProgress(StepMetrics m) {
        long inEpoch = (m.step() - 1) % stepsPerEpoch + 1;
        LOG.info(String.format(Locale.ROOT,
                "Train Epoch: %d [%d/%d (%.0f%%)] step %d/%d Loss: %.5f Contrastive_loss: %.5f Caption_loss: %.5f "
                        + "LR: %.6g Grad_norm: %.4g Logit_scale: %.4f Samples/s: %.2f",
                m.epoch(), inEpoch, stepsPerEpoch, 100.0 * inEpoch / stepsPerEpoch, m.step(), m.totalSteps(), m.loss(),
                m.contrastiveLoss(), m.captionLoss(), m.lr(), m.gradNorm(), m.logitScale(), m.samplesPerSecond()));
    }

    private static void free(INDArray array) {
        if (array != null && array.closeable()) {
            array.close();
        }
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public void close() throws IOException {
        loader.shutdownNow();
        if (metrics != null) {
            metrics.close();
        }
    }

    /** Configures a {@link CocaTrainer}: the starting model or a checkpoint to resume, and the optional parts. */
    public static final class Builder {
        private final TrainConfig config;
        private final CocaBatches data;
        private CocaModel model;
        private Path resume;
        private Path output;
        private EcgAugmentation augmentation;
        private final List<TrainingListener> listeners = new ArrayList<>();
        private String name = "coca";

        private Builder(TrainConfig config, CocaBatches data) {
            this.config = Objects.requireNonNull(config, "config");
            this.data = Objects.requireNonNull(data, "data");
        }

        /** Start from this model's weights (they are copied; the model itself is not changed). */
        public Builder model(CocaModel initial) {
            this.model = Objects.requireNonNull(initial);
            return this;
        }

        /** Continue the run saved in this checkpoint folder (weights, optimiser, data position). */
        public Builder resume(Path checkpoint) {
            this.resume = Objects.requireNonNull(checkpoint);
            return this;
        }

        /** Where checkpoints, metrics log and loss curve go; without one nothing is written. */
        public Builder output(Path folder) {
            this.output = Objects.requireNonNull(folder);
            return this;
        }

        /** Augments every training batch's ECGs. */
        public Builder augmentation(EcgAugmentation augmentation) {
            this.augmentation = Objects.requireNonNull(augmentation);
            return this;
        }

        public Builder listener(TrainingListener listener) {
            listeners.add(Objects.requireNonNull(listener));
            return this;
        }

        /** The run's name in logs and on the loss curve. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name);
            return this;
        }

        /**
         * The trainer.
         *
         * @throws IllegalArgumentException when neither or both of a model and a checkpoint are given, or the
         *     checkpoint's data position does not fit this data and configuration
         */
        public CocaTrainer build() throws IOException {
            if ((model == null) == (resume == null)) {
                throw new IllegalArgumentException("give either a model to start from or a checkpoint to resume, not "
                        + (model == null ? "neither" : "both"));
            }
            return new CocaTrainer(this);
        }
    }
}
