package org.ecgchat.nn.checkpoint;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.ecgchat.nn.checkpoint.TorchUnpickler.Storage;
import org.ecgchat.nn.checkpoint.TorchUnpickler.TensorRef;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A state dict read from a file written by {@code torch.save}: the zip format of PyTorch ≥ 1.6
 * ({@code <archive>/data.pkl}, {@code <archive>/data/<key>} storages, {@code <archive>/byteorder})
 * or the older single-stream format (magic number, protocol, system info, pickle, storage keys,
 * then each storage as an element count and raw bytes).
 *
 * <p>The file may hold the state dict itself or an open_clip training checkpoint
 * {@code {"epoch", "name", "state_dict", "optimizer", ...}}; then only the state dict's tensors are
 * read and the scalar fields become {@link #metadata()}. Unpickling goes through an allow-list (see
 * {@link TorchUnpickler}): a file naming any other Python global is refused before anything runs.
 *
 * @param stateDict the tensors, names as stored (a {@code module.} prefix is kept)
 * @param metadata scalar top-level fields of a training checkpoint, as strings
 */
public record TorchCheckpoint(StateDict stateDict, Map<String, String> metadata) {
    /** A state-dict pickle is a few hundred kB even for 70B-parameter models; refuse absurd ones. */
    static final int MAX_PICKLE_BYTES = 256 << 20;
    /** Deflate cannot expand data more than about 1032:1; a larger claim is a lie or a bomb. */
    private static final long MAX_DEFLATE_RATIO = 1032;
    private static final BigInteger LEGACY_MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);
    private static final List<String> STATE_DICT_FIELDS = List.of("state_dict", "model");

    /** Copies the metadata. */
    public TorchCheckpoint {
        metadata = Map.copyOf(metadata);
    }

    /**
     * Reads the state dict of a {@code torch.save} file.
     *
     * @throws CheckpointFormatException if the file is not a PyTorch checkpoint, names a refused
     *     global, or its tensors disagree with their storages
     */
    public static TorchCheckpoint read(Path file) throws IOException {
        byte[] head = new byte[512];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return readZip(file);
        }
        if (n >= 2 && (head[0] & 0xff) == 0x80) {
            return readLegacy(file);
        }
        if (n >= 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
            throw new CheckpointFormatException(file + ": the tar checkpoint format of PyTorch < 0.4 is not supported;"
                    + " re-save it with a recent torch.save");
        }
        throw new CheckpointFormatException(file + ": not a PyTorch checkpoint (neither a zip archive nor a pickle)");
    }

    /** Reads one storage's elements, once; several tensors may share it. */
    @FunctionalInterface
    private interface StorageReader {
        INDArray read(Storage storage) throws IOException;
    }

    private static TorchCheckpoint readZip(Path file) throws IOException {
        long fileSize = Files.size(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry pickle = zip.stream().filter(e -> e.getName().endsWith("/data.pkl")
                    && e.getName().indexOf('/') == e.getName().length() - "/data.pkl".length())
                    .reduce((a, b) -> {
                        throw new CheckpointFormatException(file + ": two records in one archive: " + a.getName()
                                + " and " + b.getName());
                    })
                    .orElseThrow(() -> new CheckpointFormatException(file + ": zip archive without <name>/data.pkl;"
                            + " not written by torch.save"));
            String prefix = pickle.getName().substring(0, pickle.getName().length() - "data.pkl".length());
            ByteOrder order = byteOrder(file, zip, prefix);
            byte[] bytes;
            try (InputStream in = zip.getInputStream(pickle)) {
                bytes = in.readNBytes(MAX_PICKLE_BYTES + 1);
            }
            if (bytes.length > MAX_PICKLE_BYTES) {
                throw new CheckpointFormatException(file + ": " + pickle.getName() + " exceeds " + MAX_PICKLE_BYTES
                        + " bytes; a state dict's pickle is far smaller");
            }
            String source = file + "!" + pickle.getName();
            TorchUnpickler unpickler = new TorchUnpickler(source, new ByteArrayInputStream(bytes), bytes.length);
            Object root = unpickler.read();
            return build(file, root, storage -> {
                String name = prefix + "data/" + storage.key();
                ZipEntry entry = zip.getEntry(name);
                if (entry == null) {
                    throw new CheckpointFormatException(file + ": storage " + name + " is missing from the archive");
                }
                long bytesNeeded = byteSize(file, storage);
                long compressed = entry.getCompressedSize();
                boolean plausible = compressed >= 0 && compressed <= fileSize
                        && (entry.getMethod() == ZipEntry.STORED ? entry.getSize() == compressed
                        : entry.getSize() <= compressed * MAX_DEFLATE_RATIO);
                if (!plausible) {
                    throw new CheckpointFormatException(file + ": storage " + name + " claims " + entry.getSize()
                            + " bytes from " + compressed + " stored bytes in a file of " + fileSize);
                }
                if (entry.getSize() != bytesNeeded) {
                    throw new CheckpointFormatException(file + ": storage " + name + " holds " + entry.getSize()
                            + " bytes but the pickle declares " + storage.numel() + " " + storage.dtype()
                            + " elements (" + bytesNeeded + " bytes)");
                }
                INDArray data = NativeMemory.allocate(storage.dtype(), new long[] {storage.numel()});
                try (InputStream in = zip.getInputStream(entry)) {
                    NativeMemory.readInto(in, order, data);
                } catch (EOFException e) {
                    throw new CheckpointFormatException(file + ": storage " + name + " is truncated: " + e.getMessage(), e);
                }
                return data;
            });
        } catch (ZipException e) {
            throw new CheckpointFormatException(file + ": damaged zip archive: " + e.getMessage(), e);
        }
    }

    private static ByteOrder byteOrder(Path file, ZipFile zip, String prefix) throws IOException {
        ZipEntry entry = zip.getEntry(prefix + "byteorder");
        if (entry == null) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        String text;
        try (InputStream in = zip.getInputStream(entry)) {
            text = new String(in.readNBytes(16), StandardCharsets.US_ASCII).trim();
        }
        return switch (text) {
            case "little" -> ByteOrder.LITTLE_ENDIAN;
            case "big" -> ByteOrder.BIG_ENDIAN;
            default -> throw new CheckpointFormatException(file + ": " + prefix + "byteorder is '" + text
                    + "', expected 'little' or 'big'");
        };
    }

    private static TorchCheckpoint readLegacy(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16)) {
            long size = channel.size();
            TorchUnpickler unpickler = new TorchUnpickler(file.toString(), in, size);
            Object magic = unpickler.read();
            if (!(magic instanceof Number m) || !new BigInteger(m.toString()).equals(LEGACY_MAGIC)) {
                throw new CheckpointFormatException(file + ": starts with a pickle but not with torch.save's magic number;"
                        + " not a PyTorch checkpoint");
            }
            Object protocol = unpickler.read();
            if (!(protocol instanceof Number p) || p.longValue() != 1001) {
                throw new CheckpointFormatException(file + ": legacy protocol " + protocol + ", expected 1001");
            }
            Object sysInfo = unpickler.read();
            ByteOrder order = sysInfo instanceof Map<?, ?> info && Boolean.FALSE.equals(info.get("little_endian"))
                    ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            Object root = unpickler.read();
            Object keys = unpickler.read();
            if (!(keys instanceof List<?> keyList)) {
                throw new CheckpointFormatException(file + ": expected the list of storage keys after the pickle, found "
                        + keys);
            }
            Map<String, Storage> storages = unpickler.storages();
            Map<String, Long> positions = new HashMap<>();
            long position = unpickler.position();
            ByteBuffer count = ByteBuffer.allocate(8).order(order);
            for (Object k : keyList) {
                Storage s = storages.get(String.valueOf(k));
                if (s == null) {
                    throw new CheckpointFormatException(file + ": storage key " + k + " was never used by the pickle");
                }
                count.clear();
                if (position + 8 > size || channel.read(count, position) != 8) {
                    throw new CheckpointFormatException(file + ": file ends before storage " + k + " (truncated?)");
                }
                long numel = count.flip().getLong();
                long end = position + 8 + byteSize(file, s);
                if (numel != s.numel() || end > size) {
                    throw new CheckpointFormatException(file + ": storage " + k + " claims " + numel + " elements, the pickle "
                            + s.numel() + ", and " + (size - position - 8) + " bytes remain");
                }
                positions.put(s.key(), position + 8);
                position = end;
            }
            return build(file, root, storage -> {
                Long at = positions.get(storage.key());
                if (at == null) {
                    throw new CheckpointFormatException(file + ": storage " + storage.key() + " has no data in the file");
                }
                INDArray data = NativeMemory.allocate(storage.dtype(), new long[] {storage.numel()});
                NativeMemory.readInto(channel, at, order, data);
                return data;
            });
        }
    }

    /** Picks the state dict out of the unpickled object and cuts its tensors from their storages. */
    private static TorchCheckpoint build(Path file, Object root, StorageReader reader) throws IOException {
        if (!(root instanceof Map<?, ?> top)) {
            throw new CheckpointFormatException(file + ": expected a dict (a state dict or a training checkpoint), found "
                    + (root == null ? "None" : root.getClass().getSimpleName()));
        }
        Map<?, ?> tensors = top;
        Map<String, String> metadata = new LinkedHashMap<>();
        for (String field : STATE_DICT_FIELDS) {
            if (top.get(field) instanceof Map<?, ?> inner) {
                tensors = inner;
                top.forEach((k, v) -> {
                    if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                        metadata.put(String.valueOf(k), String.valueOf(v));
                    }
                });
                break;
            }
        }
        for (Map.Entry<?, ?> e : tensors.entrySet()) {
            if (!(e.getKey() instanceof String) || !(e.getValue() instanceof TensorRef)) {
                throw new CheckpointFormatException(file + ": state dict entry '" + e.getKey() + "' is "
                        + (e.getValue() == null ? "None" : e.getValue().getClass().getSimpleName())
                        + ", expected a tensor" + (tensors == top ? " (top-level keys: " + top.keySet() + ")" : ""));
            }
        }
        Map<Storage, INDArray> loaded = new HashMap<>();
        long storageBytes = 0;
        long copiedBytes = 0;
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : tensors.entrySet()) {
            String name = (String) e.getKey();
            TensorRef ref = (TensorRef) e.getValue();
            INDArray storage = loaded.get(ref.storage());
            if (storage == null) {
                storage = reader.read(ref.storage());
                loaded.put(ref.storage(), storage);
                storageBytes += byteSize(file, ref.storage());
            }
            INDArray tensor = cut(file, name, ref, storage);
            if (!sharesMemory(tensor, storage)) {
                copiedBytes += tensor.length() * ref.storage().dtype().byteSize();
                if (copiedBytes > storageBytes) {
                    throw new CheckpointFormatException(file + ": views up to tensor '" + name + "' copy "
                            + copiedBytes + " bytes out of " + storageBytes + " bytes of storage; refusing to"
                            + " inflate the checkpoint");
                }
            }
            out.put(name, tensor);
        }
        return new TorchCheckpoint(StateDict.of(file.toString(), out), Collections.unmodifiableMap(metadata));
    }

    /** Bytes of a storage, refusing element counts whose size overflows. */
    private static long byteSize(Path file, Storage storage) {
        try {
            return Math.multiplyExact(storage.numel(), storage.dtype().byteSize());
        } catch (ArithmeticException e) {
            throw new CheckpointFormatException(file + ": storage '" + storage.key() + "' claims " + storage.numel()
                    + " elements, more than any file holds");
        }
    }

    /** Whether the tensor's elements live in the storage's memory (a view, not a copy). */
    private static boolean sharesMemory(INDArray tensor, INDArray storage) {
        if (tensor.isEmpty() || storage.isEmpty()) {
            return tensor.isEmpty();
        }
        long base = storage.data().address();
        long at = tensor.data().address();
        return at >= base && at < base + storage.length() * storage.dataType().width();
    }

    /**
     * The tensor {@code ref} describes, as a C-ordered array. Contiguous tensors are views of their
     * storage, so tensors sharing a storage in the file share memory as after {@code torch.load}
     * (tied weights are one array); strided tensors are copied.
     */
    private static INDArray cut(Path file, String name, TensorRef ref, INDArray storage) {
        long[] shape = ref.shape();
        long[] stride = ref.stride();
        long numel;
        try {
            numel = NativeMemory.numel(shape);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new CheckpointFormatException(file + ": tensor '" + name + "' has invalid size " + Arrays.toString(shape));
        }
        if (numel == 0) {
            return NativeMemory.allocate(ref.storage().dtype(), shape);
        }
        long last = ref.offset();
        boolean contiguous = true;
        long expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (stride[i] < 0) {
                throw new CheckpointFormatException(file + ": tensor '" + name + "' has negative stride "
                        + Arrays.toString(stride));
            }
            last += (shape[i] - 1) * stride[i];
            contiguous &= shape[i] == 1 || stride[i] == expected;
            expected *= shape[i];
        }
        if (ref.offset() < 0 || last >= ref.storage().numel()) {
            throw new CheckpointFormatException(file + ": tensor '" + name + "' of size " + Arrays.toString(shape)
                    + ", stride " + Arrays.toString(stride) + " and offset " + ref.offset() + " reaches element "
                    + last + " but its storage '" + ref.storage().key() + "' holds " + ref.storage().numel());
        }
        if (contiguous) {
            INDArray elements = ref.offset() == 0 && numel == ref.storage().numel() ? storage
                    : storage.get(NDArrayIndex.interval(ref.offset(), ref.offset() + numel));
            return elements.reshape('c', shape);
        }
        if (numel > ref.storage().numel()) {
            throw new CheckpointFormatException(file + ": tensor '" + name + "' of size " + Arrays.toString(shape)
                    + " repeats elements of its storage '" + ref.storage().key() + "' (" + ref.storage().numel()
                    + " elements); broadcast views are not supported");
        }
        return Nd4j.create(storage.data(), shape, stride, ref.offset(), 'c', storage.dataType()).dup('c');
    }
}
