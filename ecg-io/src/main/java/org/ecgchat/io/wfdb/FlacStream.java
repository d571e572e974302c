package org.ecgchat.io.wfdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Decodes a native FLAC stream (RFC 9639) as WFDB stores signals in formats 508, 516 and 524:
 * one channel per signal of the file, {@code samplesPerFrame} consecutive channel samples per WFDB
 * frame. Every frame's header CRC-8 and frame CRC-16 are checked, so a damaged file is reported
 * rather than decoded into wrong samples. Frames are decoded in order; the position of each
 * decoded frame is remembered so later reads start at the frame that holds their first sample.
 */
final class FlacStream {
    private static final int WINDOW = 8 << 20;
    /** No frame of a stream we accept is longer than this (65535 samples, 8 channels, 32 bits, plus headers). */
    private static final int MAX_FRAME = 2200 << 10;

    private final Path path;
    private final FileChannel channel;
    private final long fileSize;
    private final int channels;
    private final int bitsPerSample;
    private final long totalSamples;
    private final long firstFrameOffset;

    /** Known frame starts: sample number and byte offset, in stream order. */
    private long[] frameSample = new long[16];
    private long[] frameOffset = new long[16];
    private int knownFrames;

    private byte[] window = new byte[0];
    private long windowStart;
    private int windowLength;
    private int[][] block;
    /** Byte offset just past the frame {@link #decodeFrame} decoded last. */
    private long lastFrameEnd;

    FlacStream(Path path, FileChannel channel, long byteOffset, int expectedChannels, int expectedBits)
            throws IOException {
        this.path = path;
        this.channel = channel;
        this.fileSize = channel.size();
        byte[] head = readAt(byteOffset, (int) Math.min(fileSize - byteOffset, 1 << 16));
        if (head.length < 42 || head[0] != 'f' || head[1] != 'L' || head[2] != 'a' || head[3] != 'C') {
            throw error(byteOffset, "not a native FLAC stream (no 'fLaC' marker)");
        }
        int p = 4;
        long streamInfoTotal = -1;
        int ch = -1;
        int bits = -1;
        boolean last = false;
        long pos = byteOffset + 4;
        while (!last) {
            if (p + 4 > head.length) {
                head = readAt(pos, (int) Math.min(fileSize - pos, 1 << 16));
                p = 0;
                if (head.length < 4) {
                    throw error(pos, "stream ends inside its metadata");
                }
            }
            int type = head[p] & 0x7f;
            last = (head[p] & 0x80) != 0;
            int length = ((head[p + 1] & 0xff) << 16) | ((head[p + 2] & 0xff) << 8) | (head[p + 3] & 0xff);
            if (type == 0) {
                if (length != 34 || p + 4 + 34 > head.length) {
                    throw error(pos, "STREAMINFO block has length " + length + ", expected 34");
                }
                int q = p + 4;
                int sr = ((head[q + 10] & 0xff) << 12) | ((head[q + 11] & 0xff) << 4) | ((head[q + 12] & 0xff) >> 4);
                ch = ((head[q + 12] >> 1) & 0x7) + 1;
                bits = (((head[q + 12] & 1) << 4) | ((head[q + 13] & 0xff) >> 4)) + 1;
                streamInfoTotal = ((long) (head[q + 13] & 0x0f) << 32) | ((long) (head[q + 14] & 0xff) << 24)
                        | ((head[q + 15] & 0xff) << 16) | ((head[q + 16] & 0xff) << 8) | (head[q + 17] & 0xff);
                if (sr == 0) {
                    throw error(pos, "STREAMINFO sample rate is 0");
                }
            } else if (type == 127) {
                throw error(pos, "invalid metadata block type 127");
            } else if (ch < 0) {
                throw error(pos, "first metadata block is not STREAMINFO");
            }
            long next = pos + 4 + length;
            if (next > fileSize) {
                throw error(pos, "metadata block of " + length + " bytes runs past the end of the file");
            }
            p += 4 + length;
            pos = next;
            if (p > head.length) {
                head = new byte[0];
                p = 0;
            }
        }
        if (ch != expectedChannels) {
            throw error(byteOffset, "FLAC stream has " + ch + " channels, header lists " + expectedChannels
                    + " signals in this file");
        }
        if (bits != expectedBits) {
            throw error(byteOffset, "FLAC stream has " + bits + " bits per sample, format needs " + expectedBits);
        }
        this.channels = ch;
        this.bitsPerSample = bits;
        this.firstFrameOffset = pos;
        frameSample[0] = 0;
        frameOffset[0] = pos;
        knownFrames = 1;
        this.totalSamples = streamInfoTotal > 0 ? streamInfoTotal : countSamples();
    }

