package org.ecgchat.io.dataset;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgchat.io.wfdb.Wfdb;
import org.ecgchat.io.wfdb.WfdbRecord;

/** Builds the small dataset trees the reader tests read, and finds the shared metadata. */
final class TestTrees {
    static final List<String> LEADS = List.of("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6");

    private TestTrees() {
    }

    /** A file under {@code ../shared/ecgchat-metadata}, or the test is skipped when it is absent. */
    static Path metadata(String relative) {
        String shared = System.getProperty("ecgchat.shared");
        Path p = shared == null ? null : Path.of(shared, "ecgchat-metadata", relative);
        assumeTrue(p != null && Files.exists(p), "shared ECG-Chat metadata not found (ecgchat.shared); skipping");
        return p;
    }

    /** Writes a text file, creating its directories. */
    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a test resource of this package to {@code file}. */
    static Path resource(String name, Path file) throws IOException {
        try (InputStream in = TestTrees.class.getResourceAsStream(name)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.copy(in, file);
        }
        return file;
    }

    /**
     * Writes a WFDB record {@code dir/name} of {@code leads} leads and {@code n} samples at 500 Hz,
     * format 16, gain 1000: lead l, sample i holds {@code (seed + 100 l + i % 50) / 1000} mV.
     */
    static Path record(Path dir, String name, int leads, int n, int seed) throws IOException {
        double[][] x = new double[leads][n];
        for (int l = 0; l < leads; l++) {
            for (int i = 0; i < n; i++) {
                x[l][i] = (seed + 100 * l + i % 50) / 1000.0;
            }
        }
        List<String> names = new ArrayList<>(LEADS.subList(0, Math.min(leads, 12)));
        for (int l = 12; l < leads; l++) {
            names.add("X" + l);
        }
        Files.createDirectories(dir);
        Wfdb.write(dir, WfdbRecord.fromPhysical(name, 500, names, "mV", 1000, 16, x));
        return dir.resolve(name);
    }
}
