package org.ecgchat.examples.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import org.ecgchat.coca.CocaConfig;
import org.ecgchat.coca.train.CocaInitializer;
import org.ecgchat.coca.CocaModel;
import org.ecgchat.coca.EcgRecords;
import org.ecgchat.coca.caption.Caption;
import org.ecgchat.coca.caption.CaptionSettings;
import org.ecgchat.coca.caption.Captioner;
import org.ecgchat.coca.train.CocaExample;
import org.ecgchat.coca.train.CocaTrainer;
import org.ecgchat.coca.train.StepMetrics;
import org.ecgchat.coca.train.TrainConfig;
import org.ecgchat.coca.zeroshot.CocaTextEncoder;
import org.ecgchat.examples.SameDiffOutput;
import org.ecgchat.eval.classification.Bootstrap;
import org.ecgchat.eval.classification.ClassificationEvaluator;
import org.ecgchat.eval.classification.Metric;
import org.ecgchat.eval.classification.MultiLabelData;
import org.ecgchat.eval.report.EvaluationRun;
import org.ecgchat.eval.retrieval.RetrievalEvaluator;
import org.ecgchat.eval.retrieval.RetrievalReport;
import org.ecgchat.eval.zeroshot.ZeroShotClassifier;
import org.ecgchat.eval.zeroshot.ZeroShotResult;
import org.ecgchat.io.preprocess.Preprocessor;
import org.ecgchat.io.synth.Condition;
import org.ecgchat.io.synth.NoiseLevels;
import org.ecgchat.io.synth.SyntheticCohort;
import org.ecgchat.nn.layers.Parameters;
import org.ecgchat.nn.tokenize.BertTokenizer;
import org.ecgchat.nn.tokenize.WordPieceVocabularyBuilder;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ECG-Chat's encoder end to end on a fresh machine, with nothing downloaded: generate a labelled
 * synthetic cohort, learn a WordPiece vocabulary from its training reports, train a small
 * ECG-CoCa from scratch, then evaluate it on held-out patients — zero-shot diagnosis of every
 * condition with report-style class prompts, report ↔ ECG retrieval and captions — and write an
 * HTML report. Every random choice follows from the seed (see {@code docs/demo.md} for what
 * the thread count may change).
 *
 * <p>Output folders under {@code out}: {@code data/} (the dataset), {@code model/} (trained
 * weights, {@code config.json} and {@code vocab.txt}, loadable by the {@code zero-shot},
 * {@code retrieve} and {@code caption} commands), {@code train/} (metrics log, loss curve,
 * training configuration) and {@code report/} (the self-contained report).
 */
public final class Demo {

    /** Test records embedded or captioned per forward pass. */
    private static final int EVAL_BATCH = 32;
    /** Resamples of the bootstrap interval of the macro AUROC. */
    private static final int BOOTSTRAP_RESAMPLES = 1000;
    /** Share of training pairs that keep their whole report (see {@link StatementSampledBatches}). */
    private static final double WHOLE_REPORT_SHARE = 0.5;
    /** Share of the budget kept for evaluation and the report after training. */
    private static final double EVALUATION_SHARE = 0.12;

    private final DemoSettings settings;
    private final DemoConsole console;
    private final PhaseTimer timer = new PhaseTimer();

    public Demo(DemoSettings settings, DemoConsole console) {
        this.settings = settings;
        this.console = console;
    }

