package org.ecgchat.io.wfdb;

/** Digital to physical conversion, {@code (digital - baseline) / gain} as WFDB computes it. */
final class Conversions {
    private Conversions() {
    }

    static void toPhysical(int[] d, double[] out, int baseline, double gain) {
        for (int i = 0; i < d.length; i++) {
            int v = d[i];
            out[i] = v == WfdbRecord.INVALID_SAMPLE ? Double.NaN : ((double) v - baseline) / gain;
        }
    }

    static void toPhysical(int[] d, float[] out, int baseline, double gain) {
        for (int i = 0; i < d.length; i++) {
            int v = d[i];
            out[i] = v == WfdbRecord.INVALID_SAMPLE ? Float.NaN : (float) (((double) v - baseline) / gain);
        }
    }
}
