package org.ecgchat.nn.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a checkpoint from any of the layouts the project meets:
 * <ul>
 *   <li>a model folder: {@code config.json} plus {@code model.safetensors}, or a sharded
 *       {@code model.safetensors.index.json}, or a PyTorch {@code pytorch_model.bin};</li>
 *   <li>a single {@code .safetensors} file, or a {@code *.safetensors.index.json};</li>
 *   <li>a PyTorch file written by {@code torch.save} ({@code .pt}, {@code .pth}, {@code .bin}),
 *       including open_clip training checkpoints {@code {"epoch", "name", "state_dict"}}.</li>
 * </ul>
 * When every tensor name starts with {@code module.} (a checkpoint saved from a
 * DistributedDataParallel wrapper) the prefix is removed. Tensors keep their stored dtype.
 */
public final class Checkpoints {
    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
    private static final String DDP_PREFIX = "module.";

    private Checkpoints() {
    }

    /**
     * Loads the checkpoint at {@code path}.
     *
     * @throws CheckpointFormatException if the path is not a recognised checkpoint or is malformed
     */
    public static Checkpoint load(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no checkpoint at this path");
        }
        Path weights = Files.isDirectory(path) ? weightsInFolder(path) : path;
        Path dir = weights.toAbsolutePath().getParent();
        Path configFile = dir.resolve("config.json");
        Optional<Path> config = Files.isRegularFile(configFile) ? Optional.of(configFile) : Optional.empty();

        String name = weights.getFileName().toString();
        StateDict stateDict;
        Map<String, String> metadata;
        if (name.endsWith(".safetensors")) {
            try (SafetensorsFile f = SafetensorsFile.open(weights)) {
                stateDict = f.readAll(n -> true, false);
                metadata = f.metadata();
            }
        } else if (name.endsWith(".index.json")) {
            stateDict = ShardedSafetensors.read(weights, false);
            metadata = Map.of();
        } else {
            TorchCheckpoint torch = TorchCheckpoint.read(weights);
            stateDict = torch.stateDict();
            metadata = torch.metadata();
        }
        if (stateDict.allNamesStartWith(DDP_PREFIX)) {
            stateDict = stateDict.stripPrefix(DDP_PREFIX);
        }
        LOG.info("loaded {} tensors from {}", stateDict.size(), weights);
        return new Checkpoint(path, stateDict, config, metadata);
    }

    private static Path weightsInFolder(Path dir) {
        for (String candidate : new String[] {"model.safetensors", ShardedSafetensors.INDEX, "pytorch_model.bin",
                "open_clip_pytorch_model.bin"}) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new CheckpointFormatException(dir + ": a model folder must hold model.safetensors, "
                + ShardedSafetensors.INDEX + " or pytorch_model.bin (beside config.json)");
    }
}
