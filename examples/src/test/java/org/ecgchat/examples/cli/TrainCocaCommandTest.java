package org.ecgchat.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgchat.coca.CocaModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ecg-chat train-coca} trains the fixture's small CoCa from scratch on its WFDB records
 * listed in a CSV, writes checkpoints, metrics and loss curve, refuses to overwrite a run, and
 * continues it with {@code --resume}.
 */
class TrainCocaCommandTest {

    @TempDir
    Path dir;

    private Path fixture() {
        String shared = System.getProperty("ecgchat.shared");
        Path d = shared == null ? null : Path.of(shared, "fixtures", "coca");
        assumeTrue(d != null && Files.isDirectory(d), "CoCa fixture not found; skipping");
        return d;
    }

    private Path runFile(Path fixture, int epochs) throws IOException {
        List<String> vocab = new ArrayList<>(List.of("[PAD]", "[CLS]", "[SEP]", "[UNK]", "[MASK]", "sinus", "rhythm",
                "normal", "ecg", "left", "axis", "deviation", "atrial", "fibrillation"));
        Files.write(dir.resolve("vocab.txt"), vocab);
        List<String> csv = new ArrayList<>(List.of("filepath,title"));
        String[] reports = {"sinus rhythm", "atrial fibrillation", "normal ecg", "left axis deviation"};
        for (int i = 0; i < 6; i++) {
            csv.add(fixture.resolve("records/case0" + (i % 3)) + "," + reports[i % 4]);
        }
        Files.write(dir.resolve("train.csv"), csv);
        Path run = dir.resolve("run.json");
        Files.writeString(run, """
                {"name": "tiny", "logs": "logs", "model_config": "%s", "tokenizer": "vocab.txt",
                 "train_data": "train.csv", "csv_separator": ",",
                 "lr": 1e-3, "warmup": 1, "epochs": %d, "batch_size": 2, "grad_clip_norm": 1.0, "seed": 3,
                 "lock_text": true, "log_every_n_steps": 1, "augmentation": "ecg-chat"}
                """.formatted(fixture.resolve("config.json"), epochs), StandardCharsets.UTF_8);
        return run;
    }

    @Test
    void trainsRefusesToOverwriteAndResumes() throws IOException {
        Path fixture = fixture();
        Path run = runFile(fixture, 1);
        CliRun first = CliRun.of("train-coca", "--config", run.toString(), "--no-progress");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("steps: 3/3", "checkpoint: ", "step-00000003");
        Path out = dir.resolve("logs/tiny");
        assertThat(Files.readAllLines(out.resolve("metrics.jsonl"))).hasSize(3);
        assertThat(out.resolve("loss.png")).isNotEmptyFile();
        // the checkpoint is a model folder
        CocaModel model = CocaModel.load(out.resolve("checkpoints/step-00000003"));
        assertThat(model.config().embedDim()).isEqualTo(32);

        CliRun again = CliRun.of("train-coca", "--config", run.toString(), "--no-progress");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("already holds checkpoints", "--resume");

        Path longer = runFile(fixture, 2);
        CliRun resumed = CliRun.of("train-coca", "--config", longer.toString(), "--resume",
                "--no-progress");
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("steps: 6/6", "step-00000006");
        assertThat(Files.readAllLines(out.resolve("metrics.jsonl"))).hasSize(6);
    }

    @Test
    void badRunFilesAreExplained() throws IOException {
        Path fixture = fixture();
        Path run = runFile(fixture, 1);
        Files.writeString(run, Files.readString(run).replace("\"lr\"", "\"learning_rate\""));
        CliRun r = CliRun.of("train-coca", "--config", run.toString(), "--no-progress");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("run.json", "learning_rate");

        Path noColumn = runFile(fixture, 1);
        Files.writeString(noColumn, Files.readString(noColumn).replace("\"csv_separator\": \",\"", "\"csv_separator\": \";\""));
        r = CliRun.of("train-coca", "--config", noColumn.toString(), "--no-progress");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("train.csv", "no column 'filepath'");
    }
}
