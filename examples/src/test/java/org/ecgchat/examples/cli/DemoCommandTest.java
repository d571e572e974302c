package org.ecgchat.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecgchat.coca.CocaModel;
import org.ecgchat.coca.EcgRecords;
import org.ecgchat.coca.zeroshot.CocaTextEncoder;
import org.ecgchat.eval.classification.ClassificationEvaluator;
import org.ecgchat.eval.classification.ClassificationReport;
import org.ecgchat.eval.classification.Metric;
import org.ecgchat.eval.report.ScoreTables;
import org.ecgchat.examples.demo.ConditionPrompts;
import org.ecgchat.io.dataset.EcgDataset;
import org.ecgchat.io.dataset.PtbXl;
import org.ecgchat.io.dataset.Split;
import org.ecgchat.nn.tokenize.BertTokenizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ecg-chat demo} runs every phase on a tiny cohort (a few training steps) and leaves a
 * report whose numbers come from the evaluation of the model it saved: the scores are those the
 * saved model gives the held-out records, the metrics those of the scores, and the page shows them.
 */
class DemoCommandTest {

    @TempDir
    static Path dir;
    static Path out;
    static CliRun run;
    static JsonNode results;
    static String html;

    @BeforeAll
    static void runTheDemo() throws IOException {
        out = dir.resolve("demo");
        run = CliRun.of("demo", "--out", out.toString(), "--records", "44", "--seed", "5", "--epochs", "1",
                "--batch", "8", "--ecg-layers", "1", "--captions", "2", "--threads", "2", "--no-progress");
        assertThat(run.exit()).as(run.err()).isZero();
        Path report = out.resolve("report");
        results = new ObjectMapper().readTree(report.resolve("results.json").toFile());
        html = Files.readString(report.resolve("index.html"));
    }

    @Test
    void runsEveryPhaseAndSaysWhereTheReportIs() {
        assertThat(run.out()).contains("[1/6] Generating 44 synthetic", "[4/6] Training", "[6/6] Writing the report",
                "zero-shot macro AUROC").doesNotContain("Added differentiated op");
        assertThat(run.out()).contains("report: " + out.resolve("report").resolve("index.html").toAbsolutePath());
        int test = results.get("test_records").asInt();
        assertThat(test).isPositive();
        assertThat(results.get("train_records").asInt() + test).isEqualTo(44);
        assertThat(results.at("/training/steps").asInt()).isEqualTo(results.at("/training/planned_steps").asInt())
                .isEqualTo(results.get("train_records").asInt() / 8);
        assertThat(results.at("/training/final_loss").asDouble()).isFinite().isPositive();
        assertThat(results.get("phases")).hasSize(7);
        assertThat(results.get("wall_seconds").asDouble()).isPositive();
    }

    @Test
    void scoresAreTheSavedModelsAndMetricsAreTheScores() throws IOException {
        Path report = out.resolve("report");
        ScoreTables.Table scores = ScoreTables.readTable(report.resolve("scores.csv"));
        assertThat(scores.columns()).isEqualTo(ConditionPrompts.labels());

        // the saved model, asked afresh, gives the same scores to the held-out records
        EcgDataset test = PtbXl.at(out.resolve("data")).split(Split.TEST).read();
        assertThat(scores.ids()).hasSize(test.size());
        try (CocaModel model = CocaModel.load(out.resolve("model"))) {
            BertTokenizer tokenizer = BertTokenizer.load(out.resolve("model/vocab.txt"));
            assertThat(model.config().text().bertVocabSize()).isEqualTo(tokenizer.vocabulary().size());
            List<float[][]> ecgs = new ArrayList<>();
            for (int i = 0; i < test.size(); i++) {
                assertThat(scores.ids().get(i)).isEqualTo(test.get(i).id());
                ecgs.add(EcgRecords.read(test.get(i).record(), model.config(), EcgRecords.evaluation(model.config())));
            }
            double[][] ecg = model.encodeEcg(EcgRecords.batch(ecgs)).toDoubleMatrix();
            double[][] prompts = new CocaTextEncoder(model, tokenizer)
                    .encode(ConditionPrompts.prompts().promptsFor(ConditionPrompts.labels()));
            for (int i = 0; i < ecg.length; i++) {
                for (int c = 0; c < prompts.length; c++) {
                    double expected = 1 / (1 + Math.exp(-model.logitScale() * cosine(ecg[i], prompts[c])));
                    assertThat(scores.values()[i][c]).as("record %s, %s", scores.ids().get(i), scores.columns().get(c))
                            .isCloseTo(expected, within(1e-5));
                }
            }
        }

        // AUROC of the scores, counted pair by pair, is what results.json and the page report
        ClassificationReport table = ClassificationEvaluator.defaults().evaluate(
                ScoreTables.readCsv(report.resolve("scores.csv"), report.resolve("labels.csv")));
        ScoreTables.Table labels = ScoreTables.readTable(report.resolve("labels.csv"));
        for (int c = 0; c < scores.columns().size(); c++) {
            String name = scores.columns().get(c);
            JsonNode reported = results.at("/zero_shot/auroc/" + name);
            double auroc = pairwiseAuroc(scores.values(), labels.values(), c);
            if (Double.isNaN(auroc)) {
                assertThat(reported.isNull()).as(name).isTrue();
            } else {
                assertThat(reported.asDouble()).as(name).isCloseTo(auroc, within(1e-9));
                assertThat(html).contains(String.format(Locale.ROOT, "<td class=\"t\">%s</td><td class=\"t\">%s</td>", name,
                        ConditionPrompts.prompts().promptFor(name)));
            }
        }
        double macro = table.macro(Metric.AUROC).value().orElseThrow();
        assertThat(results.at("/zero_shot/macro_auroc").asDouble()).isEqualTo(macro);
        assertThat(html).contains(String.format(Locale.ROOT, "zero-shot macro AUROC (11 conditions)</td><td>%.4f", macro));
        assertThat(run.out()).contains(String.format(Locale.ROOT, "zero-shot macro AUROC %.4f over 11 conditions", macro));
        JsonNode interval = results.at("/zero_shot/macro_auroc_interval");
        assertThat(interval.get(0).asDouble()).isBetween(0.0, interval.get(1).asDouble());
        assertThat(interval.get(1).asDouble()).isLessThanOrEqualTo(1.0);
        assertThat(html).contains(String.format(Locale.ROOT, "[%.4f, %.4f]", interval.get(0).asDouble(),
                interval.get(1).asDouble()));
    }

