package org.ecgchat.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.ecgchat.eval.EvalInputException;
import org.ecgchat.eval.classification.Bootstrap;
import org.ecgchat.eval.classification.ClassificationEvaluator;
import org.ecgchat.eval.classification.Metric;
import org.ecgchat.eval.classification.MultiLabelData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables, plots, the HTML page and the input readers: write, read back, compare. */
class ReportsTest {
    @TempDir
    Path dir;

    static EvaluationRun run() {
        MultiLabelData d = MultiLabelData.fromRows(List.of("A", "B", "C"),
                new double[][] {{0.1, 0.3, 0.5}, {0.4, 0.2, 0.5}, {0.35, 0.9, 0.5}, {0.8, 0.1, 0.5}},
                new int[][] {{0, 0, 1}, {0, 0, 0}, {1, 0, 0}, {1, 0, 1}});
        var report = ClassificationEvaluator.defaults().evaluate(d);
        var ci = Bootstrap.percentile(d, Bootstrap.macro(ClassificationEvaluator.defaults(), Metric.AUROC), 50, 0.9, 1);
        return new EvaluationRun("test run", d, report, Map.of(Metric.AUROC, ci));
    }

    @Test
    void csvTableHasOneRowPerClassAndMacroWithUndefinedEmpty() throws Exception {
        Path f = dir.resolve("t.csv");
        ClassificationTables.writeCsv(run(), f);
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(f)).getRecords();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).get("class")).isEqualTo("A");
        assertThat(Double.parseDouble(rows.get(0).get("auroc"))).isEqualTo(0.75);
        assertThat(rows.get(1).get("auroc")).isEmpty();
        assertThat(rows.get(1).get("notes")).contains("no positive samples");
        assertThat(rows.get(3).get("class")).isEqualTo("macro");
        assertThat(Double.parseDouble(rows.get(3).get("auroc"))).isEqualTo(0.625);
        assertThat(dir.toFile().list()).containsExactly("t.csv");
    }

    @Test
    void jsonAndMarkdownCarryTheSameValues() throws Exception {
        Path f = dir.resolve("t.json");
        ClassificationTables.writeJson(run(), f);
        JsonNode j = new ObjectMapper().readTree(f.toFile());
        assertThat(j.get("samples").asInt()).isEqualTo(4);
        assertThat(j.get("classes").get(0).get("auroc").asDouble()).isEqualTo(0.75);
        assertThat(j.get("classes").get(1).get("auroc").isNull()).isTrue();
        assertThat(j.get("macro").get("auroc").get("value").asDouble()).isEqualTo(0.625);
        assertThat(j.get("macro").get("auroc").get("undefined_classes").get(0).asText()).isEqualTo("B");
        assertThat(j.get("macro").get("auroc").get("bootstrap").get("level").asDouble()).isEqualTo(0.9);
        String md = ClassificationTables.toMarkdown(run());
        assertThat(md).contains("| AUROC | 0.6250 | 2/3 |").contains("| B | 0 | 4 | undefined |");
    }

    @Test
    void pngCurvesAndHtmlPage() throws Exception {
        Path roc = dir.resolve("roc.png");
        CurvePlots.writePng(CurvePlots.rocChart(run().data(), "t"), roc);
        BufferedImage img = ImageIO.read(roc.toFile());
        assertThat(img.getWidth()).isEqualTo(800);
        assertThat(img.getHeight()).isEqualTo(640);
        assertThat(CurvePlots.rocClasses(run().data())).containsExactly("A", "C");
        Path html = dir.resolve("run.html");
        HtmlReport.write(run(), html);
        String page = Files.readString(html);
        assertThat(page).contains("<h1>test run</h1>").contains("data:image/png;base64,")
                .contains("<span class=\"undef\">undefined</span>").contains("90% [");
    }

    @Test
    void readsCsvPairAndJson() throws Exception {
        Path s = dir.resolve("s.csv");
        Path y = dir.resolve("y.csv");
        Files.writeString(s, "id,NORM,AFIB\ne1,0.9,0.1\ne2,0.2,0.7\ne3,0.6,0.4\n");
        Files.writeString(y, "id,NORM,AFIB\ne1,1,0\ne2,0,1\ne3,0,0\n");
        MultiLabelData d = ScoreTables.readCsv(s, y);
        assertThat(d.classNames()).containsExactly("NORM", "AFIB");
        assertThat(d.scores(1)).containsExactly(0.1, 0.7, 0.4);
        Path j = dir.resolve("in.json");
        Files.writeString(j, "{\"classes\":[\"NORM\",\"AFIB\"],\"scores\":[[0.9,0.1],[0.2,0.7],[0.6,0.4]],"
                + "\"labels\":[[1,0],[0,1],[0,0]]}");
        MultiLabelData dj = ScoreTables.readJson(j);
        assertThat(ClassificationEvaluator.defaults().evaluate(dj)).isEqualTo(ClassificationEvaluator.defaults().evaluate(d));
    }

    @Test
    void writtenTablesReadBackExactly() throws Exception {
        Path s = dir.resolve("scores.csv");
        ScoreTables.Table withIds = new ScoreTables.Table(List.of("NORM", "A,B"), List.of("e1", "e \"2\""),
                new double[][] {{0.1, 1.0 / 3}, {Double.MIN_VALUE, 0.7}});
        try (var w = Files.newBufferedWriter(s)) {
            ScoreTables.writeTable(w, withIds);
        }
        ScoreTables.Table back = ScoreTables.readTable(s);
        assertThat(back.columns()).isEqualTo(withIds.columns());
        assertThat(back.ids()).isEqualTo(withIds.ids());
        assertThat(back.values()).isDeepEqualTo(withIds.values());
        Path y = dir.resolve("labels.csv");
        try (var w = Files.newBufferedWriter(y)) {
            ScoreTables.writeTable(w, new ScoreTables.Table(List.of("NORM", "A,B"), null, new double[][] {{1, 0}, {0, 1}}));
        }
        assertThat(Files.readAllLines(y)).containsExactly("NORM,\"A,B\"", "1.0,0.0", "0.0,1.0");
        assertThat(ScoreTables.readCsv(s, y).labels(1)).containsExactly(false, true);
    }

    @Test
    void readerErrorsNameFileLineAndColumn() throws Exception {
        Path s = dir.resolve("s.csv");
        Path y = dir.resolve("y.csv");
        Files.writeString(s, "NORM,AFIB\n0.9,0.1\n0.2,abc\n");
        Files.writeString(y, "NORM,AFIB\n1,0\n0,1\n");
        assertThatThrownBy(() -> ScoreTables.readCsv(s, y)).isInstanceOf(EvalInputException.class)
                .hasMessageContaining("s.csv line 3, column 'AFIB': 'abc' is not a number");
        Files.writeString(s, "NORM,AFIB\n0.9,0.1\n0.2,0.3\n");
        Files.writeString(y, "NORM,AFIB\n1,0\n0,2\n");
        assertThatThrownBy(() -> ScoreTables.readCsv(s, y)).isInstanceOf(EvalInputException.class)
                .hasMessageContaining("labels[1][1] (class 'AFIB') is 2.0: expected 0 or 1");
        Files.writeString(y, "NORM,AF\n1,0\n0,1\n");
        assertThatThrownBy(() -> ScoreTables.readCsv(s, y)).isInstanceOf(EvalInputException.class)
                .hasMessageContaining("header [NORM, AF] differs");
        Files.writeString(y, "NORM,AFIB\n1,0\n");
        assertThatThrownBy(() -> ScoreTables.readCsv(s, y)).isInstanceOf(EvalInputException.class)
                .hasMessageContaining("has 2 samples but");
        Files.writeString(y, "NORM,AFIB\n");
        assertThatThrownBy(() -> ScoreTables.readCsv(s, y)).isInstanceOf(EvalInputException.class)
                .hasMessageContaining("no samples below the header");
        Path j = dir.resolve("bad.json");
        Files.writeString(j, "{\"scores\":[[0.1,\"NaN\"]],\"labels\":[[1,0]]}");
        assertThatThrownBy(() -> ScoreTables.readJson(j)).isInstanceOf(EvalInputException.class)
                .hasMessageContaining("bad.json: scores[0][1]").hasMessageContaining("NaN");
    }
}
