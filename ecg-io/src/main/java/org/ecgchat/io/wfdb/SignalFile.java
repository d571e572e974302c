package org.ecgchat.io.wfdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One signal file (a WFDB "signal group"): the signals stored in it, interleaved frame by frame.
 * Reads a range of frames as interleaved raw values, touching only the bytes of that range
 * (rounded out to whole packing groups); format 8 stores differences and is decoded from the
 * start, FLAC from the first compressed block that holds the range.
 */
final class SignalFile implements AutoCloseable {
    private final Path path;
    private final SignalFormat format;
    private final long byteOffset;
    private final int[] samplesPerFrame;
    private final int[] initialValues;
    private final int frameSize;
    private int[] signalOfPosition;
    /** Format 8: running value per signal after {@link #differenceFrame} frames. */
    private int[] differenceState;
    private long differenceFrame;
    private FileChannel channel;
    private FlacStream flac;
    private long availableFrames = -1;

    SignalFile(Path path, SignalFormat format, long byteOffset, int[] samplesPerFrame, int[] initialValues) {
        this.path = path;
        this.format = format;
        this.byteOffset = byteOffset;
        this.samplesPerFrame = samplesPerFrame.clone();
        this.initialValues = initialValues.clone();
        int n = 0;
        for (int spf : samplesPerFrame) {
            n += spf;
        }
        this.frameSize = n;
    }

    Path path() {
        return path;
    }

    SignalFormat format() {
        return format;
    }

    /** Values per frame (the sum of the samples per frame of the file's signals). */
    int frameSize() {
        return frameSize;
    }

