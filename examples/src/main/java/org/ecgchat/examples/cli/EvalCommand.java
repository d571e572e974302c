package org.ecgchat.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ecgchat.eval.classification.Bootstrap;
import org.ecgchat.eval.classification.ClassificationEvaluator;
import org.ecgchat.eval.classification.ClassificationReport;
import org.ecgchat.eval.classification.Metric;
import org.ecgchat.eval.classification.MultiLabelData;
import org.ecgchat.eval.classification.UndefinedMetricException;
import org.ecgchat.eval.report.ClassificationTables;
import org.ecgchat.eval.report.EvaluationRun;
import org.ecgchat.eval.report.ScoreTables;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ecg-chat eval}: per-class classification tables, curves and an HTML page from a table of
 * scores and labels (CSV pair or JSON).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Computes per-class AUROC, average precision, max-F1 (with its threshold and accuracy),",
            "sensitivity/specificity and macro averages from scores and labels, and writes CSV, JSON,",
            "Markdown, ROC/PR curve PNGs and an HTML page. The Markdown table is also printed."})
public final class EvalCommand implements Callable<Integer> {

    static final class Input {
        @ArgGroup(exclusive = false, multiplicity = "1")
        CsvPair csv;
        @Option(names = "--input", required = true, paramLabel = "JSON",
                description = "JSON {\"classes\": [...], \"scores\": [[...]], \"labels\": [[...]]}, rows per sample")
        Path json;
    }

    static final class CsvPair {
        @Option(names = "--scores", required = true, paramLabel = "CSV",
                description = "scores: header of class names (optional first column 'id'), one row per sample")
        Path scores;
        @Option(names = "--labels", required = true, paramLabel = "CSV", description = "labels 0/1, same header and rows")
        Path labels;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "eval-out",
            description = "output directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--title", defaultValue = "ECG classification", description = "title of the run")
    String title;

    @Option(names = "--threshold", paramLabel = "T",
            description = "fixed decision threshold (score > T) for sensitivity/specificity; default: each class's max-F1 threshold")
    Double threshold;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "0",
            description = "bootstrap resamples for confidence intervals of the macro metrics (0 = none)")
    int bootstrap;

    @Option(names = "--level", defaultValue = "0.95", description = "confidence level (default: ${DEFAULT-VALUE})")
    double level;

    @Option(names = "--seed", defaultValue = "42", description = "bootstrap seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--formats", split = ",", paramLabel = "F",
            description = "outputs among ${COMPLETION-CANDIDATES} (default: all)")
    Set<EvalOutputs.Format> formats = EnumSet.allOf(EvalOutputs.Format.class);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        MultiLabelData data = input.json != null ? ScoreTables.readJson(input.json)
                : ScoreTables.readCsv(input.csv.scores, input.csv.labels);
        ClassificationEvaluator evaluator = threshold == null ? ClassificationEvaluator.defaults()
                : ClassificationEvaluator.defaults().withDecisionThreshold(threshold);
        ClassificationReport report = evaluator.evaluate(data);
        Map<Metric, Bootstrap.Interval> intervals = new EnumMap<>(Metric.class);
        if (bootstrap > 0) {
            for (Metric m : Metric.values()) {
                try {
                    intervals.put(m, Bootstrap.percentile(data, Bootstrap.macro(evaluator.withParallel(false), m),
                            bootstrap, level, seed));
                } catch (UndefinedMetricException e) {
                    spec.commandLine().getErr().println("no confidence interval for " + m.label() + ": " + e.getMessage());
                }
            }
        }
        EvaluationRun run = new EvaluationRun(title, data, report, intervals);
        EvalOutputs.write(run, out, formats);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(ClassificationTables.toMarkdown(run));
        stdout.flush();
        return 0;
    }
}
