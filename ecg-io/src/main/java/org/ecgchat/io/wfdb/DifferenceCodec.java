package org.ecgchat.io.wfdb;

/**
 * Format 8: each byte is the difference from the previous sample of the same signal, starting at
 * the signal's initial value. Writing limits each step to [-128, 127] as WFDB C does, so a steep
 * signal is stored slew-limited.
 */
final class DifferenceCodec {
    private DifferenceCodec() {
    }

    /**
     * Decodes {@code count} values of interleaved frames.
     *
     * @param signalOfPosition for each position in a frame, the index into {@code accumulator}
     * @param accumulator      running value per signal, updated in place
     */
    static void decode(byte[] src, int srcOff, int[] dst, int dstOff, int count,
                       int[] signalOfPosition, int[] accumulator) {
        int frame = signalOfPosition.length;
        for (int i = 0; i < count; i++) {
            int s = signalOfPosition[i % frame];
            accumulator[s] += src[srcOff + i];
            dst[dstOff + i] = accumulator[s];
        }
    }

    /**
     * Encodes {@code count} values; the values actually stored (after slew limiting) replace the
     * input in {@code src} so that checksums can be taken from them.
     */
    static void encode(int[] src, int srcOff, int count, byte[] dst, int dstOff,
                       int[] signalOfPosition, int[] accumulator) {
        int frame = signalOfPosition.length;
        for (int i = 0; i < count; i++) {
            int s = signalOfPosition[i % frame];
            int dif = src[srcOff + i] - accumulator[s];
            if (dif < -128) {
                dif = -128;
            } else if (dif > 127) {
                dif = 127;
            }
            accumulator[s] += dif;
            src[srcOff + i] = accumulator[s];
            dst[dstOff + i] = (byte) dif;
        }
    }
}
