package org.ecgchat.eval.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ecgchat.eval.classification.Bootstrap;
import org.ecgchat.eval.classification.ClassMetrics;
import org.ecgchat.eval.classification.ConfusionMatrix;
import org.ecgchat.eval.classification.MacroAverage;
import org.ecgchat.eval.classification.Metric;
import org.ecgchat.io.AtomicFiles;

/**
 * The per-class table of a run as CSV, JSON and Markdown. Undefined values are an empty CSV
 * cell, JSON {@code null} and "undefined" in Markdown; the macro row averages the defined
 * classes only.
 */
public final class ClassificationTables {
    static final List<String> COLUMNS = List.of("class", "positives", "negatives", "auroc", "average_precision",
            "max_f1", "max_f1_threshold", "accuracy", "decision_threshold", "tp", "fp", "tn", "fn", "sensitivity",
            "specificity", "notes");

    private ClassificationTables() {
    }

    /** Writes the CSV table: one row per class, then a "macro" row. */
    public static void writeCsv(EvaluationRun run, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            OutputStreamWriter w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n")
                    .setHeader(COLUMNS.toArray(String[]::new)).get())) {
                for (ClassMetrics c : run.report().classes()) {
                    List<Object> row = new ArrayList<>();
                    row.add(c.name());
                    row.add(c.positives());
                    row.add(c.negatives());
                    row.add(csv(c.auroc()));
                    row.add(csv(c.averagePrecision()));
                    row.add(csv(c.maxF1()));
                    row.add(csv(c.maxF1Threshold()));
                    row.add(csv(c.accuracy()));
                    row.add(csv(c.decisionThreshold()));
                    ConfusionMatrix m = c.confusion().orElse(null);
                    row.add(m == null ? "" : m.truePositives());
                    row.add(m == null ? "" : m.falsePositives());
                    row.add(m == null ? "" : m.trueNegatives());
                    row.add(m == null ? "" : m.falseNegatives());
                    row.add(csv(c.sensitivity()));
                    row.add(csv(c.specificity()));
                    row.add(String.join("; ", c.notes()));
                    p.printRecord(row);
                }
                List<Object> macro = new ArrayList<>(List.of("macro", "", ""));
                macro.add(csv(run.report().macro(Metric.AUROC).value()));
                macro.add(csv(run.report().macro(Metric.AVERAGE_PRECISION).value()));
                macro.add(csv(run.report().macro(Metric.MAX_F1).value()));
                macro.add("");
                macro.add(csv(run.report().macro(Metric.ACCURACY).value()));
                macro.addAll(List.of("", "", "", "", ""));
                macro.add(csv(run.report().macro(Metric.SENSITIVITY).value()));
                macro.add(csv(run.report().macro(Metric.SPECIFICITY).value()));
                macro.add("");
                p.printRecord(macro);
            }
        });
    }

    /** The JSON document: samples, per-class objects, macro averages and bootstrap intervals. */
    public static ObjectNode toJson(EvaluationRun run) {
        ObjectMapper om = new ObjectMapper();
        ObjectNode root = om.createObjectNode();
        root.put("title", run.title());
        root.put("samples", run.report().samples());
        ArrayNode classes = root.putArray("classes");
        for (ClassMetrics c : run.report().classes()) {
            ObjectNode o = classes.addObject();
            o.put("class", c.name());
            o.put("positives", c.positives());
            o.put("negatives", c.negatives());
            json(o, "auroc", c.auroc());
            json(o, "average_precision", c.averagePrecision());
            json(o, "max_f1", c.maxF1());
            json(o, "max_f1_threshold", c.maxF1Threshold());
            json(o, "accuracy", c.accuracy());
            json(o, "decision_threshold", c.decisionThreshold());
            c.confusion().ifPresentOrElse(m -> {
                ObjectNode cm = o.putObject("confusion");
                cm.put("tp", m.truePositives());
                cm.put("fp", m.falsePositives());
                cm.put("tn", m.trueNegatives());
                cm.put("fn", m.falseNegatives());
            }, () -> o.putNull("confusion"));
            json(o, "sensitivity", c.sensitivity());
            json(o, "specificity", c.specificity());
            ArrayNode notes = o.putArray("notes");
            c.notes().forEach(notes::add);
        }
        ObjectNode macro = root.putObject("macro");
        for (Metric metric : Metric.values()) {
            MacroAverage a = run.report().macro(metric);
            ObjectNode o = macro.putObject(key(metric));
            json(o, "value", a.value());
            o.put("classes_used", a.classesUsed());
            ArrayNode und = o.putArray("undefined_classes");
            a.undefinedClasses().forEach(und::add);
            Bootstrap.Interval ci = run.macroIntervals().get(metric);
            if (ci != null) {
                ObjectNode b = o.putObject("bootstrap");
                b.put("lower", ci.lower());
                b.put("upper", ci.upper());
                b.put("level", ci.level());
                b.put("resamples", ci.resamples());
                b.put("skipped", ci.skipped());
            }
        }
        return root;
    }

    /** Writes {@link #toJson(EvaluationRun)} pretty-printed. */
    public static void writeJson(EvaluationRun run, Path file) throws IOException {
        String text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(run));
        AtomicFiles.writeString(file, text + "\n");
    }

    /** A Markdown table: macro summary first, then one row per class. */
    public static String toMarkdown(EvaluationRun run) {
        StringBuilder sb = new StringBuilder();
        sb.append("| metric | macro | classes used | 95% CI |\n|---|---|---|---|\n");
        for (Metric metric : Metric.values()) {
            MacroAverage a = run.report().macro(metric);
            Bootstrap.Interval ci = run.macroIntervals().get(metric);
            sb.append("| ").append(metric.label()).append(" | ").append(md(a.value())).append(" | ")
                    .append(a.classesUsed()).append('/').append(run.report().classes().size()).append(" | ")
                    .append(ci == null ? "" : "[" + fmt(ci.lower()) + ", " + fmt(ci.upper()) + "]").append(" |\n");
        }
        sb.append("\n| class | pos | neg | AUROC | AP | max-F1 | threshold | accuracy | sensitivity | specificity |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (ClassMetrics c : run.report().classes()) {
            sb.append("| ").append(c.name().replace("|", "\\|")).append(" | ").append(c.positives()).append(" | ")
                    .append(c.negatives()).append(" | ").append(md(c.auroc())).append(" | ")
                    .append(md(c.averagePrecision())).append(" | ").append(md(c.maxF1())).append(" | ")
                    .append(md(c.maxF1Threshold())).append(" | ").append(md(c.accuracy())).append(" | ")
                    .append(md(c.sensitivity())).append(" | ").append(md(c.specificity())).append(" |\n");
        }
        return sb.toString();
    }

    /** Writes {@link #toMarkdown(EvaluationRun)}. */
    public static void writeMarkdown(EvaluationRun run, Path file) throws IOException {
        AtomicFiles.writeString(file, "# " + run.title() + "\n\n" + toMarkdown(run));
    }

    static String key(Metric m) {
        return m.name().toLowerCase(Locale.ROOT);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static String md(OptionalDouble v) {
        return v.isPresent() ? fmt(v.getAsDouble()) : "undefined";
    }

    private static Object csv(OptionalDouble v) {
        return v.isPresent() ? Double.toString(v.getAsDouble()) : "";
    }

    private static void json(ObjectNode o, String field, OptionalDouble v) {
        if (v.isPresent()) {
            o.put(field, v.getAsDouble());
        } else {
            o.putNull(field);
        }
    }
}
