package org.ecgchat.examples.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;
import org.ecgchat.coca.train.StepMetrics;
import org.ecgchat.eval.classification.Bootstrap;
import org.ecgchat.eval.classification.ClassMetrics;
import org.ecgchat.eval.classification.Metric;
import org.ecgchat.eval.classification.MultiLabelData;
import org.ecgchat.eval.report.ClassificationTables;
import org.ecgchat.eval.report.CurvePlots;
import org.ecgchat.eval.report.EvaluationRun;
import org.ecgchat.eval.report.ScoreTables;
import org.ecgchat.eval.retrieval.RetrievalMetrics;
import org.ecgchat.io.AtomicFiles;
import org.ecgchat.io.plot.EcgPaper;
import org.ecgchat.io.plot.EcgPlotter;
import org.ecgchat.io.plot.Tracing;
import org.ecgchat.io.wfdb.Wfdb;
import org.ecgchat.io.wfdb.WfdbHeader;
import org.ecgchat.io.wfdb.WfdbReader;

/**
 * The report of a demo run: {@code index.html}, one self-contained page (summary, per-condition
 * zero-shot table with ROC and precision-recall curves, retrieval, captions beside the true reports
 * with the ECG plots, loss curve, configuration and timings; images embedded), and beside it the
 * numbers for machines: {@code results.json} (every number of the page), {@code classes.csv} /
 * {@code classes.json} (ecg-eval's per-class tables) and {@code scores.csv} / {@code labels.csv}
 * (the zero-shot score and truth of every test record, which {@code ecg-chat eval --scores
 * scores.csv --labels labels.csv} turns back into the same table). Every file is written
 * atomically, {@code index.html} last.
 */
final class DemoReport {

    static final String INDEX = "index.html";
    static final String RESULTS = "results.json";
    static final String SCORES = "scores.csv";
    static final String LABELS = "labels.csv";
    /** ECG paper at 100 dpi: an A4 page of 1170 × 827 pixels, enough for a screen. */
    private static final EcgPlotter PLOTTER = new EcgPlotter(EcgPaper.STANDARD.withDpi(100));
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DemoReport() {}

    /** The record on ECG paper with its true report as the note, as PNG. */
    static byte[] plot(DemoRecord r) throws IOException {
        try (WfdbReader reader = Wfdb.open(r.record())) {
            WfdbHeader h = reader.header();
            double[][] signals = reader.readPhysical(0, reader.length());
            return png(PLOTTER.renderImage(new Tracing(h.recordName(), h.samplingFrequency(), h.signalNames(), signals,
                    r.report())));
        }
    }

    /**
     * Writes the report into {@code folder}.
     *
     * @param lossCurve the training run's loss-curve PNG (embedded when it exists)
     */
    static void write(DemoResult result, Path folder, Path lossCurve) throws IOException {
        EvaluationRun zeroShot = result.zeroShot();
        ClassificationTables.writeCsv(zeroShot, folder.resolve("classes.csv"));
        ClassificationTables.writeJson(zeroShot, folder.resolve("classes.json"));
        MultiLabelData data = zeroShot.data();
        double[][] scores = new double[data.samples()][data.classes()];
        double[][] labels = new double[data.samples()][data.classes()];
        for (int c = 0; c < data.classes(); c++) {
            double[] s = data.scores(c);
            boolean[] y = data.labels(c);
            for (int i = 0; i < s.length; i++) {
                scores[i][c] = s[i];
                labels[i][c] = y[i] ? 1 : 0;
            }
        }
        writeTable(folder.resolve(SCORES), new ScoreTables.Table(data.classNames(), result.testIds(), scores));
        writeTable(folder.resolve(LABELS), new ScoreTables.Table(data.classNames(), result.testIds(), labels));
        AtomicFiles.write(folder.resolve(RESULTS), JSON.writeValueAsBytes(results(result)));
        byte[] loss = Files.isRegularFile(lossCurve) ? Files.readAllBytes(lossCurve) : null;
        AtomicFiles.write(folder.resolve(INDEX), html(result, loss).getBytes(StandardCharsets.UTF_8));
    }

