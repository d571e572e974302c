package org.ecgchat.io.wfdb;

/** Converts expanded multi-frequency samples to the other {@link FrameMode}s. */
final class FrameModes {
    private FrameModes() {
    }

    /**
     * @param expanded {@code frames * spf} samples of one signal
     * @param max      the record's largest samples per frame (for high resolution)
     */
    static int[] apply(FrameMode mode, int[] expanded, int frames, int spf, int max) {
        switch (mode) {
            case EXPANDED:
                return expanded;
            case AVERAGE:
            case AVERAGE_TRUNCATED: {
                if (spf == 1) {
                    return expanded;
                }
                boolean round = mode == FrameMode.AVERAGE;
                int[] out = new int[frames];
                for (int f = 0, p = 0; f < frames; f++, p += spf) {
                    long sum = 0;
                    boolean invalid = false;
                    for (int c = 0; c < spf; c++) {
                        int v = expanded[p + c];
                        if (v == WfdbRecord.INVALID_SAMPLE) {
                            invalid = true;
                            break;
                        }
                        sum += v;
                    }
                    // 10.7's meansamp: floor((sum + spf/2) / spf); before 10.7: C division (toward zero).
                    out[f] = invalid ? WfdbRecord.INVALID_SAMPLE
                            : (int) (round ? Math.floorDiv(sum + spf / 2, spf) : sum / spf);
                }
                return out;
            }
            case HIGH_RESOLUTION: {
                if (spf == max) {
                    return expanded;
                }
                int[] out = new int[frames * max];
                for (int f = 0; f < frames; f++) {
                    int in = f * spf;
                    int o = f * max;
                    for (int j = 0; j < max; j++) {
                        out[o + j] = expanded[in + (spf * j) / max];
                    }
                }
                return out;
            }
            default:
                throw new IllegalArgumentException(String.valueOf(mode));
        }
    }
}
