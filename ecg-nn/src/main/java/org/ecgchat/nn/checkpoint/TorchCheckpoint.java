package org.ecgchat.nn.checkpoint;

import java.nio.file.Path;
import java.util.Map;

/** A state dict read from a PyTorch {@code torch.save} file (in progress: refused for now). */
record TorchCheckpoint(StateDict stateDict, Map<String, String> metadata) {
    static TorchCheckpoint read(Path file) {
        throw new CheckpointFormatException(file + ": PyTorch checkpoints are not supported yet");
    }
}
