package org.ecgchat.io.wfdb;

/**
 * Formats that pack several samples into a group of bytes: 212 (two 12-bit samples in three
 * bytes), 310 and 311 (three 10-bit samples in four bytes, in two different layouts). Decoding
 * starts at a group boundary; a partial last group is read from the bytes it reaches, and written
 * as WFDB C 10.7 writes it (212: two bytes; 310: two or four; 311: two or four).
 */
final class BitPackedCodec {
    private static final int INVALID_212 = -2048;
    private BitPackedCodec() {
    }

    /** Decodes {@code count} values starting at a group boundary at {@code src[srcOff]}. */
    static void decode(SignalFormat format, byte[] src, int srcOff, int[] dst, int dstOff, int count) {
        switch (format) {
            case PACKED_212 -> decode212(src, srcOff, dst, dstOff, count);
            case PACKED_310 -> decode310(src, srcOff, dst, dstOff, count);
            case PACKED_311 -> decode311(src, srcOff, dst, dstOff, count);
            default -> throw new IllegalArgumentException("not a bit-packed format: " + format);
        }
    }

    private static void decode212(byte[] b, int p, int[] dst, int d, int count) {
        int pairs = count >> 1;
        for (int k = 0; k < pairs; k++, p += 3, d += 2) {
            int mid = b[p + 1] & 0xff;
            dst[d] = (((b[p] & 0xff) | ((mid & 0x0f) << 8)) << 20) >> 20;
            dst[d + 1] = (((b[p + 2] & 0xff) | ((mid & 0xf0) << 4)) << 20) >> 20;
        }
        if ((count & 1) != 0) {
            dst[d] = (((b[p] & 0xff) | ((b[p + 1] & 0x0f) << 8)) << 20) >> 20;
        }
    }

    /**
     * Decodes the samples of one signal of a format 212 file whose frames start on byte
     * boundaries: {@code frames} samples from the three-byte groups {@code stride} bytes apart
     * from {@code src[base]}, each group's first sample or, if {@code second}, its second. The
     * invalid value becomes {@link WfdbRecord#INVALID_SAMPLE}. Returns the 32-bit sum of the
     * stored values (for the checksum).
     */
    static int decode212Signal(byte[] src, int base, boolean second, int stride, int[] dst, int frames) {
        int sum = 0;
        if (second) {
            for (int j = 0, p = base; j < frames; j++, p += stride) {
                int v = (((src[p + 2] & 0xff) | ((src[p + 1] & 0xf0) << 4)) << 20) >> 20;
                sum += v;
                dst[j] = v == INVALID_212 ? WfdbRecord.INVALID_SAMPLE : v;
            }
        } else {
            for (int j = 0, p = base; j < frames; j++, p += stride) {
                int v = (((src[p] & 0xff) | ((src[p + 1] & 0x0f) << 8)) << 20) >> 20;
                sum += v;
                dst[j] = v == INVALID_212 ? WfdbRecord.INVALID_SAMPLE : v;
            }
        }
        return sum;
    }

    private static void decode310(byte[] b, int p, int[] dst, int d, int count) {
        int groups = count / 3;
        for (int k = 0; k < groups; k++, p += 4, d += 3) {
            int w0 = (b[p] & 0xff) | ((b[p + 1] & 0xff) << 8);
            int w1 = (b[p + 2] & 0xff) | ((b[p + 3] & 0xff) << 8);
            dst[d] = ((w0 >> 1) << 22) >> 22;
            dst[d + 1] = ((w1 >> 1) << 22) >> 22;
            dst[d + 2] = ((((w0 & 0xf800) >> 11) | ((w1 & 0xf800) >> 6)) << 22) >> 22;
        }
        int rest = count - groups * 3;
        if (rest >= 1) {
            int w0 = (b[p] & 0xff) | ((b[p + 1] & 0xff) << 8);
            dst[d] = ((w0 >> 1) << 22) >> 22;
        }
        if (rest == 2) {
            int w1 = (b[p + 2] & 0xff) | ((b[p + 3] & 0xff) << 8);
            dst[d + 1] = ((w1 >> 1) << 22) >> 22;
        }
    }