    /** Runs every phase and returns what was measured; the report is written when this returns. */
    public DemoResult run() throws IOException {
        Path out = settings.out();
        Files.createDirectories(out);
        console.info("writing into " + out.toAbsolutePath());
        Nd4j.getEnvironment().setMaxThreads(settings.threads());
        Nd4j.getEnvironment().setMaxMasterThreads(settings.threads());

        console.phase(1, "Generating " + settings.records() + " synthetic 12-lead records (seed " + settings.seed() + ")");
        timer.start("generate cohort");
        SyntheticCohort.Options options = new SyntheticCohort.Options(settings.records(), settings.seed(), 0.2,
                NoiseLevels.TYPICAL);
        DemoCohort cohort;
        try (DemoConsole.Bar bar = console.bar("synth", settings.records(), "records")) {
            cohort = DemoCohort.generate(out.resolve("data"), options, settings.threads(), bar::step);
        }
        if (cohort.train().size() < settings.batchSize()) {
            throw new IllegalArgumentException(cohort.train().size() + " training records do not fill one batch of "
                    + settings.batchSize() + " (use more records or a smaller batch)");
        }
        int trainPatients = distinctPatients(cohort.train());
        int testPatients = distinctPatients(cohort.test());
        console.info(String.format(Locale.ROOT, "%d training records (%d patients), %d test records (%d patients)",
                cohort.train().size(), trainPatients, cohort.test().size(), testPatients));

        console.phase(2, "Learning a WordPiece vocabulary from the training reports");
        timer.start("vocabulary");
        Path modelDir = out.resolve("model");
        Files.createDirectories(modelDir);
        List<String> vocabulary = WordPieceVocabularyBuilder.uncased()
                .build(cohort.train().stream().map(DemoRecord::report).toList());
        Path vocabTxt = modelDir.resolve("vocab.txt");
        WordPieceVocabularyBuilder.writeVocabTxt(vocabulary, vocabTxt);
        BertTokenizer tokenizer = BertTokenizer.load(vocabTxt);
        CocaConfig config = DemoModel.config(vocabulary.size(), settings.ecgLayers());
        console.info(vocabulary.size() + " tokens; longest training report: "
                + cohort.train().stream().mapToInt(r -> tokenizer.encode(r.report()).length).max().orElse(0) + " tokens");

        console.phase(3, "Reading and preparing the records");
        timer.start("read records");
        List<float[][]> trainSignals;
        List<float[][]> testSignals;
        try (DemoConsole.Bar bar = console.bar("read", cohort.train().size() + cohort.test().size(), "records")) {
            trainSignals = signals(cohort.train(), config, bar);
            testSignals = signals(cohort.test(), config, bar);
        }

        timer.start("train");
        List<CocaExample> examples = new ArrayList<>();
        for (int i = 0; i < trainSignals.size(); i++) {
            examples.add(new CocaExample(trainSignals.get(i), cohort.train().get(i).report()));
        }
        StatementSampledBatches batches = new StatementSampledBatches(examples, tokenizer,
                config.text().contextLength(), settings.batchSize(), settings.seed(), WHOLE_REPORT_SHARE);
        TrainConfig training = DemoModel.training(settings.lr(), settings.epochs(), settings.batchSize(),
                batches.batchesPerEpoch(), settings.seed());
        CocaModel initial = CocaInitializer.initialize(config, settings.seed());
        long parameters = Parameters.count(initial.parameters());
        long plannedSteps = (long) batches.batchesPerEpoch() * settings.epochs();
        console.phase(4, String.format(Locale.ROOT, "Training a %.2f M-parameter ECG-CoCa: %d epochs x %d steps of %d pairs",
                parameters / 1e6, settings.epochs(), batches.batchesPerEpoch(), settings.batchSize()));
        double trainingDeadline = settings.minutes() * 60 * (1 - EVALUATION_SHARE);
        List<StepMetrics> history = new ArrayList<>();
        CocaModel model;
        try (DemoConsole.Bar bar = console.bar("train", plannedSteps, "steps");
             CocaTrainer trainer = CocaTrainer.builder(training, batches).model(initial).output(out.resolve("train"))
                     .name("demo").build()) {
            trainer.addListener(m -> {
                history.add(m);
                // SameDiff's arrays hold native memory that only a collection frees; the Java heap
                // barely grows meanwhile, so without this the process would swell by gigabytes and
                // pay for fresh pages on every step (a full collection of the compacted heap is ~20 ms)
                System.gc();
                bar.stepTo(m.step(), String.format(Locale.ROOT, "loss %.3f", m.loss()));
                if (timer.elapsedSeconds() > trainingDeadline && m.step() < m.totalSteps()) {
                    trainer.requestStop();
                }
            });
            SameDiffOutput.quietly(trainer::run);
            model = trainer.model();
        }
        if (history.size() < plannedSteps) {
            console.info(String.format(Locale.ROOT, "stopped after %d of %d steps to keep to the %.1f-minute budget",
                    history.size(), plannedSteps, settings.minutes()));
        }
        model.save(modelDir);

        console.phase(5, "Evaluating on the " + cohort.test().size() + " held-out records");
        timer.start("zero-shot and retrieval");
        double[][] ecgEmbeddings = embed(model, testSignals);
        CocaTextEncoder text = new CocaTextEncoder(model, tokenizer);
        List<String> labels = ConditionPrompts.labels();
        double[][] truth = ConditionPrompts.truth(cohort.test());
        ClassificationEvaluator evaluator = ClassificationEvaluator.defaults();
        ZeroShotResult zeroShot = ZeroShotClassifier.run(labels, ConditionPrompts.prompts(), text, ecgEmbeddings, truth,
                model.logitScale(), evaluator);
        MultiLabelData scored = MultiLabelData.fromRows(labels, zeroShot.scores(), truth);
        EvaluationRun zeroShotRun = new EvaluationRun("Zero-shot diagnosis of held-out synthetic ECGs", scored,
                zeroShot.report(), Map.of(Metric.AUROC, Bootstrap.percentile(scored,
                        Bootstrap.macro(evaluator, Metric.AUROC), BOOTSTRAP_RESAMPLES, 0.95, settings.seed())));
        List<String> reports = cohort.test().stream().map(DemoRecord::report).toList();
        RetrievalReport retrieval = RetrievalEvaluator.evaluate(ecgEmbeddings, text.encode(reports), reports, true);

        timer.start("captions");
        List<Integer> chosen = captionedRecords(cohort.test(), settings.captions());
        List<Caption> captions = caption(model, tokenizer, testSignals, chosen);

        console.phase(6, "Writing the report");
        timer.start("report");
        List<DemoResult.CaptionedRecord> captioned = new ArrayList<>();
        for (int k = 0; k < chosen.size(); k++) {
            DemoRecord r = cohort.test().get(chosen.get(k));
            captioned.add(new DemoResult.CaptionedRecord(r.id(), r.report(), captions.get(k).text(), DemoReport.plot(r)));
        }
        timer.finish();
        Path reportDir = out.resolve("report");
        Files.createDirectories(reportDir);
        DemoResult result = new DemoResult(settings, cohort.train().size(), trainPatients,
                cohort.test().stream().map(DemoRecord::id).toList(), testPatients, vocabulary.size(), config,
                parameters, training, history, plannedSteps, zeroShotRun, zeroShot.prompts(), retrieval, captioned,
                timer.phases(), reportDir.resolve(DemoReport.INDEX));
        DemoReport.write(result, reportDir, out.resolve("train").resolve(CocaTrainer.LOSS_CURVE));
        return result;
    }

