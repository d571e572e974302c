package org.ecgchat.nn.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Checkpoints split over several safetensors files, as Hugging Face writes large models: shards
 * {@code model-00001-of-00003.safetensors}, ... beside an index {@code model.safetensors.index.json}
 * of the form {@code {"metadata": {"total_size": bytes}, "weight_map": {tensor: shard file}}}.
 */
public final class ShardedSafetensors {
    /** File name of the index in a model folder. */
    public static final String INDEX = "model.safetensors.index.json";

    private ShardedSafetensors() {
    }

    /**
     * Reads every tensor listed in the index from its shard, in index order. Every listed tensor
     * must be in its shard, and every shard tensor must be listed.
     *
     * @param widen whether F16/BF16 tensors become F32
     */
    public static StateDict read(Path index, boolean widen) throws IOException {
        Map<String, String> weightMap = weightMap(index);
        Path dir = index.toAbsolutePath().getParent();
        Map<String, List<String>> byShard = new LinkedHashMap<>();
        weightMap.forEach((tensor, shard) -> byShard.computeIfAbsent(shard, s -> new ArrayList<>()).add(tensor));
        Map<String, INDArray> loaded = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> shard : byShard.entrySet()) {
            Path file = shardPath(index, dir, shard.getKey());
            try (SafetensorsFile f = SafetensorsFile.open(file)) {
                Set<String> listed = new HashSet<>(shard.getValue());
                for (String name : f.names()) {
                    if (!listed.contains(name)) {
                        throw new CheckpointFormatException(file + ": tensor '" + name
                                + "' is not listed for this shard in " + index);
                    }
                }
                for (String name : shard.getValue()) {
                    if (!f.entries().containsKey(name)) {
                        throw new CheckpointFormatException(index + ": tensor '" + name + "' is mapped to "
                                + shard.getKey() + " but that shard does not hold it");
                    }
                    loaded.put(name, widen ? f.readWidened(name) : f.read(name));
                }
            } catch (NoSuchFileException e) {
                throw new CheckpointFormatException(index + ": shard " + shard.getKey() + " is missing", e);
            }
        }
        Map<String, INDArray> ordered = new LinkedHashMap<>();
        weightMap.keySet().forEach(name -> ordered.put(name, loaded.get(name)));
        return StateDict.of(index.toString(), ordered);
    }

    /**
     * Writes the state dict as shards of at most {@code maxShardBytes} bytes of tensor data each
     * (a larger tensor gets a shard of its own), then the index. Every file is written atomically,
     * the index last, so a reader never sees an index pointing at missing shards.
     *
     * @return the index file
     */
    public static Path write(Path dir, StateDict tensors, long maxShardBytes, Map<String, String> metadata)
            throws IOException {
        if (maxShardBytes <= 0) {
            throw new IllegalArgumentException("maxShardBytes must be positive: " + maxShardBytes);
        }
        List<Map<String, INDArray>> shards = new ArrayList<>();
        Map<String, INDArray> current = new LinkedHashMap<>();
        long currentBytes = 0;
        long totalBytes = 0;
        for (Map.Entry<String, INDArray> e : tensors.asMap().entrySet()) {
            long bytes = e.getValue().length() * e.getValue().dataType().width();
            if (!current.isEmpty() && currentBytes + bytes > maxShardBytes) {
                shards.add(current);
                current = new LinkedHashMap<>();
                currentBytes = 0;
            }
            current.put(e.getKey(), e.getValue());
            currentBytes += bytes;
            totalBytes += bytes;
        }
        shards.add(current);

        ObjectNode index = SafetensorsFile.JSON.createObjectNode();
        index.putObject("metadata").put("total_size", totalBytes);
        ObjectNode weightMap = index.putObject("weight_map");
        for (int i = 0; i < shards.size(); i++) {
            String name = String.format("model-%05d-of-%05d.safetensors", i + 1, shards.size());
            Safetensors.write(dir.resolve(name), StateDict.of(name, shards.get(i)), metadata);
            shards.get(i).keySet().forEach(t -> weightMap.put(t, name));
        }
        Path indexFile = dir.resolve(INDEX);
        ByteBuffer json = ByteBuffer.wrap(SafetensorsFile.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(index));
        AtomicFiles.write(indexFile, channel -> {
            while (json.hasRemaining()) {
                channel.write(json);
            }
        });
        return indexFile;
    }

    private static Map<String, String> weightMap(Path index) throws IOException {
        JsonNode root;
        try {
            root = SafetensorsFile.JSON.readTree(Files.readString(index));
        } catch (JsonProcessingException e) {
            throw new CheckpointFormatException(index + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode map = root == null ? null : root.get("weight_map");
        if (map == null || !map.isObject() || map.isEmpty()) {
            throw new CheckpointFormatException(index + ": expected a non-empty \"weight_map\" object {tensor: shard file}");
        }
        Map<String, String> weightMap = new LinkedHashMap<>();
        map.properties().forEach(e -> {
            if (!e.getValue().isTextual()) {
                throw new CheckpointFormatException(index + ": weight_map entry '" + e.getKey()
                        + "' must name a shard file, found " + e.getValue());
            }
            weightMap.put(e.getKey(), e.getValue().asText());
        });
        return weightMap;
    }

    /** Resolves a shard name, refusing anything that leaves the index's folder. */
    private static Path shardPath(Path index, Path dir, String shard) {
        Path file = dir.resolve(shard).normalize();
        if (shard.isEmpty() || !file.getParent().equals(dir.normalize())) {
            throw new CheckpointFormatException(index + ": shard name '" + shard
                    + "' must be a file name in the index's folder");
        }
        return file;
    }
}
