package org.ecgchat.io.delineate;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Real records in {@code ../shared/wfdb-corpus}; tests skip with a message when it is absent. */
final class SharedRecords {

    private SharedRecords() {}

    static Path corpus(String relative) {
        String shared = System.getProperty("ecgchat.shared");
        Path path = shared == null ? null : Path.of(shared, "wfdb-corpus").resolve(relative);
        assumeTrue(path != null && Files.exists(path.resolveSibling(path.getFileName() + ".hea")),
                "WFDB corpus record " + relative + " not found (system property ecgchat.shared=" + shared
                        + "); skipping");
        return path;
    }

    /** MIT-BIH Arrhythmia Database record 100 (30 min, MLII and V5, 360 Hz) with its reference beats. */
    static Path mitdb100() {
        return corpus("wfdb-python/sample-data/100");
    }

    /** LUDB record 1 (10 s, 12 leads, 500 Hz) with per-lead P/QRS/T boundaries in .i .ii ... .v6. */
    static Path ludb1() {
        return corpus("egm/tests/testthat/ludb-ecg");
    }
}
