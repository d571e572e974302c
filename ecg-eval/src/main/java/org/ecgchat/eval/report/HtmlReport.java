package org.ecgchat.eval.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import org.ecgchat.eval.classification.Bootstrap;
import org.ecgchat.eval.classification.ClassMetrics;
import org.ecgchat.eval.classification.MacroAverage;
import org.ecgchat.eval.classification.Metric;
import org.ecgchat.io.AtomicFiles;

/**
 * One self-contained HTML page of a run: macro summary with bootstrap intervals, the per-class
 * table with undefined values marked, and the ROC and precision-recall charts embedded as PNG.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    /** The page as a string. */
    public static String render(EvaluationRun run) throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(run.title()))
                .append("</title>\n<style>body{font-family:sans-serif;margin:2em;}table{border-collapse:collapse;}"
                        + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right;}td:first-child,th:first-child"
                        + "{text-align:left;}.undef{color:#999;font-style:italic;}img{max-width:100%;}</style>\n"
                        + "</head><body>\n");
        h.append("<h1>").append(esc(run.title())).append("</h1>\n<p>").append(run.report().samples())
                .append(" samples, ").append(run.report().classes().size()).append(" classes.</p>\n");
        h.append("<h2>Macro averages</h2>\n<table><tr><th>metric</th><th>macro</th><th>classes used</th>"
                + "<th>bootstrap CI</th><th>undefined for</th></tr>\n");
        for (Metric m : Metric.values()) {
            MacroAverage a = run.report().macro(m);
            Bootstrap.Interval ci = run.macroIntervals().get(m);
            h.append("<tr><td>").append(esc(m.label())).append("</td><td>").append(cell(a.value())).append("</td><td>")
                    .append(a.classesUsed()).append("</td><td>")
                    .append(ci == null ? "" : String.format(java.util.Locale.ROOT, "%.0f%% [%.4f, %.4f]",
                            100 * ci.level(), ci.lower(), ci.upper()))
                    .append("</td><td>").append(esc(String.join(", ", a.undefinedClasses()))).append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Per class</h2>\n<table><tr><th>class</th><th>positives</th><th>negatives</th>"
                + "<th>AUROC</th><th>AP</th><th>max-F1</th><th>threshold</th><th>accuracy</th><th>sensitivity</th>"
                + "<th>specificity</th><th>notes</th></tr>\n");
        for (ClassMetrics c : run.report().classes()) {
            h.append("<tr><td>").append(esc(c.name())).append("</td><td>").append(c.positives()).append("</td><td>")
                    .append(c.negatives()).append("</td><td>").append(cell(c.auroc())).append("</td><td>")
                    .append(cell(c.averagePrecision())).append("</td><td>").append(cell(c.maxF1())).append("</td><td>")
                    .append(cell(c.maxF1Threshold())).append("</td><td>").append(cell(c.accuracy())).append("</td><td>")
                    .append(cell(c.sensitivity())).append("</td><td>").append(cell(c.specificity())).append("</td><td>")
                    .append(esc(String.join("; ", c.notes()))).append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Curves</h2>\n");
        image(h, CurvePlots.png(CurvePlots.rocChart(run.data(), run.title())), "ROC curves");
        image(h, CurvePlots.png(CurvePlots.precisionRecallChart(run.data(), run.title())), "precision-recall curves");
        h.append("</body></html>\n");
        return h.toString();
    }

    /** Writes the page. */
    public static void write(EvaluationRun run, Path file) throws IOException {
        AtomicFiles.writeString(file, render(run));
    }

    private static void image(StringBuilder h, byte[] png, String alt) {
        h.append("<p><img alt=\"").append(alt).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\"></p>\n");
    }

    private static String cell(java.util.OptionalDouble v) {
        return v.isPresent() ? ClassificationTables.fmt(v.getAsDouble()) : "<span class=\"undef\">undefined</span>";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