    private static void decode311(byte[] b, int p, int[] dst, int d, int count) {
        int groups = count / 3;
        for (int k = 0; k < groups; k++, p += 4, d += 3) {
            int w = (b[p] & 0xff) | ((b[p + 1] & 0xff) << 8) | ((b[p + 2] & 0xff) << 16) | ((b[p + 3] & 0xff) << 24);
            dst[d] = (w << 22) >> 22;
            dst[d + 1] = (w << 12) >> 22;
            dst[d + 2] = (w << 2) >> 22;
        }
        int rest = count - groups * 3;
        if (rest >= 1) {
            int w = (b[p] & 0xff) | ((b[p + 1] & 0xff) << 8);
            dst[d] = (w << 22) >> 22;
            if (rest == 2) {
                w |= (b[p + 2] & 0xff) << 16;
                dst[d + 1] = (w << 12) >> 22;
            }
        }
    }

    /** Bytes {@link #encode} writes for {@code count} values (a partial group as WFDB C flushes it). */
    static long encodedSize(SignalFormat format, long count) {
        if (format == SignalFormat.PACKED_311 && count % 3 == 2) {
            return count / 3 * 4 + 4;
        }
        return format.bytesFor(count);
    }

    /** Encodes {@code count} values; returns the number of bytes written. */
    static int encode(SignalFormat format, int[] src, int srcOff, int count, byte[] dst, int dstOff) {
        int p = dstOff;
        int s = srcOff;
        switch (format) {
            case PACKED_212 -> {
                int pairs = count >> 1;
                for (int k = 0; k < pairs; k++, s += 2, p += 3) {
                    int v0 = src[s];
                    int v1 = src[s + 1];
                    dst[p] = (byte) v0;
                    dst[p + 1] = (byte) (((v0 >> 8) & 0x0f) | ((v1 >> 4) & 0xf0));
                    dst[p + 2] = (byte) v1;
                }
                if ((count & 1) != 0) {
                    dst[p] = (byte) src[s];
                    dst[p + 1] = (byte) ((src[s] >> 8) & 0x0f);
                    p += 2;
                }
            }
            case PACKED_310 -> {
                int groups = count / 3;
                for (int k = 0; k < groups; k++, s += 3, p += 4) {
                    int w0 = ((src[s] << 1) & 0x7fe) | (src[s + 2] << 11);
                    int w1 = ((src[s + 1] << 1) & 0x7fe) | ((src[s + 2] << 6) & ~0x7fe);
                    put16(dst, p, w0);
                    put16(dst, p + 2, w1);
                }
                int rest = count - groups * 3;
                if (rest >= 1) {
                    put16(dst, p, (src[s] << 1) & 0x7fe);
                    p += 2;
                }
                if (rest == 2) {
                    put16(dst, p, (src[s + 1] << 1) & 0x7fe);
                    p += 2;
                }
            }
            case PACKED_311 -> {
                int groups = count / 3;
                for (int k = 0; k < groups; k++, s += 3, p += 4) {
                    int w0 = (src[s] & 0x3ff) | (src[s + 1] << 10);
                    int w1 = (((src[s + 1] >> 6) & 0xf) | (src[s + 2] << 4)) & 0x3fff;
                    put16(dst, p, w0);
                    put16(dst, p + 2, w1);
                }
                int rest = count - groups * 3;
                if (rest == 1) {
                    put16(dst, p, src[s] & 0x3ff);
                    p += 2;
                } else if (rest == 2) {
                    put16(dst, p, (src[s] & 0x3ff) | (src[s + 1] << 10));
                    put16(dst, p + 2, (src[s + 1] >> 6) & 0xf);
                    p += 4;
                }
            }
            default -> throw new IllegalArgumentException("not a bit-packed format: " + format);
        }
        return p - dstOff;
    }

    private static void put16(byte[] dst, int p, int v) {
        dst[p] = (byte) v;
        dst[p + 1] = (byte) (v >> 8);
    }
}