    private WfdbFormatException error(long offset, String message) {
        return new WfdbFormatException(path, "byte " + offset, message);
    }

    /** Samples per channel in the stream. */
    long totalSamples() {
        return totalSamples;
    }

    private long countSamples() throws IOException {
        long at = frameOffset[0];
        long sample = 0;
        while (at < fileSize) {
            int n = decodeFrame(at, sample);
            sample += n;
            at = lastFrameEnd;
        }
        return sample;
    }

    /**
     * Writes channel samples {@code [from, to)} of every channel into {@code dst} as WFDB frames:
     * {@code samplesPerFrame} samples of channel 0, then of channel 1, ...
     */
    void read(long from, long to, int samplesPerFrame, int[] dst) throws IOException {
        if (to > totalSamples) {
            throw error(fileSize, "FLAC stream holds " + totalSamples + " samples per channel, needed " + to);
        }
        int k = Arrays.binarySearch(frameSample, 0, knownFrames, from);
        int frame = k >= 0 ? k : -k - 2;
        long sample = frameSample[frame];
        long at = frameOffset[frame];
        int frameSize = channels * samplesPerFrame;
        while (sample < to) {
            if (at >= fileSize) {
                throw error(at, "FLAC stream ends at sample " + sample + " of " + to);
            }
            int n = decodeFrame(at, sample);
            long lo = Math.max(from, sample);
            long hi = Math.min(to, sample + n);
            long rel0 = lo - from;
            int srcStart = (int) (lo - sample);
            int count = (int) (hi - lo);
            for (int c = 0; c < channels; c++) {
                int[] src = block[c];
                int j = (int) (rel0 % samplesPerFrame);
                int d = (int) ((rel0 / samplesPerFrame) * frameSize) + c * samplesPerFrame + j;
                for (int i = 0; i < count; i++) {
                    dst[d] = src[srcStart + i];
                    if (++j == samplesPerFrame) {
                        j = 0;
                        d += frameSize - samplesPerFrame + 1;
                    } else {
                        d++;
                    }
                }
            }
            sample += n;
            at = lastFrameEnd;
        }
    }

    private void remember(long sample, long offset) {
        if (sample <= frameSample[knownFrames - 1]) {
            return;
        }
        if (knownFrames == frameSample.length) {
            frameSample = Arrays.copyOf(frameSample, knownFrames * 2);
            frameOffset = Arrays.copyOf(frameOffset, knownFrames * 2);
        }
        frameSample[knownFrames] = sample;
        frameOffset[knownFrames] = offset;
        knownFrames++;
    }

