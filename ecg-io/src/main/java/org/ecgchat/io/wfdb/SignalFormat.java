package org.ecgchat.io.wfdb;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The WFDB signal storage formats this package reads and writes. Each constant knows its packing
 * (how many values share how many bytes), its sample range and the value that marks an invalid
 * sample in the file.
 */
public enum SignalFormat {
    /** Null signal: nothing is stored; every sample is invalid. */
    NULL(0, 0, 1, 0),
    /** 8-bit first differences (the first difference is relative to the initial value). */
    DIFFERENCE_8(8, 8, 1, 1),
    /** 16-bit two's complement, little-endian. */
    LINEAR_16(16, 16, 1, 2),
    /** 24-bit two's complement, little-endian. */
    LINEAR_24(24, 24, 1, 3),
    /** 32-bit two's complement, little-endian. */
    LINEAR_32(32, 32, 1, 4),
    /** 16-bit two's complement, big-endian. */
    LINEAR_16_BIG_ENDIAN(61, 16, 1, 2),
    /** 8-bit offset binary. */
    OFFSET_8(80, 8, 1, 1),
    /** 16-bit offset binary, little-endian. */
    OFFSET_16(160, 16, 1, 2),
    /** Two 12-bit samples packed into three bytes (MIT-BIH). */
    PACKED_212(212, 12, 2, 3),
    /** Three 10-bit samples packed into two little-endian 16-bit words. */
    PACKED_310(310, 10, 3, 4),
    /** Three 10-bit samples packed into the low 30 bits of a little-endian 32-bit word. */
    PACKED_311(311, 10, 3, 4),
    /** FLAC-compressed, 8 bits per sample. */
    FLAC_8(508, 8, 0, 0),
    /** FLAC-compressed, 16 bits per sample. */
    FLAC_16(516, 16, 0, 0),
    /** FLAC-compressed, 24 bits per sample. */
    FLAC_24(524, 24, 0, 0);

    private final int code;
    private final int bits;
    private final int valuesPerGroup;
    private final int bytesPerGroup;

    SignalFormat(int code, int bits, int valuesPerGroup, int bytesPerGroup) {
        this.code = code;
        this.bits = bits;
        this.valuesPerGroup = valuesPerGroup;
        this.bytesPerGroup = bytesPerGroup;
    }

    /** The number written in the header (8, 16, 212, ...). */
    public int code() {
        return code;
    }

    /** Bits of one stored sample (for format 8: of one stored difference). */
    public int bits() {
        return bits;
    }

    /** True for the FLAC formats, whose byte position of a sample cannot be computed. */
    public boolean isFlac() {
        return code >= 500;
    }

    /** Values sharing one packing group (1, or 2 for 212, 3 for 310/311); 0 for FLAC. */
    int valuesPerGroup() {
        return valuesPerGroup;
    }

    /** Bytes of one packing group; 0 for FLAC. */
    int bytesPerGroup() {
        return bytesPerGroup;
    }

    /** Smallest sample value the format can hold; it is also the stored marker of an invalid sample. */
    public int minValue() {
        return this == DIFFERENCE_8 || this == NULL ? Short.MIN_VALUE : -(1 << (bits - 1));
    }

    /** Largest sample value the format can hold. */
    public int maxValue() {
        return this == DIFFERENCE_8 || this == NULL ? Short.MAX_VALUE : (int) ((1L << (bits - 1)) - 1);
    }

    /** The value stored for an invalid sample, or {@code null} if the format has none (format 8). */
    Integer invalidValue() {
        return this == DIFFERENCE_8 || this == NULL ? null : minValue();
    }

    /** The ADC resolution WFDB assumes when a header omits it. */
    int defaultAdcResolution() {
        return switch (this) {
            case OFFSET_8 -> 8;
            case OFFSET_16 -> 16;
            case PACKED_310, PACKED_311 -> 10;
            default -> 12;
        };
    }

    /**
     * Bytes needed to store {@code values} consecutive values from a group boundary. A partial
     * last group of 212/310/311 takes only the bytes its values reach, as WFDB writes it.
     */
    long bytesFor(long values) {
        long groups = values / valuesPerGroup;
        int rest = (int) (values % valuesPerGroup);
        long bytes = groups * bytesPerGroup;
        if (rest == 0) {
            return bytes;
        }
        return bytes + switch (this) {
            case PACKED_212, PACKED_310 -> rest == 1 ? 2 : 4;
            case PACKED_311 -> rest == 1 ? 2 : 3;
            default -> throw new AssertionError(this);
        };
    }

    /** Whole values that {@code bytes} bytes hold, counting a partial last group as WFDB reads it. */
    long valuesIn(long bytes) {
        long groups = bytes / bytesPerGroup;
        int rest = (int) (bytes % bytesPerGroup);
        long values = groups * valuesPerGroup;
        for (int v = valuesPerGroup - 1; v >= 1; v--) {
            if (bytesFor(v) <= rest) {
                return values + v;
            }
        }
        return values;
    }

    /** The format with the given header code. */
    public static SignalFormat of(int code) {
        for (SignalFormat f : values()) {
            if (f.code == code) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown WFDB signal format " + code + " (known: " + knownCodes() + ")");
    }

    /** True if {@code code} names a format of this enum. */
    public static boolean isKnown(int code) {
        for (SignalFormat f : values()) {
            if (f.code == code) {
                return true;
            }
        }
        return false;
    }

    static String knownCodes() {
        return Arrays.stream(values()).map(f -> Integer.toString(f.code)).collect(Collectors.joining(", "));
    }
}
