package org.ecgchat.io.wfdb;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Where decoded samples go: digital {@code int}s, or physical {@code double}s/{@code float}s
 * converted on the way so that no intermediate digital array is needed. Calls are per chunk and
 * signal, never per sample.
 */
abstract class SampleSink {
    /** Little-endian 16- and 32-bit loads from a byte array (one instruction each once compiled). */
    static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /** True for the formats {@link #decodeDirect} reads straight from file bytes. */
    static boolean decodesDirect(SignalFormat f) {
        return f == SignalFormat.LINEAR_16 || f == SignalFormat.LINEAR_32;
    }

    /**
     * Decodes {@code frames} samples of one signal with one sample per frame straight from the
     * bytes of a format 16 or 32 file ({@code stride} bytes apart from {@code base}) into output
     * {@code i} at {@code k}; returns the 32-bit sum of the stored values (for the checksum).
     */
    abstract int decodeDirect(int i, SignalFormat f, byte[] bytes, int base, int stride, int k, int frames);

    /** Makes the output array of wanted signal {@code i}, {@code n} values long. */
    abstract void allocate(int i, int n);

    /**
     * Copies {@code frames} frames of {@code spf} samples from interleaved raw values starting at
     * {@code raw[base]} (frames {@code frameSize} apart) to output {@code i} at {@code k}; raw values
     * equal to {@code invalid} (when {@code checkInvalid}) become invalid samples.
     */
    abstract void copyRaw(int i, int[] raw, int base, int frameSize, int spf, int k, int frames,
                          boolean checkInvalid, int invalid);

    /** Copies digital samples (already {@link WfdbRecord#INVALID_SAMPLE} where invalid). */
    abstract void copyDigital(int i, int[] digital, int from, int k, int n);

    /** Marks output {@code i} invalid over {@code [from, to)}. */
    abstract void fillInvalid(int i, int from, int to);

    /** Digital samples. */
    static final class Digital extends SampleSink {
        final int[][] out;

        Digital(int signals) {
            out = new int[signals][];
        }

        @Override
        void allocate(int i, int n) {
            out[i] = new int[n];
        }

        @Override
        void copyRaw(int i, int[] raw, int base, int frameSize, int spf, int k, int frames, boolean checkInvalid,
                     int invalid) {
            int[] a = out[i];
            if (spf == 1) {
                if (checkInvalid) {
                    for (int f = 0, p = base; f < frames; f++, p += frameSize) {
                        int v = raw[p];
                        a[k + f] = v == invalid ? WfdbRecord.INVALID_SAMPLE : v;
                    }
                } else {
                    for (int f = 0, p = base; f < frames; f++, p += frameSize) {
                        a[k + f] = raw[p];
                    }
                }
                return;
            }
            for (int f = 0, p = base; f < frames; f++, p += frameSize) {
                for (int c = 0; c < spf; c++) {
                    int v = raw[p + c];
                    a[k++] = checkInvalid && v == invalid ? WfdbRecord.INVALID_SAMPLE : v;
                }
            }
        }

        @Override
        int decodeDirect(int i, SignalFormat f, byte[] bytes, int base, int stride, int k, int frames) {
            int[] a = out[i];
            int sum = 0;
            if (f == SignalFormat.LINEAR_16) {
                for (int j = 0, p = base; j < frames; j++, p += stride) {
                    int v = (short) SHORT_LE.get(bytes, p);
                    sum += v;
                    a[k + j] = v == Short.MIN_VALUE ? WfdbRecord.INVALID_SAMPLE : v;
                }
            } else {
                for (int j = 0, p = base; j < frames; j++, p += stride) {
                    int v = (int) INT_LE.get(bytes, p);
                    sum += v;
                    a[k + j] = v;
                }
            }
            return sum;
        }

        @Override
        void copyDigital(int i, int[] digital, int from, int k, int n) {
            System.arraycopy(digital, from, out[i], k, n);
        }

        @Override
        void fillInvalid(int i, int from, int to) {
            Arrays.fill(out[i], from, to, WfdbRecord.INVALID_SAMPLE);
        }
    }

    /** Physical samples as {@code double}: {@code (digital - baseline) / gain}, NaN where invalid. */
    static final class Physical extends SampleSink {
        final double[][] out;
        private final Conversions.Scale[] scale;

        Physical(Conversions.Scale[] scale) {
            this.out = new double[scale.length][];
            this.scale = scale;
        }

        @Override
        void allocate(int i, int n) {
            out[i] = new double[n];
        }

