package org.ecgchat.nn.checkpoint;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import org.bytedeco.javacpp.BytePointer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Moves raw tensor bytes between files and the native memory behind an ND4J array without going
 * through the Java heap. Copies run in windows because a {@link ByteBuffer} spans at most 2 GB,
 * while a tensor may be larger.
 */
final class NativeMemory {
    /** Window size: a multiple of every element size, well below the 2 GB buffer limit. */
    static final int WINDOW = 1 << 30;

    private NativeMemory() {
    }

    /** A fresh C-ordered array of the given type and shape (empty arrays keep their shape). */
    static INDArray allocate(TensorDType dtype, long[] shape) {
        if (numel(shape) == 0) {
            return Nd4j.create(dtype.nd4j(), shape);
        }
        return Nd4j.createUninitialized(dtype.nd4j(), shape, 'c');
    }

    /** Number of elements of a shape; throws on negative dimensions or overflow. */
    static long numel(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /**
     * A native-order view of {@code length} bytes of the array's memory starting at
     * {@code byteOffset}. The array must be C-ordered and not a view; the caller keeps it alive
     * while the buffer is used.
     */
    static ByteBuffer window(INDArray array, long byteOffset, int length) {
        long total = array.length() * array.dataType().width();
        if (byteOffset < 0 || length < 0 || byteOffset + length > total) {
            throw new IndexOutOfBoundsException("window [" + byteOffset + ", " + (byteOffset + length)
                    + ") outside an array of " + total + " bytes");
        }
        BytePointer bytes = new BytePointer(array.data().addressPointer());
        bytes.capacity(total);
        bytes.limit(byteOffset + length);
        bytes.position(byteOffset);
        return bytes.asByteBuffer().slice().order(ByteOrder.nativeOrder());
    }

    /**
     * Reads {@code destination.length() × elementSize} bytes of the file, starting at
     * {@code filePosition} and stored in {@code fileOrder}, straight into the array's memory with
     * positional reads, one window at a time. (Mapping the file instead was 3–4× slower: the data
     * must be copied into ND4J memory anyway, and every page of a mapping costs a page fault.)
     *
     * @throws EOFException if the file ends first
     */
    static void readInto(FileChannel channel, long filePosition, ByteOrder fileOrder, INDArray destination)
            throws IOException {
        readInto(channel, filePosition, fileOrder, destination, WINDOW);
    }

    /** As {@link #readInto(FileChannel, long, ByteOrder, INDArray)} with a given window (a multiple of 8). */
    static void readInto(FileChannel channel, long filePosition, ByteOrder fileOrder, INDArray destination,
                         int window) throws IOException {
        int elementSize = destination.dataType().width();
        long total = destination.length() * elementSize;
        for (long done = 0; done < total; ) {
            int n = (int) Math.min(window, total - done);
            ByteBuffer target = window(destination, done, n);
            while (target.hasRemaining()) {
                if (channel.read(target, filePosition + done + target.position()) < 0) {
                    throw new EOFException("file ends after " + (done + target.position()) + " of " + total + " bytes");
                }
            }
            if (fileOrder != ByteOrder.nativeOrder()) {
                swapInPlace(target.clear(), elementSize);
            }
            done += n;
        }
    }

    /** Reverses the bytes of every element of the buffer. */
    private static void swapInPlace(ByteBuffer bytes, int elementSize) {
        switch (elementSize) {
            case 1 -> { }
            case 2 -> {
                ShortBuffer b = bytes.asShortBuffer();
                for (int i = 0; i < b.limit(); i++) {
                    b.put(i, Short.reverseBytes(b.get(i)));
                }
            }
            case 4 -> {
                IntBuffer b = bytes.asIntBuffer();
                for (int i = 0; i < b.limit(); i++) {
                    b.put(i, Integer.reverseBytes(b.get(i)));
                }
            }
            case 8 -> {
                LongBuffer b = bytes.asLongBuffer();
                for (int i = 0; i < b.limit(); i++) {
                    b.put(i, Long.reverseBytes(b.get(i)));
                }
            }
            default -> throw new IllegalArgumentException("element size " + elementSize);
        }
    }

    /**
     * Fills the array with the next {@code length × elementSize} bytes of the stream, stored in
     * {@code order}, through a small heap buffer.
     *
     * @throws java.io.EOFException if the stream ends first
     */
    static void readInto(InputStream in, ByteOrder order, INDArray destination) throws IOException {
        int elementSize = destination.dataType().width();
        long total = destination.length() * elementSize;
        byte[] chunk = new byte[(int) Math.min(total, 1 << 20)];
        for (long done = 0; done < total; ) {
            int n = in.readNBytes(chunk, 0, (int) Math.min(chunk.length, total - done));
            if (n % elementSize != 0 || n == 0) {
                throw new EOFException("stream ended after " + (done + n) + " of " + total + " bytes");
            }
            copy(ByteBuffer.wrap(chunk, 0, n).order(order), window(destination, done, n), elementSize);
            done += n;
        }
    }

    /** Writes the bytes of a C-ordered, non-view array to the channel, in native byte order. */
    static void writeFrom(INDArray source, FileChannel channel) throws IOException {
        long total = source.length() * source.dataType().width();
        for (long done = 0; done < total; ) {
            int n = (int) Math.min(WINDOW, total - done);
            ByteBuffer bytes = window(source, done, n);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            done += n;
        }
    }

    /**
     * Copies whole elements from {@code source} (in its own byte order) to {@code destination}
     * (native order). Same-order copies are a memcpy; otherwise each element is byte-swapped.
     */
    static void copy(ByteBuffer source, ByteBuffer destination, int elementSize) {
        if (elementSize == 1 || source.order() == destination.order()) {
            destination.put(source);
            return;
        }
        switch (elementSize) {
            case 2 -> destination.asShortBuffer().put(source.asShortBuffer());
            case 4 -> destination.asIntBuffer().put(source.asIntBuffer());
            case 8 -> destination.asLongBuffer().put(source.asLongBuffer());
            default -> throw new IllegalArgumentException("element size " + elementSize);
        }
    }

    /** A C-ordered array that owns its memory: the array itself, or a copy if it is a view. */
    static INDArray standalone(INDArray array) {
        boolean owns = !array.isView() && array.ordering() == 'c' && array.offset() == 0
                && array.data().length() == array.length();
        return owns || array.isEmpty() ? array : array.dup('c');
    }
}
