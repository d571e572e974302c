package org.ecgchat.io.wfdb;

import java.util.Arrays;

/**
 * Writes WFDB signals as a native FLAC stream (RFC 9639) in the layout WFDB uses for formats
 * 508/516/524: one channel per signal, blocks of 4096 samples, a STREAMINFO block with the total
 * sample count. Each subframe is the smallest of CONSTANT, VERBATIM and the FIXED predictors of
 * order 0-4 with Rice-coded residuals (partition orders 0-6); no LPC or inter-channel
 * decorrelation. That is a fraction of libFLAC's compression work but gives files any FLAC
 * decoder reads; no maintained Java FLAC encoder exists on Maven Central (jflac's
 * {@code FLACEncoder} has no encoding methods).
 */
final class FlacEncoder {
    static final int BLOCK = 4096;
    private static final int MAX_CHANNELS = 8;
    /** WFDB C writes this nominal rate; FLAC needs one but WFDB ignores it. */
    private static final int NOMINAL_RATE = 96000;

    private FlacEncoder() {
    }

    /**
     * @param interleaved WFDB frames: per frame, {@code samplesPerFrame} samples of each channel in turn
     * @param bits        8, 16 or 24
     */
    static byte[] encode(int[] interleaved, int channels, int samplesPerFrame, long frames, int bits) {
        if (channels < 1 || channels > MAX_CHANNELS) {
            throw new IllegalArgumentException("a FLAC signal file holds 1 to 8 signals, not " + channels);
        }
        long total = frames * samplesPerFrame;
        int n = Math.toIntExact(total);
        int frameSize = channels * samplesPerFrame;
        int[][] chan = new int[channels][n];
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                System.arraycopy(interleaved, f * frameSize + c * samplesPerFrame, chan[c], f * samplesPerFrame,
                        samplesPerFrame);
            }
        }
        BitWriter out = new BitWriter(Math.max(64, n * channels * bits / 8 / 2));
        out.bytes(new byte[] {'f', 'L', 'a', 'C'});
        out.bits(0x80, 8);
        out.bits(34, 24);
        int streamInfo = out.length();
        out.bits(BLOCK, 16);
        out.bits(BLOCK, 16);
        out.bits(0, 24);
        out.bits(0, 24);
        out.bits(NOMINAL_RATE, 20);
        out.bits(channels - 1, 3);
        out.bits(bits - 1, 5);
        out.bits((int) (total >>> 32), 4);
        out.bits((int) total, 32);
        out.bytes(new byte[16]);
        int minFrame = Integer.MAX_VALUE;
        int maxFrame = 0;
        int[] residual = new int[BLOCK];
        for (int start = 0, number = 0; start < n; start += BLOCK, number++) {
            int len = Math.min(BLOCK, n - start);
            int frameStart = out.length();
            out.bits(0xfff8, 16);
            int bsCode = len == BLOCK ? 12 : 7;
            out.bits(bsCode, 4);
            out.bits(0, 4);
            out.bits(channels - 1, 4);
            out.bits(bits == 8 ? 1 : bits == 16 ? 4 : 6, 3);
            out.bits(0, 1);
            utf8(out, number);
            if (bsCode == 7) {
                out.bits(len - 1, 16);
            }
            out.bits(FlacCrc.crc8(out.buffer(), frameStart, out.length() - frameStart), 8);
            for (int c = 0; c < channels; c++) {
                subframe(out, chan[c], start, len, bits, residual);
            }
            out.align();
            out.bits(FlacCrc.crc16(out.buffer(), frameStart, out.length() - frameStart), 16);
            int size = out.length() - frameStart;
            minFrame = Math.min(minFrame, size);
            maxFrame = Math.max(maxFrame, size);
        }
        byte[] bytes = out.toByteArray();
        if (n > 0) {
            put24(bytes, streamInfo + 4, minFrame);
            put24(bytes, streamInfo + 7, maxFrame);
        }
        return bytes;
    }

    private static void put24(byte[] b, int at, int v) {
        b[at] = (byte) (v >> 16);
        b[at + 1] = (byte) (v >> 8);
        b[at + 2] = (byte) v;
    }

    private static void utf8(BitWriter out, int v) {
        if (v < 0x80) {
            out.bits(v, 8);
            return;
        }
        int extra = v < 0x800 ? 1 : v < 0x10000 ? 2 : v < 0x200000 ? 3 : v < 0x4000000 ? 4 : 5;
        int lead = (0xff00 >> (extra + 1)) & 0xff;
        out.bits(lead | (v >>> (6 * extra)), 8);
        for (int i = extra - 1; i >= 0; i--) {
            out.bits(0x80 | ((v >>> (6 * i)) & 0x3f), 8);
        }
    }

    private static void subframe(BitWriter out, int[] x, int start, int n, int bits, int[] residual) {
        boolean constant = true;
        for (int i = start + 1; i < start + n && constant; i++) {
            constant = x[i] == x[start];
        }
        if (constant) {
            out.bits(0, 8);
            out.bits(x[start], bits);
            return;
        }
        long best = (long) n * bits;
        int bestOrder = -1;
        for (int order = 0; order <= 4 && order < n; order++) {
            predict(x, start, n, order, residual);
            long cost = (long) order * bits + 6 + ResidualPlan.plan(residual, n, order).bits();
            if (cost < best) {
                best = cost;
                bestOrder = order;
            }
        }
        if (bestOrder < 0) {
            out.bits(0b00000010, 8);
            for (int i = start; i < start + n; i++) {
                out.bits(x[i], bits);
            }
            return;
        }
        out.bits((0b001000 | bestOrder) << 1, 8);
        for (int i = 0; i < bestOrder; i++) {
            out.bits(x[start + i], bits);
        }
        predict(x, start, n, bestOrder, residual);
        ResidualPlan.plan(residual, n, bestOrder).write(out, residual, n, bestOrder);
    }

    /** Residuals of the fixed predictor of the given order (entries {@code [order, n)}). */
    private static void predict(int[] x, int s, int n, int order, int[] r) {
        for (int i = order; i < n; i++) {
            int p = s + i;
            r[i] = switch (order) {
                case 0 -> x[p];
                case 1 -> x[p] - x[p - 1];
                case 2 -> x[p] - 2 * x[p - 1] + x[p - 2];
                case 3 -> x[p] - 3 * x[p - 1] + 3 * x[p - 2] - x[p - 3];
                default -> x[p] - 4 * x[p - 1] + 6 * x[p - 2] - 4 * x[p - 3] + x[p - 4];
            };
        }
    }

    /** A Rice partitioning of a residual: partition order, one parameter per partition, total bits. */
    private static final class ResidualPlan {
        private final int partitionOrder;
        private final int[] parameters;
        private final long bits;

        private ResidualPlan(int partitionOrder, int[] parameters, long bits) {
            this.partitionOrder = partitionOrder;
            this.parameters = parameters;
            this.bits = bits;
        }

        long bits() {
            return bits;
        }

        static ResidualPlan plan(int[] r, int n, int order) {
            ResidualPlan best = null;
            for (int po = 0; po <= 6; po++) {
                int parts = 1 << po;
                if ((n & (parts - 1)) != 0 || (n >> po) < order || (po > 0 && (n >> po) < 16)) {
                    break;
                }
                int[] k = new int[parts];
                long total = 2 + 4;
                for (int p = 0, i = order; p < parts; p++) {
                    int end = (p + 1) * (n >> po);
                    int from = i;
                    long sum = 0;
                    for (; i < end; i++) {
                        sum += zigzag(r[i]);
                    }
                    int count = end - from;
                    int guess = count == 0 || sum <= count ? 0 : 63 - Long.numberOfLeadingZeros(sum / count);
                    long bestCost = Long.MAX_VALUE;
                    for (int kk = Math.max(0, guess - 1); kk <= Math.min(30, guess + 1); kk++) {
                        long cost = (long) count * (kk + 1);
                        for (int j = from; j < end; j++) {
                            cost += zigzag(r[j]) >>> kk;
                        }
                        if (cost < bestCost) {
                            bestCost = cost;
                            k[p] = kk;
                        }
                    }
                    total += bestCost;
                }
                boolean wide = Arrays.stream(k).anyMatch(v -> v > 14);
                total += (long) parts * (wide ? 5 : 4);
                if (best == null || total < best.bits) {
                    best = new ResidualPlan(po, k, total);
                }
            }
            return best;
        }

        void write(BitWriter out, int[] r, int n, int order) {
            boolean wide = Arrays.stream(parameters).anyMatch(v -> v > 14);
            out.bits(wide ? 1 : 0, 2);
            out.bits(partitionOrder, 4);
            int parts = 1 << partitionOrder;
            for (int p = 0, i = order; p < parts; p++) {
                int end = (p + 1) * (n >> partitionOrder);
                int k = parameters[p];
                out.bits(k, wide ? 5 : 4);
                for (; i < end; i++) {
                    long u = zigzag(r[i]);
                    out.unary(u >>> k);
                    if (k > 0) {
                        out.bits((int) (u & ((1L << k) - 1)), k);
                    }
                }
            }
        }

        private static long zigzag(int v) {
            return ((long) v << 1) ^ (v >> 31);
        }
    }

    /** MSB-first bit writer into a growable byte array. */
    private static final class BitWriter {
        private byte[] buf;
        private int len;
        private long acc;
        private int accBits;

        BitWriter(int capacity) {
            buf = new byte[capacity];
        }

        void bits(int value, int n) {
            if (n == 0) {
                return;
            }
            acc = (acc << n) | (value & ((1L << n) - 1));
            accBits += n;
            while (accBits >= 8) {
                accBits -= 8;
                put((byte) (acc >>> accBits));
            }
        }

        void unary(long zeros) {
            long z = zeros;
            while (z >= 32) {
                bits(0, 32);
                z -= 32;
            }
            bits(1, (int) z + 1);
        }

        void align() {
            if (accBits > 0) {
                bits(0, 8 - accBits);
            }
        }

        void bytes(byte[] b) {
            for (byte x : b) {
                bits(x & 0xff, 8);
            }
        }

        private void put(byte b) {
            if (len == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            buf[len++] = b;
        }

        int length() {
            return len;
        }

        byte[] buffer() {
            return buf;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, len);
        }
    }
}