    /** Decodes the frame at byte {@code at} into {@code block}; returns its block size. */
    private int decodeFrame(long at, long expectedSample) throws IOException {
        ensureWindow(at);
        int start = (int) (at - windowStart);
        BitReader in = new BitReader(window, start, windowLength, path, windowStart);
        int sync = in.bits(15);
        if (sync != 0x7ffc) {
            throw error(at, "expected a FLAC frame sync code (frame at sample " + expectedSample + ")");
        }
        in.bits(1);
        int bsCode = in.bits(4);
        int srCode = in.bits(4);
        int assignment = in.bits(4);
        int ssCode = in.bits(3);
        if (in.bits(1) != 0) {
            throw error(at, "reserved bit set in frame header");
        }
        in.utf8Number();
        int blockSize = switch (bsCode) {
            case 0 -> throw error(at, "reserved block size code 0");
            case 1 -> 192;
            case 2, 3, 4, 5 -> 576 << (bsCode - 2);
            case 6 -> in.bits(8) + 1;
            case 7 -> in.bits(16) + 1;
            default -> 256 << (bsCode - 8);
        };
        if (srCode == 12) {
            in.bits(8);
        } else if (srCode == 13 || srCode == 14) {
            in.bits(16);
        } else if (srCode == 15) {
            throw error(at, "invalid sample rate code 15");
        }
        int bps = switch (ssCode) {
            case 0 -> bitsPerSample;
            case 1 -> 8;
            case 2 -> 12;
            case 4 -> 16;
            case 5 -> 20;
            case 6 -> 24;
            case 7 -> 32;
            default -> throw error(at, "reserved sample size code " + ssCode);
        };
        if (bps != bitsPerSample) {
            throw error(at, "frame has " + bps + " bits per sample, stream " + bitsPerSample);
        }
        int headerEnd = in.bytePosition();
        int crc8 = in.bits(8);
        if (FlacCrc.crc8(window, start, headerEnd - start) != crc8) {
            throw error(at, "frame header CRC-8 mismatch (damaged file)");
        }
        int frameChannels = assignment < 8 ? assignment + 1 : assignment <= 10 ? 2 : -1;
        if (frameChannels != channels) {
            throw error(at, "frame channel assignment " + assignment + " does not fit " + channels + " channels");
        }
        if (block == null || block[0].length < blockSize) {
            block = new int[channels][Math.max(blockSize, 4096)];
        }
        for (int c = 0; c < channels; c++) {
            int size = bps;
            if ((assignment == 8 && c == 1) || (assignment == 9 && c == 0) || (assignment == 10 && c == 1)) {
                size++;
            }
            decodeSubframe(in, block[c], blockSize, size, at);
        }
        decorrelate(assignment, blockSize);
        in.alignToByte();
        int frameEnd = in.bytePosition();
        int crc16 = in.bits(16);
        if (FlacCrc.crc16(window, start, frameEnd - start) != crc16) {
            throw error(at, "frame CRC-16 mismatch (damaged file)");
        }
        lastFrameEnd = windowStart + in.bytePosition();
        remember(expectedSample + blockSize, lastFrameEnd);
        return blockSize;
    }

    private void decorrelate(int assignment, int n) {
        int[] a = block[0];
        int[] b = block.length > 1 ? block[1] : null;
        switch (assignment) {
            case 8 -> {
                for (int i = 0; i < n; i++) {
                    b[i] = a[i] - b[i];
                }
            }
            case 9 -> {
                for (int i = 0; i < n; i++) {
                    a[i] += b[i];
                }
            }
            case 10 -> {
                for (int i = 0; i < n; i++) {
                    int side = b[i];
                    int mid = (a[i] << 1) | (side & 1);
                    a[i] = (mid + side) >> 1;
                    b[i] = (mid - side) >> 1;
                }
            }
            default -> {
            }
        }
    }