    private static void writeTable(Path file, ScoreTables.Table table) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            ScoreTables.writeTable(w, table);
            w.flush();
        });
    }

    /** The numbers of the run as JSON. */
    static ObjectNode results(DemoResult r) {
        ObjectNode root = JSON.createObjectNode();
        root.set("settings", JSON.valueToTree(r.settings()));
        root.put("train_records", r.trainRecords()).put("test_records", r.testIds().size())
                .put("train_patients", r.trainPatients()).put("test_patients", r.testPatients())
                .put("vocabulary", r.vocabulary()).put("parameters", r.parameters());
        ObjectNode training = root.putObject("training");
        training.put("planned_steps", r.plannedSteps()).put("steps", r.history().size())
                .put("stopped_early", r.stoppedEarly());
        if (!r.history().isEmpty()) {
            StepMetrics last = r.history().get(r.history().size() - 1);
            training.put("final_loss", last.loss()).put("final_contrastive_loss", last.contrastiveLoss())
                    .put("final_caption_loss", last.captionLoss()).put("logit_scale", last.logitScale())
                    .put("seconds", last.elapsedSeconds());
        }
        ObjectNode zs = root.putObject("zero_shot");
        macro(zs, r, Metric.AUROC, "macro_auroc");
        Bootstrap.Interval ci = r.zeroShot().macroIntervals().get(Metric.AUROC);
        if (ci != null) {
            zs.putArray("macro_auroc_interval").add(ci.lower()).add(ci.upper());
            zs.put("macro_auroc_interval_level", ci.level());
        }
        macro(zs, r, Metric.AVERAGE_PRECISION, "macro_ap");
        macro(zs, r, Metric.MAX_F1, "macro_max_f1");
        ObjectNode perClass = zs.putObject("auroc");
        for (ClassMetrics c : r.zeroShot().report().classes()) {
            if (c.auroc().isPresent()) {
                perClass.put(c.name(), c.auroc().getAsDouble());
            } else {
                perClass.putNull(c.name());
            }
        }
        ObjectNode retrieval = root.putObject("retrieval");
        retrieval(retrieval.putObject("report_to_ecg"), r.retrieval().reportToEcg());
        retrieval(retrieval.putObject("ecg_to_report"), r.retrieval().ecgToReport());
        ArrayNode captions = root.putArray("captions");
        for (DemoResult.CaptionedRecord c : r.captions()) {
            captions.addObject().put("ecg_id", c.id()).put("report", c.report()).put("caption", c.caption());
        }
        root.set("phases", JSON.valueToTree(r.phases()));
        root.put("wall_seconds", r.wallSeconds()).put("cpu_seconds", r.cpuSeconds());
        return root;
    }

    private static void macro(ObjectNode node, DemoResult r, Metric m, String field) {
        OptionalDouble v = r.zeroShot().report().macro(m).value();
        if (v.isPresent()) {
            node.put(field, v.getAsDouble());
        } else {
            node.putNull(field);
        }
    }

    private static void retrieval(ObjectNode node, RetrievalMetrics m) {
        node.put("queries", m.queries()).put("recall_at_1", m.recallAt1()).put("recall_at_5", m.recallAt5())
                .put("recall_at_10", m.recallAt10()).put("median_rank", m.medianRank())
                .put("mean_reciprocal_rank", m.meanReciprocalRank());
    }

    private static String html(DemoResult r, byte[] lossCurve) throws IOException {
        DemoSettings s = r.settings();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>ECG-Chat demo</title>\n<style>"
                + "body{font-family:sans-serif;margin:2em;max-width:1250px}table{border-collapse:collapse;margin:0.5em 0}"
                + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right;vertical-align:top}"
                + "td.t,th.t{text-align:left}img{max-width:100%}pre{background:#f6f6f6;padding:0.6em;overflow-x:auto}"
                + ".warn{color:#a00}.ecg{border:1px solid #ddd;margin:1em 0;padding:0.5em}</style></head><body>\n");
        h.append("<h1>ECG-Chat demo: ECG-CoCa trained from scratch on synthetic ECGs</h1>\n");
        h.append(String.format(Locale.ROOT, "<p>%d synthetic 12-lead records (seed %d): %d for training (%d patients), "
                + "%d held out (%d other patients). A %.2f M-parameter ECG-CoCa with a %d-token WordPiece vocabulary "
                + "learned from the training reports was trained for %d steps in %s, then evaluated on the held-out "
                + "records. The whole run took %s wall-clock and %s of CPU time on %d threads.</p>\n",
                s.records(), s.seed(), r.trainRecords(), r.trainPatients(), r.testIds().size(), r.testPatients(),
                r.parameters() / 1e6, r.vocabulary(), r.history().size(), duration(trainingSeconds(r)),
                duration(r.wallSeconds()), duration(r.cpuSeconds()), s.threads()));
        if (r.stoppedEarly()) {
            h.append(String.format(Locale.ROOT, "<p class=\"warn\">Training stopped after %d of its %d planned steps to "
                    + "keep to the %.1f-minute budget; the numbers below are those of a shorter run and depend on the "
                    + "machine's speed.</p>\n", r.history().size(), r.plannedSteps(), s.minutes()));
        }
        h.append("<table><tr><th class=\"t\">summary</th><th>value</th></tr>\n");
        row(h, "zero-shot macro AUROC (" + r.zeroShot().report().classes().size() + " conditions)",
                r.zeroShot().report().macro(Metric.AUROC).value());
        Bootstrap.Interval ci = r.zeroShot().macroIntervals().get(Metric.AUROC);
        if (ci != null) {
            h.append(String.format(Locale.ROOT, "<tr><td class=\"t\">its %.0f%% bootstrap interval (%d resamples of the "
                    + "test records)</td><td>[%.4f, %.4f]</td></tr>\n", 100 * ci.level(), ci.resamples(), ci.lower(),
                    ci.upper()));
        }
        row(h, "report → ECG Recall@1", OptionalDouble.of(r.retrieval().reportToEcg().recallAt1()));
        row(h, "report → ECG Recall@5", OptionalDouble.of(r.retrieval().reportToEcg().recallAt5()));
        h.append("</table>\n");

        h.append("<h2>Zero-shot diagnosis</h2>\n<p>Each condition is scored as sigmoid(exp(logit_scale) · cos(ECG, "
                + "prompt)), the prompt being the condition's statement as the reports word it. Per-condition metrics "
                + "by ecg-eval (max-F1 over the precision-recall curve, accuracy at its threshold); every score in "
                + "<a href=\"scores.csv\">scores.csv</a> (truth in <a href=\"labels.csv\">labels.csv</a>), the table "
                + "in <a href=\"classes.csv\">classes.csv</a>.</p>\n");
        h.append("<table><tr><th class=\"t\">condition</th><th class=\"t\">prompt</th><th>positives</th>"
                + "<th>negatives</th><th>AUROC</th><th>AP</th><th>max-F1</th><th>accuracy</th></tr>\n");
        List<ClassMetrics> classes = r.zeroShot().report().classes();
        for (int c = 0; c < classes.size(); c++) {
            ClassMetrics m = classes.get(c);
            h.append("<tr><td class=\"t\">").append(esc(m.name())).append("</td><td class=\"t\">")
                    .append(esc(r.prompts().get(c))).append("</td><td>").append(m.positives()).append("</td><td>")
                    .append(m.negatives()).append("</td><td>").append(num(m.auroc())).append("</td><td>")
                    .append(num(m.averagePrecision())).append("</td><td>").append(num(m.maxF1())).append("</td><td>")
                    .append(num(m.accuracy())).append("</td></tr>\n");
        }
        h.append("<tr><th class=\"t\">macro</th><th></th><th></th><th></th><th>")
                .append(num(r.zeroShot().report().macro(Metric.AUROC).value())).append("</th><th>")
                .append(num(r.zeroShot().report().macro(Metric.AVERAGE_PRECISION).value())).append("</th><th>")
                .append(num(r.zeroShot().report().macro(Metric.MAX_F1).value())).append("</th><th>")
                .append(num(r.zeroShot().report().macro(Metric.ACCURACY).value())).append("</th></tr>\n</table>\n<p>");
        image(h, CurvePlots.png(CurvePlots.rocChart(r.zeroShot().data(), "Zero-shot")), "ROC curves");
        image(h, CurvePlots.png(CurvePlots.precisionRecallChart(r.zeroShot().data(), "Zero-shot")),
                "precision-recall curves");
        h.append("</p>\n");

        h.append("<h2>Retrieval</h2>\n<p>Each held-out report is a query over the held-out ECGs (and the other way "
                + "round); a hit is the paired ECG or any ECG with an identical report.</p>\n");
        h.append("<table><tr><th class=\"t\">direction</th><th>queries</th><th>Recall@1</th><th>Recall@5</th>"
                + "<th>Recall@10</th><th>median rank</th><th>MRR</th></tr>\n");
        retrievalRow(h, "report → ECG", r.retrieval().reportToEcg());
        retrievalRow(h, "ECG → report", r.retrieval().ecgToReport());
        h.append("</table>\n");

        h.append("<h2>Captions</h2>\n<p>Greedy decoding from <code>[CLS]</code> by the multimodal decoder, next to "
                + "the true report (the note on each plot).</p>\n");
        for (DemoResult.CaptionedRecord c : r.captions()) {
            h.append("<div class=\"ecg\"><p><b>ecg_id ").append(esc(c.id())).append("</b><br>true report: ")
                    .append(esc(c.report())).append("<br>generated: <b>").append(esc(c.caption())).append("</b></p>");
            image(h, c.plot(), "ECG " + c.id());
            h.append("</div>\n");
        }

        h.append("<h2>Training</h2>\n");
        if (!r.history().isEmpty()) {
            StepMetrics last = r.history().get(r.history().size() - 1);
            h.append(String.format(Locale.ROOT, "<p>%d steps, final loss %.4f (contrastive %.4f, caption %.4f), "
                    + "logit scale %.2f, %.1f pairs/s.</p>\n", last.step(), last.loss(), last.contrastiveLoss(),
                    last.captionLoss(), last.logitScale(), r.history().stream().mapToInt(StepMetrics::samples).sum()
                            / Math.max(1e-9, trainingSeconds(r))));
        }
        if (lossCurve != null) {
            image(h, lossCurve, "loss curve");
        }

        h.append("<h2>Configuration</h2>\n<p>Settings:</p><pre>").append(esc(JSON.writeValueAsString(s)))
                .append("</pre>\n<p>Model (open_clip CoCa JSON):</p><pre>").append(esc(r.model().toJson()))
                .append("</pre>\n<p>Training (open_clip argument names):</p><pre>").append(esc(r.training().toJson()))
                .append("</pre>\n");

        h.append("<h2>Timings</h2>\n<table><tr><th class=\"t\">phase</th><th>wall-clock s</th><th>CPU s</th></tr>\n");
        for (PhaseTimer.Phase p : r.phases()) {
            h.append(String.format(Locale.ROOT, "<tr><td class=\"t\">%s</td><td>%.1f</td><td>%.1f</td></tr>\n",
                    esc(p.name()), p.wallSeconds(), p.cpuSeconds()));
        }
        h.append(String.format(Locale.ROOT, "<tr><th class=\"t\">total</th><th>%.1f</th><th>%.1f</th></tr>\n</table>\n",
                r.wallSeconds(), r.cpuSeconds()));
        h.append("<p>All numbers: <a href=\"results.json\">results.json</a>.</p>\n</body></html>\n");
        return h.toString();
    }

    private static double trainingSeconds(DemoResult r) {
        return r.history().isEmpty() ? 0 : r.history().get(r.history().size() - 1).elapsedSeconds();
    }

    private static byte[] png(java.awt.image.RenderedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer in this JVM");
        }
        return out.toByteArray();
    }

    private static void image(StringBuilder h, byte[] png, String alt) {
        h.append("<img alt=\"").append(esc(alt)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">");
    }

    private static void row(StringBuilder h, String name, OptionalDouble v) {
        h.append("<tr><td class=\"t\">").append(esc(name)).append("</td><td>").append(num(v)).append("</td></tr>\n");
    }

    private static void retrievalRow(StringBuilder h, String name, RetrievalMetrics m) {
        h.append(String.format(Locale.ROOT, "<tr><td class=\"t\">%s</td><td>%d</td><td>%.4f</td><td>%.4f</td>"
                + "<td>%.4f</td><td>%.1f</td><td>%.4f</td></tr>\n", esc(name), m.queries(), m.recallAt1(), m.recallAt5(),
                m.recallAt10(), m.medianRank(), m.meanReciprocalRank()));
    }

    private static String num(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.4f", v.getAsDouble()) : "undefined";
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60) : s + " s";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
