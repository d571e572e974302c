package org.ecgchat.nn.checkpoint;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes pickle opcodes by hand, so tests can build exactly the byte streams {@code torch.save}
 * produces (and malicious ones) without Python. Method names follow the pickle opcode names.
 */
final class PickleWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PickleWriter proto(int version) {
        return op(0x80).op(version);
    }

    PickleWriter op(int opcode) {
        out.write(opcode);
        return this;
    }

    PickleWriter raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    PickleWriter mark() {
        return op('(');
    }

    PickleWriter global(String module, String name) {
        return op('c').raw((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    PickleWriter stackGlobal(String module, String name) {
        return str(module).str(name).op(0x93);
    }

    PickleWriter str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return op('X').raw(le(b.length, 4)).raw(b);
    }

    PickleWriter integer(long v) {
        if (v >= 0 && v < 256) {
            return op('K').op((int) v);
        }
        if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            return op('J').raw(le(v, 4));
        }
        return op(0x8a).op(8).raw(le(v, 8));
    }

    PickleWriter none() {
        return op('N');
    }

    PickleWriter bool(boolean b) {
        return op(b ? 0x88 : 0x89);
    }

    PickleWriter tuple(long... values) {
        mark();
        for (long v : values) {
            integer(v);
        }
        return op('t');
    }

    PickleWriter emptyDict() {
        return op('}');
    }

    PickleWriter emptyTuple() {
        return op(')');
    }

    PickleWriter tupleFromMark() {
        return op('t');
    }

    PickleWriter reduce() {
        return op('R');
    }

    PickleWriter build() {
        return op('b');
    }

    PickleWriter setitems() {
        return op('u');
    }

    PickleWriter setitem() {
        return op('s');
    }

    PickleWriter binpersid() {
        return op('Q');
    }

    PickleWriter put(int index) {
        return op('q').op(index);
    }

    PickleWriter get(int index) {
        return op('h').op(index);
    }

    PickleWriter stop() {
        return op('.');
    }

    /**
     * Pushes a tensor as {@code torch._utils._rebuild_tensor_v2(persistent storage, offset, size,
     * stride, False, OrderedDict())}; {@code legacy} appends the legacy sixth persistent-id field.
     */
    PickleWriter tensor(String storageType, String key, long numel, long offset, long[] size, long[] stride,
                        boolean legacy) {
        global("torch._utils", "_rebuild_tensor_v2").mark();
        mark().str("storage").global("torch", storageType).str(key).str("cpu").integer(numel);
        if (legacy) {
            none();
        }
        tupleFromMark().binpersid();
        integer(offset).tuple(size).tuple(stride).bool(false);
        global("collections", "OrderedDict").emptyTuple().reduce();
        return tupleFromMark().reduce();
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    static byte[] le(long v, int width) {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v);
        byte[] out = new byte[width];
        System.arraycopy(b.array(), 0, out, 0, width);
        return out;
    }
}
