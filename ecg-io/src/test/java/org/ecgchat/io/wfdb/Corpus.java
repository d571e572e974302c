package org.ecgchat.io.wfdb;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The shared WFDB test corpus ({@code ../shared/wfdb-corpus}); tests skip when it is absent. */
final class Corpus {
    private Corpus() {
    }

    static Path root() {
        String shared = System.getProperty("ecgchat.shared");
        Path root = shared == null ? null : Path.of(shared, "wfdb-corpus");
        assumeTrue(root != null && Files.isDirectory(root),
                "WFDB corpus not found (system property ecgchat.shared=" + shared + "); skipping");
        return root;
    }

    static Path sample(String record) {
        return root().resolve("wfdb-python/sample-data").resolve(record);
    }

    static Path target(String name) {
        return root().resolve("wfdb-python/tests/target-output").resolve(name);
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    /** Lines of a text file, gunzipped if it ends in .gz. */
    static List<String> lines(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
            List<String> out = new ArrayList<>();
            for (String line; (line = r.readLine()) != null; ) {
                out.add(line);
            }
            return out;
        }
    }

    /** Whitespace-separated tokens of each line. */
    static List<String[]> table(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : lines(file)) {
            rows.add(line.strip().split("\\s+"));
        }
        return rows;
    }
}
