package org.ecgchat.io.wfdb;

/** The CRC-8 (frame header) and CRC-16 (whole frame) of the FLAC format. */
final class FlacCrc {
    private static final int[] CRC8 = new int[256];
    private static final int[] CRC16 = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i;
            for (int b = 0; b < 8; b++) {
                c = (c & 0x80) != 0 ? ((c << 1) ^ 0x07) & 0xff : (c << 1) & 0xff;
            }
            CRC8[i] = c;
            int d = i << 8;
            for (int b = 0; b < 8; b++) {
                d = (d & 0x8000) != 0 ? ((d << 1) ^ 0x8005) & 0xffff : (d << 1) & 0xffff;
            }
            CRC16[i] = d;
        }
    }

    private FlacCrc() {
    }

    static int crc8(byte[] b, int off, int len) {
        int c = 0;
        for (int i = off; i < off + len; i++) {
            c = CRC8[(c ^ b[i]) & 0xff];
        }
        return c;
    }

    static int crc16(byte[] b, int off, int len) {
        int c = 0;
        for (int i = off; i < off + len; i++) {
            c = ((c << 8) & 0xffff) ^ CRC16[((c >> 8) ^ b[i]) & 0xff];
        }
        return c;
    }
}
