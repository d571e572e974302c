package org.ecgchat.coca.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The metrics log of a training run: one JSON object per optimiser step ({@link StepMetrics}),
 * one per line, flushed as written. Opening it for a run resumed at step {@code s} drops the
 * lines of steps after {@code s} (written by the killed process after its last checkpoint), so the
 * log always describes the one run that the checkpoints continue.
 */
final class MetricsLog implements Closeable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final List<StepMetrics> history;
    private final BufferedWriter out;

    private MetricsLog(Path file, List<StepMetrics> history) throws IOException {
        this.file = file;
        this.history = history;
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Opens {@code file} keeping the records of steps up to {@code step} (none for a fresh run). */
    static MetricsLog open(Path file, long step) throws IOException {
        List<StepMetrics> kept = new ArrayList<>();
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> keptLines = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                StepMetrics m;
                try {
                    m = JSON.readValue(line, StepMetrics.class);
                } catch (JsonProcessingException e) {
                    if (i == lines.size() - 1) {
                        break; // a line cut short by a kill
                    }
                    throw new IOException(file + ": line " + (i + 1) + " is not a metrics record: " + e.getOriginalMessage(), e);
                }
                if (m.step() <= step) {
                    kept.add(m);
                    keptLines.add(line);
                }
            }
            if (keptLines.size() != lines.size()) {
                Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
                Files.write(tmp, keptLines, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return new MetricsLog(file, kept);
    }

    Path file() {
        return file;
    }

    /** Every record of the run so far, in step order. */
    List<StepMetrics> history() {
        return List.copyOf(history);
    }

    void append(StepMetrics m) throws IOException {
        history.add(m);
        out.write(JSON.writeValueAsString(m));
        out.newLine();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