    private static int distinctPatients(List<DemoRecord> records) {
        return (int) records.stream().mapToInt(DemoRecord::patientId).distinct().count();
    }

    /** The records prepared for the model (ECG-Chat's evaluation preprocessing), read on the demo's threads. */
    private List<float[][]> signals(List<DemoRecord> records, CocaConfig config, DemoConsole.Bar bar) throws IOException {
        Preprocessor preprocessing = EcgRecords.evaluation(config);
        ForkJoinPool pool = new ForkJoinPool(settings.threads());
        try {
            return pool.submit(() -> records.parallelStream().map(r -> {
                try {
                    float[][] x = EcgRecords.read(r.record(), config, preprocessing);
                    bar.step(1);
                    return x;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the records", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw new IOException("reading the records failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** L2-normalised ECG latents of the records, {@code [records, embed_dim]}. */
    private static double[][] embed(CocaModel model, List<float[][]> signals) {
        List<double[]> rows = new ArrayList<>();
        for (int from = 0; from < signals.size(); from += EVAL_BATCH) {
            INDArray latents = model.encodeEcg(EcgRecords.batch(signals.subList(from,
                    Math.min(signals.size(), from + EVAL_BATCH))));
            rows.addAll(Arrays.asList(latents.toDoubleMatrix()));
        }
        return rows.toArray(double[][]::new);
    }

    /**
     * Which test records to caption: the first record of each condition in turn (so the captions
     * show the variety of findings), then further records in order, {@code n} in all.
     */
    static List<Integer> captionedRecords(List<DemoRecord> test, int n) {
        Set<Integer> chosen = new LinkedHashSet<>();
        for (Condition c : Condition.values()) {
            for (int i = 0; i < test.size() && chosen.size() < n; i++) {
                if (test.get(i).diagnosis().has(c) && !chosen.contains(i)) {
                    chosen.add(i);
                    break;
                }
            }
        }
        for (int i = 0; i < test.size() && chosen.size() < n; i++) {
            chosen.add(i);
        }
        return List.copyOf(chosen);
    }

    /** Greedy captions (up to the context length) of the chosen records. */
    private static List<Caption> caption(CocaModel model, BertTokenizer tokenizer, List<float[][]> signals,
            List<Integer> chosen) {
        if (chosen.isEmpty()) {
            return List.of();
        }
        CaptionSettings greedy = CaptionSettings.greedy().toBuilder().seqLen(DemoModel.CONTEXT_LENGTH).minSeqLen(2).build();
        Captioner captioner = new Captioner(model, tokenizer);
        List<Caption> out = new ArrayList<>();
        for (int from = 0; from < chosen.size(); from += EVAL_BATCH) {
            List<float[][]> batch = chosen.subList(from, Math.min(chosen.size(), from + EVAL_BATCH)).stream()
                    .map(signals::get).toList();
            out.addAll(captioner.caption(EcgRecords.batch(batch), "", greedy, from));
        }
        return out;
    }
}
