package org.ecgchat.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.ecgchat.nn.checkpoint.Safetensors;
import org.ecgchat.nn.checkpoint.StateDict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ecg-chat zero-shot}, {@code retrieve} and {@code caption} on the fixture model and its WFDB
 * records, with a hand-made vocabulary (0 [PAD], 1 [CLS], 2 [SEP], 3 [UNK], 4 [MASK], 5.. "w5"..) in
 * which the fixture's token ids are words. Expected values come from the fixture's
 * {@code expected.ecg_latent} / {@code expected.text_latent} (independent PyTorch run) and, for the
 * caption, the PyTorch greedy reference of {@code CaptionGeneratorTest}.
 */
class CocaCommandsTest {


    @TempDir
    static Path tmp;

    private static Path fixture;
    private static Path vocab;
    private static List<String> texts;
    private static double[][] ecgLatent;
    private static double[][] textLatent;


    @BeforeAll
    static void setUp() throws IOException {
        String shared = System.getProperty("ecgchat.shared");
        fixture = shared == null ? null : Path.of(shared, "fixtures", "coca");
        assumeTrue(fixture != null && Files.isDirectory(fixture), "CoCa fixture not found; skipping");
        List<String> lines = new ArrayList<>(List.of("[PAD]", "[CLS]", "[SEP]", "[UNK]", "[MASK]"));
        IntStream.range(5, 100).forEach(i -> lines.add("w" + i));
        vocab = Files.write(tmp.resolve("vocab.txt"), lines);
        StateDict c = Safetensors.read(fixture.resolve("case.safetensors"));
        texts = new ArrayList<>();
        for (long[] row : c.get("input.text").toLongMatrix()) {
            StringBuilder s = new StringBuilder();
            for (long id : row) {
                if (id > 2) {
                    s.append(s.length() > 0 ? " " : "").append(id == 3 ? "[UNK]" : "w" + id);
                }
            }
            texts.add(s.toString());
        }
        ecgLatent = c.get("expected.ecg_latent").toDoubleMatrix();
        textLatent = c.get("expected.text_latent").toDoubleMatrix();
    }

