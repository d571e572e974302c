package org.ecgchat.nn.checkpoint;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An open safetensors file: the header is parsed and validated on {@link #open}; tensors are read on
 * demand with positional reads of just their bytes straight into ND4J memory, so a caller can read
 * a few tensors of a large file, and files and tensors over 2 GB work. Instances are safe for
 * concurrent reads.
 *
 * <p>Format: an unsigned little-endian 64-bit header length N, N bytes of UTF-8 JSON
 * {@code {"__metadata__": {str: str}, name: {"dtype", "shape", "data_offsets": [begin, end]}}}
 * (offsets relative to the byte after the header), then the little-endian tensor data.
 */
public final class SafetensorsFile implements AutoCloseable {
    /** The reference implementation refuses headers above 100 MB; so do we. */
    static final long MAX_HEADER_BYTES = 100_000_000L;

    static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Where one tensor lies in the file. Offsets are relative to the start of the data section. */
    public record Entry(String name, TensorDType dtype, long[] shape, long begin, long end) {
        /** Number of elements. */
        public long numel() {
            return NativeMemory.numel(shape);
        }

        /** Number of data bytes. */
        public long byteLength() {
            return end - begin;
        }

        @Override
        public String toString() {
            return name + " " + dtype + " " + Arrays.toString(shape) + " @[" + begin + ", " + end + ")";
        }
    }

    private final Path path;
    private final FileChannel channel;
    private final long dataStart;
    private final Map<String, Entry> entries;
    private final Map<String, String> metadata;

    private SafetensorsFile(Path path, FileChannel channel, long dataStart, Map<String, Entry> entries,
                            Map<String, String> metadata) {
        this.path = path;
        this.channel = channel;
        this.dataStart = dataStart;
        this.entries = Collections.unmodifiableMap(entries);
        this.metadata = Collections.unmodifiableMap(metadata);
    }

    /**
     * Opens a safetensors file and validates its header against the file's size.
     *
     * @throws CheckpointFormatException if the header is malformed, names an unsupported dtype, or
     *     places a tensor outside the file or over another tensor
     */
    public static SafetensorsFile open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            long size = channel.size();
            if (size < 8) {
                throw fail(path, "file of " + size + " bytes is shorter than the 8-byte header length");
            }
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, lengthBytes, 0);
            long headerLength = lengthBytes.flip().getLong();
            if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || headerLength > size - 8) {
                throw fail(path, "header length " + Long.toUnsignedString(headerLength)
                        + " is impossible for a file of " + size + " bytes (expected 2.." + Math.min(MAX_HEADER_BYTES, size - 8)
                        + "; truncated or not a safetensors file)");
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerLength);
            readFully(channel, header, 8);
            long dataStart = 8 + headerLength;
            Map<String, String> metadata = new LinkedHashMap<>();
            Map<String, Entry> entries = parseHeader(path, header.array(), size - dataStart, metadata);
            return new SafetensorsFile(path, channel, dataStart, entries, metadata);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The file. */
    public Path path() {
        return path;
    }

    /** Tensor names in header order. */
    public List<String> names() {
        return List.copyOf(entries.keySet());
    }

    /** Header entries by name, in header order. */
    public Map<String, Entry> entries() {
        return entries;
    }

    /** The {@code __metadata__} map (empty if absent). */
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * The header entry of a tensor.
     *
     * @throws CheckpointFormatException if there is no such tensor
     */
    public Entry entry(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            throw fail(path, "no tensor '" + name + "' (the file holds " + entries.size() + " tensors)");
        }
        return e;
    }

    /** Reads a tensor with its stored dtype, bit-exactly. */
    public INDArray read(String name) throws IOException {
        Entry e = entry(name);
        INDArray array = NativeMemory.allocate(e.dtype(), e.shape());
        try {
            NativeMemory.readInto(channel, dataStart + e.begin(), ByteOrder.LITTLE_ENDIAN, array);
        } catch (EOFException ex) {
            throw fail(path, "tensor '" + name + "' is cut short (the file shrank after it was opened): "
                    + ex.getMessage());
        }
        return array;
    }

    /** Reads a tensor, widening F16 and BF16 to F32 (exactly); other dtypes are returned as stored. */
    public INDArray readWidened(String name) throws IOException {
        INDArray array = read(name);
        DataType t = array.dataType();
        return t == DataType.FLOAT16 || t == DataType.BFLOAT16 ? array.castTo(DataType.FLOAT) : array;
    }

    /**
     * Reads the selected tensors into a state dict in header order.
     *
     * @param widen whether F16/BF16 tensors become F32
     */
    public StateDict readAll(Predicate<String> names, boolean widen) throws IOException {
        Map<String, INDArray> tensors = new LinkedHashMap<>();
        for (String name : entries.keySet()) {
            if (names.test(name)) {
                tensors.put(name, widen ? readWidened(name) : read(name));
            }
        }
        return StateDict.of(path.toString(), tensors);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static Map<String, Entry> parseHeader(Path path, byte[] header, long dataLength,
                                                  Map<String, String> metadata) {
        JsonNode root;
        try {
            root = JSON.readTree(new String(header, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new CheckpointFormatException(path + ": header is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw fail(path, "header is not a JSON object");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String name = field.getKey();
            JsonNode node = field.getValue();
            if (name.equals("__metadata__")) {
                parseMetadata(path, node, metadata);
            } else {
                entries.put(name, parseEntry(path, name, node, dataLength));
            }
        }
        checkNoOverlap(path, entries.values());
        return entries;
    }

    private static void parseMetadata(Path path, JsonNode node, Map<String, String> metadata) {
        if (!node.isObject()) {
            throw fail(path, "__metadata__ must be an object of strings");
        }
        node.properties().forEach(m -> {
            if (!m.getValue().isTextual()) {
                throw fail(path, "__metadata__ field '" + m.getKey() + "' must be a string, found " + m.getValue());
            }
            metadata.put(m.getKey(), m.getValue().asText());
        });
    }

    private static Entry parseEntry(Path path, String name, JsonNode node, long dataLength) {
        String where = "tensor '" + name + "'";
        JsonNode dtypeNode = node.get("dtype");
        JsonNode shapeNode = node.get("shape");
        JsonNode offsets = node.get("data_offsets");
        if (dtypeNode == null || !dtypeNode.isTextual() || shapeNode == null || !shapeNode.isArray()
                || offsets == null || !offsets.isArray() || offsets.size() != 2) {
            throw fail(path, where + ": expected {\"dtype\": str, \"shape\": [int...], \"data_offsets\": [begin, end]}, found " + node);
        }
        TensorDType dtype = TensorDType.ofSafetensorsName(dtypeNode.asText()).orElseThrow(() -> fail(path,
                where + ": unsupported dtype '" + dtypeNode.asText() + "' (supported: "
                        + Arrays.toString(TensorDType.values()) + ")"));
        long[] shape = new long[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.canConvertToExactIntegral() || !d.canConvertToLong() || d.asLong() < 0) {
                throw fail(path, where + ": shape " + shapeNode + " must hold non-negative integers");
            }
            shape[i] = d.asLong();
        }
        long begin = integral(path, where, offsets.get(0));
        long end = integral(path, where, offsets.get(1));
        long expectedBytes;
        try {
            expectedBytes = Math.multiplyExact(NativeMemory.numel(shape), dtype.byteSize());
        } catch (ArithmeticException e) {
            throw fail(path, where + ": shape " + shapeNode + " overflows");
        }
        if (begin < 0 || end < begin || end > dataLength) {
            throw fail(path, where + ": data_offsets [" + begin + ", " + end + "] lie outside the "
                    + dataLength + " data bytes of the file (truncated?)");
        }
        if (end - begin != expectedBytes) {
            throw fail(path, where + ": dtype " + dtype + " and shape " + shapeNode + " need " + expectedBytes
                    + " bytes but data_offsets [" + begin + ", " + end + "] hold " + (end - begin));
        }
        return new Entry(name, dtype, shape, begin, end);
    }

    private static long integral(Path path, String where, JsonNode n) {
        if (n == null || !n.canConvertToExactIntegral() || !n.canConvertToLong()) {
            throw fail(path, where + ": data_offsets must be two integers, found " + n);
        }
        return n.asLong();
    }

    private static void checkNoOverlap(Path path, Iterable<Entry> entries) {
        List<Entry> sorted = new ArrayList<>();
        entries.forEach(e -> {
            if (e.byteLength() > 0) {
                sorted.add(e);
            }
        });
        sorted.sort(Comparator.comparingLong(Entry::begin));
        for (int i = 1; i < sorted.size(); i++) {
            Entry a = sorted.get(i - 1);
            Entry b = sorted.get(i);
            if (b.begin() < a.end()) {
                throw fail(path, "tensors '" + a.name() + "' " + Arrays.toString(new long[] {a.begin(), a.end()})
                        + " and '" + b.name() + "' " + Arrays.toString(new long[] {b.begin(), b.end()}) + " overlap");
            }
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position());
            if (n < 0) {
                throw new CheckpointFormatException("unexpected end of file");
            }
        }
    }

    static CheckpointFormatException fail(Path path, String message) {
        return new CheckpointFormatException(path + ": " + message);
    }
}