    private void decodeSubframe(BitReader in, int[] out, int n, int bps, long at) throws WfdbFormatException {
        if (in.bits(1) != 0) {
            throw error(at, "subframe padding bit set");
        }
        int type = in.bits(6);
        int wasted = 0;
        if (in.bits(1) == 1) {
            wasted = in.unary() + 1;
            if (wasted >= bps) {
                throw error(at, "subframe has " + wasted + " wasted bits of " + bps);
            }
        }
        int size = bps - wasted;
        if (type == 0) {
            Arrays.fill(out, 0, n, in.signed(size));
        } else if (type == 1) {
            for (int i = 0; i < n; i++) {
                out[i] = in.signed(size);
            }
        } else if (type >= 8 && type <= 12) {
            int order = type - 8;
            if (order > n) {
                throw error(at, "predictor order " + order + " exceeds block size " + n);
            }
            for (int i = 0; i < order; i++) {
                out[i] = in.signed(size);
            }
            residual(in, out, n, order, at);
            fixedPredict(out, n, order);
        } else if (type >= 32) {
            int order = type - 31;
            if (order > n) {
                throw error(at, "predictor order " + order + " exceeds block size " + n);
            }
            for (int i = 0; i < order; i++) {
                out[i] = in.signed(size);
            }
            int precision = in.bits(4) + 1;
            if (precision == 16) {
                throw error(at, "invalid LPC coefficient precision");
            }
            int shift = in.signed(5);
            if (shift < 0) {
                throw error(at, "negative LPC shift");
            }
            int[] coef = new int[order];
            for (int i = 0; i < order; i++) {
                coef[i] = in.signed(precision);
            }
            residual(in, out, n, order, at);
            for (int i = order; i < n; i++) {
                long sum = 0;
                for (int j = 0; j < order; j++) {
                    sum += (long) coef[j] * out[i - j - 1];
                }
                out[i] += (int) (sum >> shift);
            }
        } else {
            throw error(at, "reserved subframe type " + type);
        }
        if (wasted > 0) {
            for (int i = 0; i < n; i++) {
                out[i] <<= wasted;
            }
        }
    }

    private static void fixedPredict(int[] s, int n, int order) {
        switch (order) {
            case 1 -> {
                for (int i = 1; i < n; i++) {
                    s[i] += s[i - 1];
                }
            }
            case 2 -> {
                for (int i = 2; i < n; i++) {
                    s[i] += 2 * s[i - 1] - s[i - 2];
                }
            }
            case 3 -> {
                for (int i = 3; i < n; i++) {
                    s[i] += 3 * s[i - 1] - 3 * s[i - 2] + s[i - 3];
                }
            }
            case 4 -> {
                for (int i = 4; i < n; i++) {
                    s[i] += 4 * s[i - 1] - 6 * s[i - 2] + 4 * s[i - 3] - s[i - 4];
                }
            }
            default -> {
            }
        }
    }

    private void residual(BitReader in, int[] out, int n, int order, long at) throws WfdbFormatException {
        int method = in.bits(2);
        if (method > 1) {
            throw error(at, "reserved residual coding method " + method);
        }
        int paramBits = method == 0 ? 4 : 5;
        int escape = (1 << paramBits) - 1;
        int partitionOrder = in.bits(4);
        int partitions = 1 << partitionOrder;
        if ((n >> partitionOrder) << partitionOrder != n || (n >> partitionOrder) < order) {
            throw error(at, "residual partition order " + partitionOrder + " does not fit block size " + n);
        }
        int i = order;
        for (int p = 0; p < partitions; p++) {
            int count = (n >> partitionOrder) - (p == 0 ? order : 0);
            int k = in.bits(paramBits);
            if (k == escape) {
                int raw = in.bits(5);
                for (int j = 0; j < count; j++) {
                    out[i++] = raw == 0 ? 0 : in.signed(raw);
                }
            } else {
                for (int j = 0; j < count; j++) {
                    out[i++] = in.rice(k);
                }
            }
        }
    }

    private void ensureWindow(long at) throws IOException {
        long end = Math.min(fileSize, at + MAX_FRAME);
        if (at >= windowStart && end <= windowStart + windowLength) {
            return;
        }
        int length = (int) Math.min(fileSize - at, WINDOW);
        if (window.length < length) {
            window = new byte[length];
        }
        ByteBuffer buf = ByteBuffer.wrap(window, 0, length);
        long pos = at;
        while (buf.hasRemaining()) {
            int r = channel.read(buf, pos);
            if (r < 0) {
                break;
            }
            pos += r;
        }
        windowStart = at;
        windowLength = buf.position();
    }

