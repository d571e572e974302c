package org.ecgchat.nn.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

class CheckpointsTest {
    @TempDir
    Path dir;

    @Test
    void loadsTheFixtureModelFolderWithItsConfig() throws IOException {
        Path folder = Fixtures.coca();
        Checkpoint c = Checkpoints.load(folder);
        assertThat(c.config()).contains(folder.resolve("config.json").toAbsolutePath());
        assertThat(c.stateDict().size()).isEqualTo(126);
        assertThat(c.stateDict().require("ecg.conv1.weight", 64, 12, 50)).isNotNull();

        Checkpoint file = Checkpoints.load(folder.resolve("model.safetensors"));
        assertThat(file.stateDict().names()).containsExactlyElementsOf(c.stateDict().names());
    }

    @Test
    void stripsTheDistributedDataParallelPrefix() throws IOException {
        Path file = dir.resolve("ddp.safetensors");
        Safetensors.write(file, StateDict.of("x", Map.of("module.a", Nd4j.ones(2), "module.b", Nd4j.ones(3))),
                Map.of("epoch", "3"));
        Checkpoint c = Checkpoints.load(file);
        assertThat(c.stateDict().names()).containsExactlyInAnyOrder("a", "b");
        assertThat(c.metadata()).containsEntry("epoch", "3");
        assertThat(c.config()).isEmpty();
    }

    @Test
    void aFolderWithoutWeightsIsRefusedSayingWhatItNeeds() throws IOException {
        Files.writeString(dir.resolve("config.json"), "{}");
        assertThatThrownBy(() -> Checkpoints.load(dir)).isInstanceOf(CheckpointFormatException.class)
                .hasMessageContaining("model.safetensors");
    }

    @Test
    void writtenFilesGetTheUsualPermissionsNotOwnerOnlyOnes() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions only");
        Path plain = Files.createFile(dir.resolve("plain"));
        Path written = dir.resolve("model.safetensors");
        Safetensors.write(written, StateDict.of("x", Map.of("a", Nd4j.ones(2))));
        assertThat(Files.getPosixFilePermissions(written)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("model.safetensors");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, (FileChannel ch) -> {
            ch.write(ByteBuffer.wrap(new byte[100]));
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}
