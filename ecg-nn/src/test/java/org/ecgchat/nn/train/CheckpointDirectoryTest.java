package org.ecgchat.nn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint folders appear whole or not at all, the newest N are kept, and the latest is found. */
class CheckpointDirectoryTest {

    @TempDir
    Path root;

    private static CheckpointDirectory.Contents file(String text) {
        return folder -> Files.writeString(folder.resolve("state.txt"), text);
    }

    private long entries() throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.count();
        }
    }

    @Test
    void keepsTheNewestAndFindsTheLatest() throws IOException {
        CheckpointDirectory dir = new CheckpointDirectory(root, 2);
        assertThat(dir.latest()).isEmpty();
        for (long step : new long[] {5, 10, 120}) {
            dir.write(step, file("step " + step));
        }
        assertThat(dir.list()).extracting(p -> p.getFileName().toString()).containsExactly("step-00000010", "step-00000120");
        assertThat(dir.latest()).hasValueSatisfying(p -> assertThat(CheckpointDirectory.stepOf(p)).hasValue(120));
        assertThat(Files.readString(dir.latest().get().resolve("state.txt"))).isEqualTo("step 120");
        dir.write(120, file("again"));
        assertThat(Files.readString(root.resolve("step-00000120/state.txt"))).isEqualTo("again");
        assertThat(entries()).isEqualTo(2);
    }

    @Test
    void aFailedSaveLeavesThePreviousCheckpointsAndNoPartialFolder() throws IOException {
        CheckpointDirectory dir = new CheckpointDirectory(root, 3);
        dir.write(1, file("one"));
        assertThatThrownBy(() -> dir.write(2, folder -> {
            Files.writeString(folder.resolve("half.txt"), "half");
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(dir.list()).hasSize(1);
        assertThat(entries()).isEqualTo(1);
        // leftovers of a killed process (a hidden partial folder) are cleaned by the next save
        Files.createDirectories(root.resolve(".partial-step-00000003-x"));
        assertThat(dir.latest()).hasValueSatisfying(p -> assertThat(p.getFileName().toString()).isEqualTo("step-00000001"));
        dir.write(4, file("four"));
        assertThat(entries()).isEqualTo(2);
        assertThatThrownBy(() -> new CheckpointDirectory(root, 0)).hasMessageContaining("at least one");
    }
}
