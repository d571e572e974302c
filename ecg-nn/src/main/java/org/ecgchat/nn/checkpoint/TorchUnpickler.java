package org.ecgchat.nn.checkpoint;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;

/**
 * A pickle reader that only understands what {@code torch.save} writes for state dicts. Every
 * global a pickle names is looked up in a fixed allow-list of pure Java stand-ins; any other global
 * ({@code os.system}, {@code builtins.eval}, ...) stops the load with a
 * {@link CheckpointFormatException} before anything could be called. Opcodes that build arbitrary
 * objects (INST, OBJ, NEWOBJ, extension codes, out-of-band buffers) are refused too. Tensors are
 * not read here: the result holds {@link TensorRef}s naming their storage, offset, shape and stride.
 *
 * <p>Lengths read from the pickle are checked against the bytes that remain before anything is
 * allocated. Instances are single-use and not thread-safe.
 */
final class TorchUnpickler extends Unpickler {
    /** A storage named by a persistent id: {@code ('storage', type, key, location, numel[, view])}. */
    record Storage(String key, TensorDType dtype, long numel) {
    }

    /** A tensor to be cut from a storage, as {@code torch._utils._rebuild_tensor_v2} describes it. */
    record TensorRef(Storage storage, long offset, long[] shape, long[] stride) {
        @Override
        public String toString() {
            return "tensor(" + storage.dtype() + ", " + Arrays.toString(shape) + ")";
        }
    }

    /** {@code torch.FloatStorage} and friends: only meaningful inside a persistent id. */
    private record StorageType(String name, TensorDType dtype) {
    }

    /** A marker for a class that may only appear as an argument ({@code torch.Tensor}, Parameter). */
    private record TypeMarker(String name) {
    }

    /** What {@code collections.OrderedDict()} builds; BUILD may attach torch's {@code _metadata}. */
    static final class OrderedDict extends LinkedHashMap<Object, Object> {
        private static final long serialVersionUID = 1L;
    }

    private static final Map<String, TensorDType> STORAGE_TYPES = Map.ofEntries(
            Map.entry("FloatStorage", TensorDType.F32), Map.entry("DoubleStorage", TensorDType.F64),
            Map.entry("HalfStorage", TensorDType.F16), Map.entry("BFloat16Storage", TensorDType.BF16),
            Map.entry("LongStorage", TensorDType.I64), Map.entry("IntStorage", TensorDType.I32),
            Map.entry("ShortStorage", TensorDType.I16), Map.entry("CharStorage", TensorDType.I8),
            Map.entry("ByteStorage", TensorDType.U8), Map.entry("BoolStorage", TensorDType.BOOL),
            Map.entry("UntypedStorage", TensorDType.U8));

    private final String source;
    private final Counting input;
    private final Map<String, Object> globals = new LinkedHashMap<>();
    private final Map<String, Storage> storages = new LinkedHashMap<>();

    /**
     * @param source the file (and entry) being read, for messages
     * @param in the pickle bytes
     * @param available how many bytes {@code in} can still deliver (file or entry size)
     */
    TorchUnpickler(String source, InputStream in, long available) {
        this.source = source;
        this.input = new Counting(in, available);
        globals.put("collections.OrderedDict", (IObjectConstructor) args -> new OrderedDict());
        globals.put("torch._utils._rebuild_tensor_v2", callable("_rebuild_tensor_v2", 6, this::rebuildTensor));
        globals.put("torch._utils._rebuild_tensor", callable("_rebuild_tensor", 4, this::rebuildTensor));
        globals.put("torch._utils._rebuild_parameter", callable("_rebuild_parameter", 3, args -> args[0]));
        globals.put("torch._utils._rebuild_parameter_with_state",
                callable("_rebuild_parameter_with_state", 4, args -> args[0]));
        globals.put("torch._tensor._rebuild_from_type_v2", callable("_rebuild_from_type_v2", 4, this::rebuildFromType));
        globals.put("torch.Tensor", new TypeMarker("torch.Tensor"));
        globals.put("torch.nn.parameter.Parameter", new TypeMarker("torch.nn.parameter.Parameter"));
        for (String module : List.of("builtins", "__builtin__")) {
            globals.put(module + ".set", callable("set", 0, args -> args.length == 0 ? new HashSet<>()
                    : new HashSet<>((List<?>) args[0])));
            globals.put(module + ".frozenset", globals.get(module + ".set"));
        }
        globals.put("_codecs.encode", callable("_codecs.encode", 1, args ->
                ((String) args[0]).getBytes(args.length > 1 && "utf-8".equals(args[1])
                        ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1)));
        STORAGE_TYPES.forEach((name, dtype) -> globals.put("torch." + name, new StorageType("torch." + name, dtype)));
    }