    private FileChannel channel() throws IOException {
        if (channel == null) {
            try {
                channel = FileChannel.open(path, StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                throw new WfdbMissingFileException(path, "signal file does not exist", e);
            } catch (IOException | SecurityException e) {
                throw new WfdbMissingFileException(path, "signal file cannot be opened: " + e.getMessage(), e);
            }
        }
        return channel;
    }

    /** Whole frames the file holds (from its size; for FLAC from its stream header). */
    long availableFrames() throws IOException {
        if (availableFrames < 0) {
            if (format.isFlac()) {
                availableFrames = flac().totalSamples() / samplesPerFrame[0];
            } else {
                long bytes = channel().size() - byteOffset;
                if (bytes < 0) {
                    throw new WfdbFormatException(path, "byte offset",
                            "file has " + channel().size() + " bytes, fewer than its byte offset " + byteOffset);
                }
                availableFrames = format.valuesIn(bytes) / frameSize;
            }
        }
        return availableFrames;
    }

    private FlacStream flac() throws IOException {
        if (flac == null) {
            for (int spf : samplesPerFrame) {
                if (spf != samplesPerFrame[0]) {
                    throw new WfdbFormatException(path, "samples per frame",
                            "signals in one FLAC file must have equal samples per frame");
                }
            }
            flac = new FlacStream(path, channel(), byteOffset, samplesPerFrame.length, format.bits());
        }
        return flac;
    }

    /**
     * Reads frames {@code [from, to)} into {@code dst} as interleaved raw values
     * ({@code (to - from) * frameSize()} of them). The caller checks that {@code to <= availableFrames()}.
     */
    void read(long from, long to, int[] dst) throws IOException {
        int count = Math.toIntExact((to - from) * frameSize);
        if (count == 0) {
            return;
        }
        switch (format) {
            case LINEAR_16, LINEAR_16_BIG_ENDIAN, OFFSET_16, LINEAR_24, LINEAR_32, OFFSET_8 -> {
                int width = format.bytesPerGroup();
                byte[] bytes = readBytes(byteOffset + from * frameSize * width, (long) count * width);
                FixedWidthCodec.decode(format, bytes, 0, dst, 0, count);
            }
            case PACKED_212, PACKED_310, PACKED_311 -> readPacked(from, to, dst, count);
            case DIFFERENCE_8 -> readDifferences(from, to, dst, count);
            case FLAC_8, FLAC_16, FLAC_24 -> flac().read(from * samplesPerFrame[0], to * samplesPerFrame[0],
                    samplesPerFrame[0], dst);
            default -> throw new IllegalStateException("no data for format " + format);
        }
    }

    /**
     * Format 8 accumulates differences from the start of the file, so a read continues from where
     * the previous one stopped, or decodes the bytes before {@code from} first.
     */
    private void readDifferences(long from, long to, int[] dst, int count) throws IOException {
        if (differenceState == null || differenceFrame > from) {
            differenceState = initialValues.clone();
            differenceFrame = 0;
        }
        int[] positions = signalOfPosition();
        int[] skipped = null;
        while (differenceFrame < from) {
            long frames = Math.min(from - differenceFrame, Math.max(1, (1 << 16) / frameSize));
            int n = (int) (frames * frameSize);
            if (skipped == null) {
                skipped = new int[(int) Math.max(frameSize, Math.min(1 << 16, (from - differenceFrame) * frameSize))];
            }
            byte[] bytes = readBytes(byteOffset + differenceFrame * frameSize, n);
            DifferenceCodec.decode(bytes, 0, skipped, 0, n, positions, differenceState);
            differenceFrame += frames;
        }
        byte[] bytes = readBytes(byteOffset + from * frameSize, count);
        DifferenceCodec.decode(bytes, 0, dst, 0, count, positions, differenceState);
        differenceFrame = to;
    }

    private int[] signalOfPosition() {
        if (signalOfPosition == null) {
            signalOfPosition = new int[frameSize];
            for (int s = 0, p = 0; s < samplesPerFrame.length; s++) {
                for (int k = 0; k < samplesPerFrame[s]; k++) {
                    signalOfPosition[p++] = s;
                }
            }
        }
        return signalOfPosition;
    }

    /**
     * Bytes of one frame when every frame starts on a byte boundary (fixed-width formats, and 212
     * with an even number of values per frame), else 0.
     */
    int frameBytes() {
        return switch (format) {
            case LINEAR_16, LINEAR_16_BIG_ENDIAN, OFFSET_16, LINEAR_24, LINEAR_32, OFFSET_8 ->
                    frameSize * format.bytesPerGroup();
            case PACKED_212 -> frameSize % 2 == 0 ? frameSize / 2 * 3 : 0;
            default -> 0;
        };
    }

    /**
     * The bytes of frames {@code [from, to)} of a file whose frames start on byte boundaries
     * ({@link #frameBytes()} &gt; 0), in the thread's scratch buffer (valid until the next read on
     * this thread).
     */
    byte[] readFrameBytes(long from, long to) throws IOException {
        return readBytes(byteOffset + from * frameBytes(), (to - from) * frameBytes());
    }

    private void readPacked(long from, long to, int[] dst, int count) throws IOException {
        int g = format.valuesPerGroup();
        long firstValue = from * frameSize;
        long alignedFirst = firstValue - firstValue % g;
        int lead = (int) (firstValue - alignedFirst);
        long values = to * frameSize - alignedFirst;
        long start = byteOffset + alignedFirst / g * format.bytesPerGroup();
        byte[] bytes = readBytes(start, format.bytesFor(values));
        if (lead == 0) {
            BitPackedCodec.decode(format, bytes, 0, dst, 0, count);
        } else {
            int[] tmp = new int[count + lead];
            BitPackedCodec.decode(format, bytes, 0, tmp, 0, count + lead);
            System.arraycopy(tmp, lead, dst, 0, count);
        }
    }

    /** Reads {@code length} bytes at {@code position} into the thread's scratch buffer, which it returns. */
    private byte[] readBytes(long position, long length) throws IOException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("range too large to read at once: " + length + " bytes of " + path);
        }
        byte[] bytes = Scratch.get().bytes((int) length);
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, (int) length);
        FileChannel ch = channel();
        long pos = position;
        while (buffer.hasRemaining()) {
            int n = ch.read(buffer, pos);
            if (n < 0) {
                throw new WfdbFormatException(path, "byte " + pos,
                        "file ends early: needed " + length + " bytes from byte " + position);
            }
            pos += n;
        }
        return bytes;
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