        @Override
        void copyRaw(int i, int[] raw, int base, int frameSize, int spf, int k, int frames, boolean checkInvalid,
                     int invalid) {
            double[] a = out[i];
            Conversions.Scale s = scale[i];
            double b = s.baseline();
            double g = s.gain();
            double r = s.reciprocal();
            int bad = checkInvalid ? invalid : WfdbRecord.INVALID_SAMPLE;
            if (spf == 1 && s.fast()) {
                for (int f = 0, p = base; f < frames; f++, p += frameSize) {
                    int v = raw[p];
                    double x = v - b;
                    double q = x * r;
                    a[k + f] = v == bad ? Double.NaN : Math.fma(Math.fma(-q, g, x), r, q);
                }
                return;
            }
            for (int f = 0, p = base; f < frames; f++, p += frameSize) {
                for (int c = 0; c < spf; c++) {
                    int v = raw[p + c];
                    a[k++] = v == bad ? Double.NaN : s.apply(v);
                }
            }
        }

        @Override
        int decodeDirect(int i, SignalFormat f, byte[] bytes, int base, int stride, int k, int frames) {
            double[] a = out[i];
            Conversions.Scale s = scale[i];
            double b = s.baseline();
            double g = s.gain();
            double r = s.reciprocal();
            boolean fast = s.fast();
            int sum = 0;
            if (f == SignalFormat.LINEAR_16 && fast) {
                for (int j = 0, p = base; j < frames; j++, p += stride) {
                    int v = (short) SHORT_LE.get(bytes, p);
                    sum += v;
                    double x = v - b;
                    double q = x * r;
                    a[k + j] = v == Short.MIN_VALUE ? Double.NaN : Math.fma(Math.fma(-q, g, x), r, q);
                }
            } else {
                boolean wide = f == SignalFormat.LINEAR_32;
                int bad = wide ? Integer.MIN_VALUE : Short.MIN_VALUE;
                for (int j = 0, p = base; j < frames; j++, p += stride) {
                    int v = wide ? (int) INT_LE.get(bytes, p) : (short) SHORT_LE.get(bytes, p);
                    sum += v;
                    a[k + j] = v == bad ? Double.NaN : s.apply(v);
                }
            }
            return sum;
        }

        @Override
        void copyDigital(int i, int[] digital, int from, int k, int n) {
            copyRaw(i, digital, from, 1, 1, k, n, false, 0);
        }

        @Override
        void fillInvalid(int i, int from, int to) {
            Arrays.fill(out[i], from, to, Double.NaN);
        }
    }

    /** Physical samples rounded to {@code float}. */
    static final class PhysicalFloat extends SampleSink {
        final float[][] out;
        private final Conversions.Scale[] scale;

        PhysicalFloat(Conversions.Scale[] scale) {
            this.out = new float[scale.length][];
            this.scale = scale;
        }

        @Override
        void allocate(int i, int n) {
            out[i] = new float[n];
        }

        @Override
        void copyRaw(int i, int[] raw, int base, int frameSize, int spf, int k, int frames, boolean checkInvalid,
                     int invalid) {
            float[] a = out[i];
            Conversions.Scale s = scale[i];
            int bad = checkInvalid ? invalid : WfdbRecord.INVALID_SAMPLE;
            if (spf == 1 && s.fast()) {
                double b = s.baseline();
                double g = s.gain();
                double r = s.reciprocal();
                for (int f = 0, p = base; f < frames; f++, p += frameSize) {
                    int v = raw[p];
                    double x = v - b;
                    double q = x * r;
                    a[k + f] = v == bad ? Float.NaN : (float) Math.fma(Math.fma(-q, g, x), r, q);
                }
                return;
            }
            for (int f = 0, p = base; f < frames; f++, p += frameSize) {
                for (int c = 0; c < spf; c++) {
                    int v = raw[p + c];
                    a[k++] = v == bad ? Float.NaN : (float) s.apply(v);
                }
            }
        }

        @Override
        int decodeDirect(int i, SignalFormat f, byte[] bytes, int base, int stride, int k, int frames) {
            float[] a = out[i];
            Conversions.Scale s = scale[i];
            boolean wide = f == SignalFormat.LINEAR_32;
            int bad = wide ? Integer.MIN_VALUE : Short.MIN_VALUE;
            int sum = 0;
            for (int j = 0, p = base; j < frames; j++, p += stride) {
                int v = wide ? (int) INT_LE.get(bytes, p) : (short) SHORT_LE.get(bytes, p);
                sum += v;
                a[k + j] = v == bad ? Float.NaN : (float) s.apply(v);
            }
            return sum;
        }

        @Override
        void copyDigital(int i, int[] digital, int from, int k, int n) {
            copyRaw(i, digital, from, 1, 1, k, n, false, 0);
        }

        @Override
        void fillInvalid(int i, int from, int to) {
            Arrays.fill(out[i], from, to, Float.NaN);
        }
    }
}
