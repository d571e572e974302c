package org.ecgchat.coca;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates {@code ../shared/fixtures/coca}; tests using it skip with a message when it is absent. */
public final class Fixtures {

    private Fixtures() {}

    public static Path coca() {
        String shared = System.getProperty("ecgchat.shared");
        assumeTrue(shared != null, "system property ecgchat.shared is not set; skipping fixture test");
        Path dir = Path.of(shared, "fixtures", "coca");
        assumeTrue(Files.isDirectory(dir), dir + " is absent; skipping fixture test");
        return dir;
    }
}
