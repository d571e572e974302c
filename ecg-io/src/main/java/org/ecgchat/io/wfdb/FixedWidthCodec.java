package org.ecgchat.io.wfdb;

/**
 * Formats that store every sample in the same number of whole bytes: 16, 61, 160, 24, 32 and 80.
 * One call converts a block of values, so the format switch is paid once per block.
 */
final class FixedWidthCodec {
    private FixedWidthCodec() {
    }

    static void decode(SignalFormat format, byte[] src, int srcOff, int[] dst, int dstOff, int count) {
        int p = srcOff;
        int end = dstOff + count;
        switch (format) {
            case LINEAR_16 -> {
                for (int i = dstOff; i < end; i++, p += 2) {
                    dst[i] = (short) ((src[p] & 0xff) | (src[p + 1] << 8));
                }
            }
            case LINEAR_16_BIG_ENDIAN -> {
                for (int i = dstOff; i < end; i++, p += 2) {
                    dst[i] = (short) ((src[p + 1] & 0xff) | (src[p] << 8));
                }
            }
            case OFFSET_16 -> {
                for (int i = dstOff; i < end; i++, p += 2) {
                    dst[i] = ((src[p] & 0xff) | ((src[p + 1] & 0xff) << 8)) - 32768;
                }
            }
            case LINEAR_24 -> {
                for (int i = dstOff; i < end; i++, p += 3) {
                    dst[i] = (src[p] & 0xff) | ((src[p + 1] & 0xff) << 8) | (src[p + 2] << 16);
                }
            }
            case LINEAR_32 -> {
                for (int i = dstOff; i < end; i++, p += 4) {
                    dst[i] = (src[p] & 0xff) | ((src[p + 1] & 0xff) << 8) | ((src[p + 2] & 0xff) << 16)
                            | (src[p + 3] << 24);
                }
            }
            case OFFSET_8 -> {
                for (int i = dstOff; i < end; i++, p++) {
                    dst[i] = (src[p] & 0xff) - 128;
                }
            }
            default -> throw new IllegalArgumentException("not a fixed-width format: " + format);
        }
    }

    static void encode(SignalFormat format, int[] src, int srcOff, int count, byte[] dst, int dstOff) {
        int p = dstOff;
        int end = srcOff + count;
        switch (format) {
            case LINEAR_16 -> {
                for (int i = srcOff; i < end; i++, p += 2) {
                    int v = src[i];
                    dst[p] = (byte) v;
                    dst[p + 1] = (byte) (v >> 8);
                }
            }
            case LINEAR_16_BIG_ENDIAN -> {
                for (int i = srcOff; i < end; i++, p += 2) {
                    int v = src[i];
                    dst[p] = (byte) (v >> 8);
                    dst[p + 1] = (byte) v;
                }
            }
            case OFFSET_16 -> {
                for (int i = srcOff; i < end; i++, p += 2) {
                    int v = (src[i] & 0xffff) + 32768;
                    dst[p] = (byte) v;
                    dst[p + 1] = (byte) (v >> 8);
                }
            }
            case LINEAR_24 -> {
                for (int i = srcOff; i < end; i++, p += 3) {
                    int v = src[i];
                    dst[p] = (byte) v;
                    dst[p + 1] = (byte) (v >> 8);
                    dst[p + 2] = (byte) (v >> 16);
                }
            }
            case LINEAR_32 -> {
                for (int i = srcOff; i < end; i++, p += 4) {
                    int v = src[i];
                    dst[p] = (byte) v;
                    dst[p + 1] = (byte) (v >> 8);
                    dst[p + 2] = (byte) (v >> 16);
                    dst[p + 3] = (byte) (v >> 24);
                }
            }
            case OFFSET_8 -> {
                for (int i = srcOff; i < end; i++, p++) {
                    dst[p] = (byte) ((src[i] & 0xff) + 128);
                }
            }
            default -> throw new IllegalArgumentException("not a fixed-width format: " + format);
        }
    }
}
