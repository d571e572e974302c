package org.ecgchat.nn.checkpoint;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads and writes single safetensors files (the Hugging Face format: a JSON header and raw
 * little-endian tensor data). See {@link SafetensorsFile} for selective reads and
 * {@link ShardedSafetensors} for checkpoints split over several files.
 */
public final class Safetensors {
    private static final int ALIGNMENT = 8;

    private Safetensors() {
    }

    /** Reads every tensor with its stored dtype. */
    public static StateDict read(Path file) throws IOException {
        return read(file, false);
    }

    /** Reads every tensor; with {@code widen}, F16 and BF16 tensors become F32. */
    public static StateDict read(Path file, boolean widen) throws IOException {
        try (SafetensorsFile f = SafetensorsFile.open(file)) {
            return f.readAll(name -> true, widen);
        }
    }

    /** Writes the state dict without metadata. */
    public static void write(Path file, StateDict tensors) throws IOException {
        write(file, tensors, Map.of());
    }

    /**
     * Writes the state dict atomically (temporary file + rename) as the reference library does:
     * tensors ordered by element size (largest first) then name so that every tensor is aligned to
     * its element size, and the header padded with spaces to a multiple of 8 bytes.
     *
     * @param metadata the {@code __metadata__} strings (omitted when empty)
     */
    public static void write(Path file, StateDict tensors, Map<String, String> metadata) throws IOException {
        List<Map.Entry<String, INDArray>> order = new ArrayList<>(tensors.asMap().entrySet());
        order.sort(Comparator.<Map.Entry<String, INDArray>>comparingInt(e -> -e.getValue().dataType().width())
                .thenComparing(Map.Entry::getKey));
        ObjectNode header = SafetensorsFile.JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject("__metadata__");
            metadata.forEach((k, v) -> meta.put(Objects.requireNonNull(k), Objects.requireNonNull(v, k)));
        }
        long offset = 0;
        for (Map.Entry<String, INDArray> e : order) {
            INDArray t = e.getValue();
            TensorDType dtype = TensorDType.of(t.dataType());
            long bytes = t.length() * dtype.byteSize();
            ObjectNode entry = header.putObject(e.getKey());
            entry.put("dtype", dtype.safetensorsName());
            ArrayNode shape = entry.putArray("shape");
            for (long d : t.shape()) {
                shape.add(d);
            }
            entry.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] json = SafetensorsFile.JSON.writeValueAsBytes(header);
        int padded = (json.length + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(json);
        while (head.hasRemaining()) {
            head.put((byte) ' ');
        }
        head.flip();
        AtomicFiles.write(file, channel -> {
            while (head.hasRemaining()) {
                channel.write(head);
            }
            for (Map.Entry<String, INDArray> e : order) {
                NativeMemory.writeFrom(NativeMemory.standalone(e.getValue()), channel);
            }
        });
    }
}