    /** Reads one pickle (up to its STOP opcode) from the stream. */
    Object read() throws IOException {
        try {
            return load(input);
        } catch (CheckpointFormatException e) {
            throw e;
        } catch (PickleException | ClassCastException | IndexOutOfBoundsException | ArithmeticException e) {
            throw fail("malformed pickle at byte " + input.position + ": " + e.getMessage(), e);
        } catch (EOFException e) {
            throw fail("pickle ends early (truncated file?)", e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("premature end")) {
                throw fail("pickle ends early (truncated file?)", e);
            }
            throw e;
        }
    }

    /** How many bytes the pickles read so far have consumed. */
    long position() {
        return input.position;
    }

    @Override
    protected Object dispatch(short key) throws IOException {
        switch (key) {
            case Opcodes.GLOBAL -> {
                String module = PickleUtils.readline(input);
                String name = PickleUtils.readline(input);
                stack.add(global(module, name));
            }
            case Opcodes.STACK_GLOBAL -> {
                Object name = stack.pop();
                Object module = stack.pop();
                if (!(module instanceof String m) || !(name instanceof String n)) {
                    throw fail("STACK_GLOBAL needs two strings, found " + module + " and " + name);
                }
                stack.add(global(m, n));
            }
            case Opcodes.INST, Opcodes.OBJ, Opcodes.NEWOBJ, Opcodes.NEWOBJ_EX, Opcodes.EXT1, Opcodes.EXT2,
                 Opcodes.EXT4, Opcodes.NEXT_BUFFER, Opcodes.READONLY_BUFFER ->
                    throw fail("pickle opcode 0x" + Integer.toHexString(key)
                            + " builds arbitrary objects and is never written for a state dict; refusing to load");
            case Opcodes.REDUCE -> {
                Object args = stack.pop();
                Object callable = stack.pop();
                if (!(callable instanceof IObjectConstructor c) || !(args instanceof Object[] a)) {
                    throw fail("pickle calls " + describe(callable) + " with " + describe(args)
                            + ", which is not a call a state dict needs");
                }
                stack.add(c.construct(a));
            }
            case Opcodes.BUILD -> {
                Object state = stack.pop();
                Object target = stack.peek();
                boolean emptyState = state == null || (state instanceof Map<?, ?> m && m.isEmpty());
                if (!(target instanceof OrderedDict) && !emptyState) {
                    throw fail("pickle sets the state of " + describe(target) + ", which a state dict never needs");
                }
            }
            case Opcodes.EMPTY_DICT -> stack.add(new LinkedHashMap<>());
            case Opcodes.DICT -> {
                Map<Object, Object> map = new LinkedHashMap<>();
                putPairs(map, stack.pop_all_since_marker());
                stack.add(map);
            }
            case Opcodes.SETITEMS -> {
                List<Object> items = stack.pop_all_since_marker();
                putPairs(asMap(stack.peek()), items);
            }
            case Opcodes.SETITEM -> {
                Object value = stack.pop();
                Object k = stack.pop();
                asMap(stack.peek()).put(k, value);
            }
            case Opcodes.BINUNICODE -> stack.add(new String(bytes(unsigned(4)), StandardCharsets.UTF_8));
            case Opcodes.BINUNICODE8 -> stack.add(new String(bytes(unsigned(8)), StandardCharsets.UTF_8));
            case Opcodes.BINSTRING -> stack.add(PickleUtils.rawStringFromBytes(bytes(unsigned(4))));
            case Opcodes.BINBYTES -> stack.add(bytes(unsigned(4)));
            case Opcodes.BINBYTES8, Opcodes.BYTEARRAY8 -> stack.add(bytes(unsigned(8)));
            case Opcodes.LONG4 -> stack.add(PickleUtils.decode_long(bytes(unsigned(4))));
            default -> {
                return super.dispatch(key);
            }
        }
        return NO_RETURN_VALUE;
    }

    @Override
    protected Object persistentLoad(Object pid) {
        if (!(pid instanceof Object[] t) || t.length < 5 || !"storage".equals(t[0])
                || !(t[1] instanceof StorageType type) || !(t[2] instanceof String storageKey)) {
            throw fail("persistent id " + describe(pid)
                    + " is not ('storage', torch.<Type>Storage, key, location, numel)");
        }
        if (t.length > 5 && t[5] != null) {
            throw fail("storage '" + storageKey + "' is a legacy storage view, which is not supported");
        }
        long numel = toLong(t[4], "numel of storage '" + storageKey + "'");
        if (numel < 0) {
            throw fail("storage '" + storageKey + "' has negative size " + numel);
        }
        Storage storage = new Storage(storageKey, type.dtype(), numel);
        Storage earlier = storages.putIfAbsent(storageKey, storage);
        if (earlier != null && !earlier.equals(storage)) {
            throw fail("storage '" + storageKey + "' is declared both as " + earlier + " and as " + storage);
        }
        return storage;
    }