    private static String record(int b) {
        return fixture.resolve("records/case0" + b).toString();
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The command words, then the model and tokenizer options, then the rest. */
    private static String[] model(String... rest) {
        List<String> args = new ArrayList<>(List.of(rest));
        int words = 0;
        while (!args.get(words).startsWith("-")) {
            words++;
        }
        args.addAll(words, List.of("--model", fixture.resolve("model.safetensors").toString(), "--tokenizer", vocab.toString()));
        return args.toArray(String[]::new);
    }

    @Test
    void zeroShotScoresRecordsAndEvaluatesAgainstTrueLabels() throws IOException {
        Path sets = Files.writeString(tmp.resolve("sets.json"), "{\"demo\": [\"A_\", \"B\", \"C(s)\"]}");
        Path prompts = Files.writeString(tmp.resolve("prompts.json"), new ObjectMapper().writeValueAsString(
                java.util.Map.of("A", texts.get(0), "B", texts.get(1), "C", texts.get(2))));
        Path truth = Files.writeString(tmp.resolve("truth.csv"), "id,B,C(s),A_,other\ncase02,0,1,1,0\ncase00,0,0,1,1\n"
                + "case01,1,0,0,0\n");
        Path out = tmp.resolve("zs");
        CliRun r = CliRun.of(model("zero-shot", "--labels", "demo", "--label-sets", sets.toString(), "--prompts",
                prompts.toString(), "--labels-csv", truth.toString(), "-o", out.toString(), record(0), record(1),
                record(2)));
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("| A_ |", "AUROC");
        List<String> scores = Files.readAllLines(out.resolve("scores.csv"));
        assertThat(scores.get(0)).isEqualTo("id,A_,B,C(s)");
        double scale = Math.exp(2.6823);
        for (int b = 0; b < 3; b++) {
            String[] cells = scores.get(b + 1).split(",");
            assertThat(cells[0]).isEqualTo(record(b));
            for (int c = 0; c < 3; c++) {
                double expected = 1 / (1 + Math.exp(-scale * dot(ecgLatent[b], textLatent[c])));
                assertThat(Double.parseDouble(cells[c + 1])).isCloseTo(expected, within(1e-4));
            }
        }
        assertThat(out.resolve("classes.csv")).exists();
        assertThat(out.resolve("report.html")).exists();
        assertThat(out.resolve("roc.png")).exists();

        CliRun list = CliRun.of(model("zero-shot", "--labels", "B,A", "--prompts", prompts.toString(), record(1)));
        assertThat(list.exit()).isZero();
        assertThat(list.out().lines().toList()).hasSize(2).first().isEqualTo("id,B,A");
    }

    @Test
    void retrievesReportsForRecordsAndRecordsForReports() throws IOException {
        Path reports = Files.write(tmp.resolve("reports.txt"), texts);
        Path index = tmp.resolve("idx/reports");
        CliRun built = CliRun.of(model("retrieve", "index-reports", "--reports", reports.toString(), "-o", index.toString()));
        assertThat(built.err()).isEmpty();
        assertThat(built.exit()).isZero();
        CliRun found = CliRun.of(model("retrieve", "reports", "--index", index + ".json", "-k", "3", record(0), record(1)));
        assertThat(found.exit()).isZero();
        ObjectMapper json = new ObjectMapper();
        List<String> lines = found.out().lines().toList();
        for (int b = 0; b < 2; b++) {
            JsonNode line = json.readTree(lines.get(b));
            assertThat(line.get("query").asText()).isEqualTo(record(b));
            double[] e = ecgLatent[b];
            List<Integer> order = new ArrayList<>(List.of(0, 1, 2));
            order.sort(Comparator.comparingDouble(c -> -dot(e, textLatent[c])));
            for (int rank = 0; rank < 3; rank++) {
                JsonNode m = line.get("matches").get(rank);
                assertThat(m.get("id").asText()).isEqualTo(Integer.toString(order.get(rank) + 1));
                assertThat(m.get("text").asText()).isEqualTo(texts.get(order.get(rank)));
                assertThat(m.get("score").asDouble()).isCloseTo(dot(e, textLatent[order.get(rank)]), within(1e-4));
            }
        }

        Path ecgIndex = tmp.resolve("ecgs");
        // no text involved: index-ecgs takes no tokenizer
        assertThat(CliRun.of("retrieve", "index-ecgs", "--model", fixture.resolve("model.safetensors").toString(), "-o",
                ecgIndex.toString(), record(0), record(1), record(2)).exit()).isZero();
        CliRun reverse = CliRun.of(model("retrieve", "ecgs", "--index", ecgIndex.toString(), "-k", "1", "-q", texts.get(2)));
        assertThat(reverse.exit()).isZero();
        JsonNode best = json.readTree(reverse.out().lines().findFirst().orElseThrow()).get("matches").get(0);
        int expected = IntStream.range(0, 3).boxed()
                .max(Comparator.comparingDouble(b -> dot(ecgLatent[b], textLatent[2]))).orElseThrow();
        assertThat(best.get("id").asText()).isEqualTo(record(expected));

        CliRun wrongKind = CliRun.of(model("retrieve", "ecgs", "--index", index.toString(), "-q", "w5"));
        assertThat(wrongKind.exit()).isEqualTo(2);
        assertThat(wrongKind.err()).contains("index of reports", "index-ecgs");
    }

    @Test
    void captionsRecordsGreedilyNamedWithOrWithoutTheHeaderExtension() throws IOException {
        Path out = tmp.resolve("captions.jsonl");
        CliRun r = CliRun.of(model("caption", "--strategy", "greedy", "--prefix", "w69", "--seq-len", "12", "--out",
                out.toString(), record(0), record(2) + ".hea"));
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        List<String> lines = Files.readAllLines(out);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("record").asText()).isEqualTo(record(0));
        assertThat(first.get("caption").asText()).isEqualTo("w69 w54 w97 w21 w42 w90 w42 w67 w77 w46");
        assertThat(new ObjectMapper().readTree(lines.get(1)).get("tokens").toString())
                .isEqualTo("[1,69,54,97,21,42,32,21,32,45,21,2]");
    }

    @Test
    void explainsWhatIsMissing() {
        CliRun noTokenizer = CliRun.of("caption", "--model", fixture.resolve("model.safetensors").toString(), record(0));
        assertThat(noTokenizer.exit()).isEqualTo(2);
        assertThat(noTokenizer.err()).contains("--tokenizer");
        CliRun noPrefix = CliRun.of(model("caption", "--strategy", "greedy", record(0)));
        assertThat(noPrefix.exit()).isEqualTo(2);
        assertThat(noPrefix.err()).contains("CLS-pooled");
        CliRun badStrategy = CliRun.of(model("caption", "--strategy", "nucleus", record(0)));
        assertThat(badStrategy.err()).contains("--strategy nucleus");
        CliRun noSet = CliRun.of(model("zero-shot", "--labels", "ptbxl_super_class", "--prompts", vocab.toString(), record(0)));
        assertThat(noSet.exit()).isEqualTo(2);
    }
}
