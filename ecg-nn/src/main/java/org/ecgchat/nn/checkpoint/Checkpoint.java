package org.ecgchat.nn.checkpoint;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded checkpoint: its weights, the model configuration file that came with it (if any) and
 * the checkpoint's own metadata (safetensors {@code __metadata__}, or the scalar fields of an
 * open_clip {@code .pt} such as {@code epoch} and {@code name}).
 *
 * @param source the path that was loaded
 * @param stateDict the weights with their original names (DDP's {@code module.} prefix removed)
 * @param config the {@code config.json} of the model folder, if present
 * @param metadata string metadata of the checkpoint
 */
public record Checkpoint(Path source, StateDict stateDict, Optional<Path> config, Map<String, String> metadata) {
    /** Validates and copies the metadata. */
    public Checkpoint {
        metadata = Map.copyOf(metadata);
    }
}