    private byte[] readAt(long position, int length) throws IOException {
        byte[] b = new byte[Math.max(0, length)];
        ByteBuffer buf = ByteBuffer.wrap(b);
        long pos = position;
        while (buf.hasRemaining()) {
            int r = channel.read(buf, pos);
            if (r < 0) {
                return Arrays.copyOf(b, buf.position());
            }
            pos += r;
        }
        return b;
    }

    /** MSB-first bit reader over a byte window; running past its end is a truncated file. */
    private static final class BitReader {
        private final byte[] buf;
        private final int limit;
        private final Path path;
        private final long base;
        private int pos;
        private long cache;
        private int cacheBits;

        BitReader(byte[] buf, int pos, int limit, Path path, long base) {
            this.buf = buf;
            this.pos = pos;
            this.limit = limit;
            this.path = path;
            this.base = base;
        }

        private void refill(int need) throws WfdbFormatException {
            while (cacheBits <= 48) {
                if (pos >= limit) {
                    if (cacheBits < need) {
                        throw new WfdbFormatException(path, "byte " + (base + pos), "FLAC stream ends inside a frame");
                    }
                    return;
                }
                cache = (cache << 8) | (buf[pos++] & 0xff);
                cacheBits += 8;
            }
        }

        int bits(int n) throws WfdbFormatException {
            if (n == 0) {
                return 0;
            }
            if (cacheBits < n) {
                refill(n);
            }
            cacheBits -= n;
            return (int) ((cache >>> cacheBits) & ((1L << n) - 1));
        }

        int signed(int n) throws WfdbFormatException {
            if (n == 0) {
                return 0;
            }
            int v = bits(n);
            return n == 32 ? v : (v << (32 - n)) >> (32 - n);
        }

        int unary() throws WfdbFormatException {
            int q = 0;
            while (true) {
                if (cacheBits == 0) {
                    refill(1);
                }
                long v = cache & ((1L << cacheBits) - 1);
                if (v == 0) {
                    q += cacheBits;
                    cacheBits = 0;
                    if (q > (1 << 30)) {
                        throw new WfdbFormatException(path, "byte " + (base + pos), "corrupt FLAC residual");
                    }
                    continue;
                }
                int zeros = Long.numberOfLeadingZeros(v) - (64 - cacheBits);
                q += zeros;
                cacheBits -= zeros + 1;
                return q;
            }
        }

        int rice(int k) throws WfdbFormatException {
            int q = unary();
            if (((long) q << k) > 0xffffffffL) {
                throw new WfdbFormatException(path, "byte " + (base + pos), "corrupt FLAC residual");
            }
            int u = (q << k) | bits(k);
            return (u >>> 1) ^ -(u & 1);
        }

        void utf8Number() throws WfdbFormatException {
            int first = bits(8);
            int extra;
            if ((first & 0x80) == 0) {
                extra = 0;
            } else if ((first & 0xe0) == 0xc0) {
                extra = 1;
            } else if ((first & 0xf0) == 0xe0) {
                extra = 2;
            } else if ((first & 0xf8) == 0xf0) {
                extra = 3;
            } else if ((first & 0xfc) == 0xf8) {
                extra = 4;
            } else if ((first & 0xfe) == 0xfc) {
                extra = 5;
            } else if (first == 0xfe) {
                extra = 6;
            } else {
                throw new WfdbFormatException(path, "byte " + (base + pos), "bad frame number coding");
            }
            for (int i = 0; i < extra; i++) {
                if ((bits(8) & 0xc0) != 0x80) {
                    throw new WfdbFormatException(path, "byte " + (base + pos), "bad frame number coding");
                }
            }
        }

        void alignToByte() {
            cacheBits -= cacheBits & 7;
        }

        /** Index of the next unread byte (when byte-aligned). */
        int bytePosition() {
            return pos - cacheBits / 8;
        }
    }
}
