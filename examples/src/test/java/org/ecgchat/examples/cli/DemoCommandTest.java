package org.ecgchat.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ecgchat.coca.CocaModel;
import org.ecgchat.nn.tokenize.BertTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ecg-chat demo} runs every phase on a tiny cohort (a few training steps) and leaves a
 * report whose numbers are real: finite, in range, and consistent between the page, the JSON and
 * the model it saved.
 */
class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void runsEveryPhaseAndWritesTheReport() throws IOException {
        Path out = dir.resolve("demo");
        WfdbCommandsTest.Run r = WfdbCommandsTest.run("demo", "--out", out.toString(), "--records", "44", "--seed", "5",
                "--epochs", "1", "--batch", "8", "--ecg-layers", "1", "--captions", "2", "--threads", "2",
                "--no-progress");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("[1/6] Generating 44 synthetic", "[4/6] Training", "[6/6] Writing the report",
                "zero-shot macro AUROC").doesNotContain("Added differentiated op");
        Path report = out.resolve("report");
        assertThat(r.out()).contains("report: " + report.resolve("index.html").toAbsolutePath());

        JsonNode results = new ObjectMapper().readTree(report.resolve("results.json").toFile());
        int test = results.get("test_records").asInt();
        assertThat(test).isPositive();
        assertThat(results.get("train_records").asInt() + test).isEqualTo(44);
        assertThat(results.at("/training/steps").asInt()).isEqualTo(results.at("/training/planned_steps").asInt())
                .isEqualTo(results.get("train_records").asInt() / 8);
        assertThat(results.at("/training/final_loss").asDouble()).isFinite().isPositive();
        JsonNode auroc = results.at("/zero_shot/auroc");
        assertThat(auroc.size()).isEqualTo(11);
        auroc.forEach(v -> assertThat(v.isNull() || v.asDouble() >= 0 && v.asDouble() <= 1).as(auroc.toString()).isTrue());
        assertThat(results.at("/zero_shot/macro_auroc").asDouble()).isBetween(0.0, 1.0);
        for (String direction : new String[] {"report_to_ecg", "ecg_to_report"}) {
            JsonNode m = results.at("/retrieval/" + direction);
            assertThat(m.get("queries").asInt()).isEqualTo(test);
            assertThat(m.get("recall_at_1").asDouble()).isBetween(0.0, 1.0)
                    .isLessThanOrEqualTo(m.get("recall_at_5").asDouble());
            assertThat(m.get("median_rank").asDouble()).isBetween(1.0, (double) test);
        }
        assertThat(results.get("captions")).hasSize(2);
        results.get("captions").forEach(c -> assertThat(c.get("report").asText()).isNotBlank());
        assertThat(results.get("phases")).hasSize(7);
        assertThat(results.get("wall_seconds").asDouble()).isPositive();

        String html = Files.readString(report.resolve("index.html"));
        String macro = String.format(java.util.Locale.ROOT, "%.4f", results.at("/zero_shot/macro_auroc").asDouble());
        assertThat(html).contains("<h2>Zero-shot diagnosis</h2>", "CLBBB", "sinus rhythm. left bundle branch block.",
                macro, "<h2>Retrieval</h2>", "<h2>Captions</h2>", "loss.png", "roc.png", "\"embed_dim\"", "<h2>Timings</h2>");
        for (String file : new String[] {"roc.png", "pr.png", "loss.png", "zero-shot.html", "classes.csv"}) {
            assertThat(report.resolve(file)).isNotEmptyFile();
        }
        results.get("captions").forEach(c -> assertThat(report.resolve("ecg-" + c.get("ecg_id").asText() + ".png"))
                .isNotEmptyFile());

        // the saved model and vocabulary load as any other ECG-CoCa
        try (CocaModel model = CocaModel.load(out.resolve("model"))) {
            assertThat(model.config().text().bertVocabSize())
                    .isEqualTo(BertTokenizer.load(out.resolve("model/vocab.txt")).vocabulary().size());
            assertThat(model.config().ecg().layers()).isEqualTo(1);
        }
    }

    @Test
    void refusesSettingsItCannotRun() {
        WfdbCommandsTest.Run r = WfdbCommandsTest.run("demo", "--out", dir.toString(), "--epochs", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("epochs must be at least 1, was 0");
        r = WfdbCommandsTest.run("demo", "--out", dir.resolve("few").toString(), "--records", "3", "--no-progress");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("the demo needs both");
    }
}