    @Test
    void thePageHoldsRetrievalCaptionsPlotsAndTheLossCurve() {
        int test = results.get("test_records").asInt();
        for (String direction : new String[] {"report_to_ecg", "ecg_to_report"}) {
            JsonNode m = results.at("/retrieval/" + direction);
            assertThat(m.get("queries").asInt()).isEqualTo(test);
            assertThat(m.get("recall_at_1").asDouble()).isBetween(0.0, 1.0)
                    .isLessThanOrEqualTo(m.get("recall_at_5").asDouble());
            assertThat(m.get("median_rank").asDouble()).isBetween(1.0, (double) test);
        }
        assertThat(html).contains(String.format(Locale.ROOT, "<td class=\"t\">report → ECG</td><td>%d</td><td>%.4f</td><td>%.4f</td>",
                test, results.at("/retrieval/report_to_ecg/recall_at_1").asDouble(),
                results.at("/retrieval/report_to_ecg/recall_at_5").asDouble()));
        assertThat(results.get("captions")).hasSize(2);
        for (JsonNode c : results.get("captions")) {
            assertThat(c.get("report").asText()).isNotBlank();
            assertThat(html).contains("<b>ecg_id " + c.get("ecg_id").asText() + "</b>", "<img alt=\"ECG " + c.get("ecg_id").asText());
        }
        // every image is embedded: ROC, precision-recall, 2 ECG plots, loss curve
        Matcher images = Pattern.compile("<img alt=\"[^\"]*\" src=\"data:image/png;base64,[A-Za-z0-9+/=]{1000,}\">").matcher(html);
        int count = 0;
        while (images.find()) {
            count++;
        }
        assertThat(count).isEqualTo(5);
        assertThat(html.contains("<h2>Timings</h2>") && html.contains("&quot;embed_dim&quot;")).isTrue();
    }

    @Test
    void neverWritesIntoAnEarlierRun() {
        CliRun again = CliRun.of("demo", "--out", out.toString(), "--records", "44");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains(out + " is not empty (an earlier demo run?)");
    }

    @Test
    void refusesSettingsItCannotRun() {
        CliRun r = CliRun.of("demo", "--out", dir.resolve("zero").toString(), "--epochs", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("epochs must be at least 1, was 0");
        assertThat(dir.resolve("zero")).doesNotExist();
        r = CliRun.of("demo", "--out", dir.resolve("few").toString(), "--records", "3", "--no-progress");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("the demo needs both");
    }

    private static double cosine(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int k = 0; k < a.length; k++) {
            ab += a[k] * b[k];
            aa += a[k] * a[k];
            bb += b[k] * b[k];
        }
        return ab / Math.sqrt(aa * bb);
    }

    /** The share of (positive, negative) pairs ranked right, ties counting half; NaN without both. */
    private static double pairwiseAuroc(double[][] scores, double[][] labels, int c) {
        double right = 0;
        long pairs = 0;
        for (int i = 0; i < scores.length; i++) {
            for (int j = 0; j < scores.length; j++) {
                if (labels[i][c] == 1 && labels[j][c] == 0) {
                    pairs++;
                    right += scores[i][c] > scores[j][c] ? 1 : scores[i][c] == scores[j][c] ? 0.5 : 0;
                }
            }
        }
        return pairs == 0 ? Double.NaN : right / pairs;
    }
}
