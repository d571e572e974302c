package org.ecgchat.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ecgchat.augment.Augmenter;
import org.ecgchat.augment.EcgBatch;
import org.ecgchat.coca.CocaConfig;
import org.ecgchat.coca.CocaModel;
import org.ecgchat.coca.EcgRecords;
import org.ecgchat.coca.train.CocaInitializer;
import org.ecgchat.coca.train.CocaTrainer;
import org.ecgchat.examples.SameDiffOutput;
import org.ecgchat.coca.train.ShuffledBatches;
import org.ecgchat.coca.train.StepMetrics;
import org.ecgchat.io.preprocess.Preprocessor;
import org.ecgchat.nn.checkpoint.Checkpoints;
import org.ecgchat.nn.tokenize.BertTokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ecg-chat train-coca --config run.json [--resume]}: trains ECG-CoCa on the pairs of a CSV
 * file, writing checkpoints, a metrics log and a loss curve under {@code logs/<name>/}.
 */
@Command(name = "train-coca", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Train ECG-CoCa (contrastive + captioning) as open_clip does, from a JSON run file:",
            "training options with open_clip's names (lr, wd, warmup, epochs, batch_size, accum_freq,",
            "grad_clip_norm, lock_text, ...) plus train_data (CSV of WFDB record paths and reports), tokenizer,",
            "model_config / pretrained / pretrained_text, logs and name. Writes logs/<name>/checkpoints/step-N/,",
            "metrics.jsonl and loss.png. Ctrl-C saves a checkpoint before stopping; --resume continues it."})
public final class TrainCocaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "JSON", description = "the run file")
    Path config;

    @Option(names = "--resume", description = "continue from the newest checkpoint of the run's output folder")
    boolean resume;

    @Option(names = "--resume-from", paramLabel = "DIR", description = "continue from this checkpoint folder")
    Path resumeFrom;

    @Option(names = "--output", paramLabel = "DIR", description = "output folder (default: <logs>/<name> of the run file)")
    Path output;

    @Option(names = "--no-progress", description = "no progress bar (log lines only)")
    boolean noProgress;

    @Override
    public Integer call() throws IOException {
        TrainRunConfig run = TrainRunConfig.read(config);
        Path out = output != null ? output : run.output();
        return train(trainer(run, out), out);
    }

    /**
     * The trainer of the run. Built in a method of its own so that the starting model, whose
     * weights the trainer has copied, is garbage once it returns (for ECG-Chat's size, 1.6 GB).
     */
    private CocaTrainer trainer(TrainRunConfig run, Path out) throws IOException {
        Path checkpoint = checkpointToResume(out);
        CocaModel model = checkpoint == null ? initialModel(run) : null;
        CocaConfig architecture = model != null ? model.config() : CocaConfig.read(checkpoint.resolve("config.json"));
        BertTokenizer tokenizer = tokenizer(run, architecture);
        Preprocessor preprocessing = run.preprocess() == null ? EcgRecords.evaluation(architecture)
                : Preprocessor.read(run.preprocess());
        CsvExamples examples = new CsvExamples(run.trainData(), run.csvSeparator(), run.csvEcgKey(),
                run.csvCaptionKey(), architecture, preprocessing);
        ShuffledBatches data = new ShuffledBatches(examples, tokenizer, architecture.text().contextLength(),
                run.train().batchSize(), run.train().seed());
        CocaTrainer.Builder builder = CocaTrainer.builder(run.train(), data).output(out).name(run.name());
        if (run.augmentation() != null) {
            Augmenter augmenter = run.augmentation().augmenter(architecture);
            builder.augmentation((ecg, rng) -> augmenter.apply(EcgBatch.of(ecg), rng).signals());
        }
        return (checkpoint != null ? builder.resume(checkpoint) : builder.model(model)).build();
    }

    private Path checkpointToResume(Path out) throws IOException {
        if (resumeFrom != null) {
            return resumeFrom;
        }
        Optional<Path> latest = CocaTrainer.latestCheckpoint(out);
        if (resume) {
            return latest.orElseThrow(() -> new IllegalArgumentException("--resume: no checkpoint in "
                    + out.resolve(CocaTrainer.CHECKPOINTS)));
        }
        if (latest.isPresent()) {
            throw new IllegalArgumentException(out + " already holds checkpoints of a run (newest " + latest.get()
                    + "); pass --resume to continue it or choose another name or --output");
        }
        return null;
    }

    private static CocaModel initialModel(TrainRunConfig run) throws IOException {
        if (run.pretrained() != null) {
            return CocaModel.load(run.pretrained(), run.modelConfig());
        }
        CocaConfig architecture = run.modelConfig() != null ? run.modelConfig() : CocaConfig.ecgChat();
        CocaModel model = CocaInitializer.initialize(architecture, run.train().seed());
        if (run.pretrainedText() != null) {
            model = CocaInitializer.withTextTower(model, Checkpoints.load(run.pretrainedText()).stateDict());
        }
        return model;
    }

    private static BertTokenizer tokenizer(TrainRunConfig run, CocaConfig architecture) throws IOException {
        Path source = run.tokenizer() != null ? run.tokenizer()
                : run.pretrainedText() != null ? (Files.isDirectory(run.pretrainedText())
                        ? run.pretrainedText() : run.pretrainedText().toAbsolutePath().getParent()) : null;
        if (source == null) {
            throw new IllegalArgumentException(run.trainData().getFileName()
                    + ": the run file needs a tokenizer (vocab.txt, tokenizer.json or a folder with one)");
        }
        BertTokenizer tokenizer = BertTokenizer.load(source);
        if (tokenizer.vocabulary().size() > architecture.text().bertVocabSize()) {
            throw new IllegalArgumentException(source + ": the tokenizer has " + tokenizer.vocabulary().size()
                    + " tokens, more than the model's vocabulary of " + architecture.text().bertVocabSize());
        }
        return tokenizer;
    }

    private int train(CocaTrainer built, Path out) throws IOException {
        CountDownLatch finished = new CountDownLatch(1);
        try (CocaTrainer trainer = built) {
            // Ctrl-C: finish the current step, save, then let the JVM exit
            Thread hook = new Thread(() -> {
                trainer.requestStop();
                try {
                    finished.await(10, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "train-coca-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            Optional<StepMetrics> last;
            TrainingProgressBar bar = noProgress ? null
                    : new TrainingProgressBar("train-coca", trainer.completedSteps(), trainer.totalSteps());
            try {
                if (bar != null) {
                    trainer.addListener(bar);
                }
                // SameDiff prints a line per op while it builds the gradient function
                last = SameDiffOutput.quietly(trainer::run);
            } finally {
                if (bar != null) {
                    bar.close();
                }
                finished.countDown();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for the latch released above
            }
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println("steps: " + trainer.completedSteps() + "/" + trainer.totalSteps()
                    + last.map(m -> String.format(Locale.ROOT, ", last loss %.5f", m.loss())).orElse(""));
            trainer.lastCheckpoint().ifPresent(c -> stdout.println("checkpoint: " + c));
            stdout.println("metrics: " + out.resolve(CocaTrainer.METRICS));
            stdout.println("loss curve: " + out.resolve(CocaTrainer.LOSS_CURVE));
            stdout.flush();
            return 0;
        }
    }
}
