package org.ecgchat.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecgchat.eval.classification.Metric;
import org.ecgchat.examples.demo.Demo;
import org.ecgchat.examples.demo.DemoConsole;
import org.ecgchat.examples.demo.DemoResult;
import org.ecgchat.examples.demo.DemoSettings;
import org.ecgchat.examples.demo.OutputFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecg-chat demo}: the project's main job, from synthetic data to a trained ECG-CoCa and its report. */
@Command(name = "demo", sortOptions = false,
        description = {"Generate a synthetic 12-lead cohort, learn a WordPiece vocabulary from its reports,",
                "train a small ECG-CoCa from scratch on the CPU, evaluate zero-shot diagnosis, retrieval",
                "and captions on held-out patients, and write an HTML report. Nothing is downloaded."})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Where runs go when no --out is given: this folder, or the first free one of DEFAULT_OUT-2, -3, ... */
    static final Path DEFAULT_OUT = Path.of("ecg-chat-demo");

    @Option(names = "--out", paramLabel = "DIR",
            description = {"output folder (data/, model/, train/, report/); must be new or empty.",
                "Default: ecg-chat-demo, or ecg-chat-demo-2, -3, ... if taken"})
    Path out;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--records", defaultValue = "1320", paramLabel = "N",
            description = "synthetic records; fold 10 (about 10%%) is held out (default: ${DEFAULT-VALUE})")
    int records;

    @Option(names = "--minutes", defaultValue = "10", paramLabel = "M",
            description = "time budget; training stops early rather than overrun it (default: ${DEFAULT-VALUE})")
    double minutes;

    @Option(names = "--threads", paramLabel = "T", description = "CPU threads (default: all processors)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--epochs", defaultValue = "6", paramLabel = "E", description = "training epochs (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch", defaultValue = "32", paramLabel = "B", description = "pairs per training step (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", defaultValue = "1e-3", paramLabel = "LR", description = "peak learning rate (default: ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--ecg-layers", defaultValue = "3", paramLabel = "L",
            description = "transformer blocks of the ECG tower (default: ${DEFAULT-VALUE})")
    int ecgLayers;

    @Option(names = "--captions", defaultValue = "6", paramLabel = "K",
            description = "held-out records to caption and plot (default: ${DEFAULT-VALUE})")
    int captions;

    @Option(names = "--no-progress", description = "no progress bars (phase lines only)")
    boolean noProgress;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        // before anything loads ND4J's native library, which reads it once
        OpenMpWaitPolicy.preferPassive();
        DemoSettings settings = new DemoSettings(out != null ? out : DEFAULT_OUT, seed, records, minutes, threads,
                epochs, batch, lr, ecgLayers, captions);
        Path folder = out != null ? OutputFolder.claim(out) : OutputFolder.fresh(DEFAULT_OUT);
        if (!folder.equals(settings.out())) {
            o.printf("%s holds an earlier run; this one goes to %s%n", DEFAULT_OUT, folder);
            settings = settings.withOut(folder);
        }
        DemoResult r = new Demo(settings, new DemoConsole(o, !noProgress && System.console() != null)).run();
        o.printf(Locale.ROOT, "zero-shot macro AUROC %.4f over %d conditions; report -> ECG Recall@1 %.4f, Recall@5 %.4f%n",
                r.zeroShot().report().macro(Metric.AUROC).value().orElse(Double.NaN),
                r.zeroShot().report().classes().size(), r.retrieval().reportToEcg().recallAt1(),
                r.retrieval().reportToEcg().recallAt5());
        o.printf(Locale.ROOT, "%.1f s wall-clock, %.1f s CPU%n", r.wallSeconds(), r.cpuSeconds());
        o.printf("report: %s%n", r.report().toAbsolutePath());
        o.flush();
        return 0;
    }
}
