package org.ecgchat.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.ecgchat.eval.report.ClassificationTables;
import org.ecgchat.eval.report.CurvePlots;
import org.ecgchat.eval.report.EvaluationRun;
import org.ecgchat.eval.report.HtmlReport;

/** The files of a classification evaluation (tables, curves, HTML page), as eval and zero-shot write them. */
final class EvalOutputs {

    /** Output formats. */
    enum Format { csv, json, md, html, png }

    private EvalOutputs() {}

    /** Writes the chosen formats into {@code dir}: classes.csv/json/md, roc.png, pr.png, report.html. */
    static void write(EvaluationRun run, Path dir, Set<Format> formats) throws IOException {
        if (formats.contains(Format.csv)) {
            ClassificationTables.writeCsv(run, dir.resolve("classes.csv"));
        }
        if (formats.contains(Format.json)) {
            ClassificationTables.writeJson(run, dir.resolve("classes.json"));
        }
        if (formats.contains(Format.md)) {
            ClassificationTables.writeMarkdown(run, dir.resolve("classes.md"));
        }
        if (formats.contains(Format.png)) {
            CurvePlots.writePng(CurvePlots.rocChart(run.data(), run.title()), dir.resolve("roc.png"));
            CurvePlots.writePng(CurvePlots.precisionRecallChart(run.data(), run.title()), dir.resolve("pr.png"));
        }
        if (formats.contains(Format.html)) {
            HtmlReport.write(run, dir.resolve("report.html"));
        }
    }
}