    /** Every storage the pickles read so far referred to, by key. */
    Map<String, Storage> storages() {
        return storages;
    }

    private Object global(String module, String name) {
        Object g = globals.get(module + "." + name);
        if (g == null) {
            throw fail("the pickle names the Python global '" + module + "." + name
                    + "', which a PyTorch state dict does not need; refusing to load it (unpickling can run "
                    + "arbitrary code). Allowed globals: " + new TreeSet<>(globals.keySet()));
        }
        return g;
    }

    private Object rebuildTensor(Object[] a) {
        if (!(a[0] instanceof Storage storage)) {
            throw fail("_rebuild_tensor expects a storage first, found " + describe(a[0]));
        }
        long offset = toLong(a[1], "storage offset");
        long[] shape = longs(a[2], "size");
        long[] stride = longs(a[3], "stride");
        if (shape.length != stride.length) {
            throw fail("tensor on storage '" + storage.key() + "' has size " + Arrays.toString(shape)
                    + " but stride " + Arrays.toString(stride));
        }
        return new TensorRef(storage, offset, shape, stride);
    }

    private Object rebuildFromType(Object[] a) {
        if (!(a[0] instanceof IObjectConstructor function) || !(a[1] instanceof TypeMarker)
                || !(a[2] instanceof Object[] args)) {
            throw fail("_rebuild_from_type_v2 with " + describe(a[0]) + ", " + describe(a[1]) + " is not supported");
        }
        return function.construct(args);
    }

    private IObjectConstructor callable(String name, int minArgs, Function<Object[], Object> body) {
        return args -> {
            if (args.length < minArgs) {
                throw fail(name + " called with " + args.length + " arguments, expected at least " + minArgs);
            }
            return body.apply(args);
        };
    }

    private void putPairs(Map<Object, Object> map, List<Object> items) {
        if (items.size() % 2 != 0) {
            throw fail("odd number of items for a dict");
        }
        for (int i = 0; i < items.size(); i += 2) {
            map.put(items.get(i), items.get(i + 1));
        }
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> asMap(Object o) {
        if (!(o instanceof Map<?, ?>)) {
            throw fail("SETITEM(S) on " + describe(o) + ", which is not a dict");
        }
        return (Map<Object, Object>) o;
    }

    private long unsigned(int width) throws IOException {
        byte[] b = PickleUtils.readbytes(input, width);
        long n = 0;
        for (int i = width - 1; i >= 0; i--) {
            n = (n << 8) | (b[i] & 0xff);
        }
        return n;
    }

    private byte[] bytes(long length) throws IOException {
        if (length < 0 || length > input.remaining()) {
            throw fail("pickle claims a " + Long.toUnsignedString(length) + "-byte string at byte " + input.position
                    + " but only " + input.remaining() + " bytes remain (truncated or corrupt)");
        }
        return PickleUtils.readbytes(input, (int) length);
    }

    private long toLong(Object o, String what) {
        if (o instanceof Integer || o instanceof Long) {
            return ((Number) o).longValue();
        }
        if (o instanceof BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        throw fail(what + " must be an integer, found " + describe(o));
    }

    private long[] longs(Object o, String what) {
        if (!(o instanceof Object[] t)) {
            throw fail("tensor " + what + " must be a tuple of integers, found " + describe(o));
        }
        long[] out = new long[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = toLong(t[i], "tensor " + what + " entry");
        }
        return out;
    }

    private static String describe(Object o) {
        if (o == null) {
            return "None";
        }
        if (o instanceof Object[] t) {
            return "tuple of " + t.length;
        }
        return o instanceof IObjectConstructor ? "a function" : o.getClass().getSimpleName() + " " + o;
    }

    private CheckpointFormatException fail(String message) {
        return new CheckpointFormatException(source + ": " + message);
    }

    private CheckpointFormatException fail(String message, Throwable cause) {
        return new CheckpointFormatException(source + ": " + message, cause);
    }

    /** Counts consumed bytes so that claimed lengths can be checked against what remains. */
    private static final class Counting extends FilterInputStream {
        private final long total;
        private long position;

        Counting(InputStream in, long total) {
            super(in);
            this.total = total;
        }

        long remaining() {
            return total - position;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                position++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            position += s;
            return s;
        }
    }
}
