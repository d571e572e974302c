package org.ecgchat.io.wfdb;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A whole record in memory: its header and its digital samples, one array per signal. A signal
 * with {@code k} samples per frame has {@code k * length} samples. The arrays are copied in and
 * out, so a record never changes.
 */
public final class WfdbRecord {
    /** Digital value of an invalid (missing) sample; its physical value is NaN. */
    public static final int INVALID_SAMPLE = Integer.MIN_VALUE;

    private final WfdbHeader header;
    private final int[][] digital;

    /**
     * @param header  a single-segment header whose length is the number of frames
     * @param digital per signal, {@code samplesPerFrame * length} digital samples
     */
    public WfdbRecord(WfdbHeader header, int[][] digital) {
        this(header, deepCopy(digital), true);
    }

    private WfdbRecord(WfdbHeader header, int[][] digital, boolean validate) {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(digital, "digital");
        if (header.isMultiSegment()) {
            throw new IllegalArgumentException("a record in memory has one segment; write segments with "
                    + "Wfdb.writeMultiSegment");
        }
        if (header.length().isEmpty()) {
            throw new IllegalArgumentException("header of record " + header.recordName() + " has no length");
        }
        if (digital.length != header.numberOfSignals()) {
            throw new IllegalArgumentException("header has " + header.numberOfSignals() + " signals but "
                    + digital.length + " sample arrays were given");
        }
        long frames = header.length().getAsLong();
        for (int s = 0; s < digital.length; s++) {
            long expected = frames * header.signals().get(s).samplesPerFrame();
            if (digital[s] == null || digital[s].length != expected) {
                throw new IllegalArgumentException("signal " + s + " needs " + expected + " samples ("
                        + frames + " frames), has " + (digital[s] == null ? "none" : digital[s].length));
            }
        }
        this.header = header;
        this.digital = digital;
    }

    /** Wraps arrays the caller hands over (no copy): for readers that just built them. */
    static WfdbRecord adopt(WfdbHeader header, int[][] digital) {
        return new WfdbRecord(header, digital, true);
    }

    /**
     * Quantises physical values to a new record: {@code digital = round(physical * gain)}, halves
     * away from zero, ADC zero and baseline 0; NaN becomes an invalid sample. Initial values and
     * checksums are filled in from the samples.
     *
     * @param name        record name (also the signal file name, {@code name.dat})
     * @param fs          sampling frequency in Hz
     * @param signalNames one name per signal
     * @param units       physical units of every signal, e.g. {@code "mV"}
     * @param gain        ADC units per physical unit, e.g. 1000 (a resolution of 1 µV for mV)
     * @param format      storage format (16, 32, 212, ...)
     * @param physical    [signal][sample] values in {@code units}
     * @throws IllegalArgumentException if a value does not fit the format after quantisation
     */
    public static WfdbRecord fromPhysical(String name, double fs, List<String> signalNames, String units,
                                          double gain, int format, double[][] physical) {
        Objects.requireNonNull(physical, "physical");
        if (signalNames.size() != physical.length) {
            throw new IllegalArgumentException(signalNames.size() + " signal names for " + physical.length + " signals");
        }
        if (!(gain > 0) || Double.isInfinite(gain)) {
            throw new IllegalArgumentException("gain must be positive and finite, was " + gain);
        }
        SignalFormat f = SignalFormat.of(format);
        if (f == SignalFormat.NULL) {
            throw new IllegalArgumentException("format 0 stores no samples");
        }
        int n = physical.length == 0 ? 0 : physical[0].length;
        int[][] digital = new int[physical.length][];
        List<SignalSpec> specs = new ArrayList<>();
        for (int s = 0; s < physical.length; s++) {
            if (physical[s].length != n) {
                throw new IllegalArgumentException("signal " + s + " has " + physical[s].length
                        + " samples, signal 0 has " + n);
            }
            int[] d = new int[n];
            for (int i = 0; i < n; i++) {
                double x = physical[s][i];
                if (Double.isNaN(x)) {
                    d[i] = INVALID_SAMPLE;
                    continue;
                }
                double v = x * gain;
                v = v >= 0 ? v + 0.5 : v - 0.5;
                if (!(v > f.minValue() && v < f.maxValue() + 1.0)) {
                    throw new IllegalArgumentException("signal " + s + " (" + signalNames.get(s) + ") sample " + i
                            + ": " + x + " " + units + " is " + (long) v + " ADC units at gain " + gain
                            + ", outside format " + format + " (" + (f.minValue() + 1) + ".." + f.maxValue() + ")");
                }
                d[i] = (int) v;
            }
            digital[s] = d;
            specs.add(SignalSpec.of(name + ".dat", format, gain, units, signalNames.get(s)));
        }
        WfdbHeader header = WfdbHeader.of(name, fs, n, specs);
        return new WfdbRecord(header, digital, true).withComputedChecksums();
    }

    /** This record with initial values and checksums computed from its samples (as a writer stores them). */
    public WfdbRecord withComputedChecksums() {
        List<SignalSpec> specs = new ArrayList<>();
        for (int s = 0; s < digital.length; s++) {
            SignalSpec spec = header.signals().get(s);
            SignalFormat f = spec.signalFormat();
            int[] d = digital[s];
            if (f == SignalFormat.NULL) {
                specs.add(spec);
                continue;
            }
            int[] stored = RecordWriter.storedValues(f, d);
            int init = stored.length == 0 ? spec.initialValue() : stored[0];
            int sum = 0;
            for (int v : stored) {
                sum += v;
            }
            specs.add(spec.withData(init, (short) sum));
        }
        return new WfdbRecord(header.withSignals(specs), digital, false);
    }

    /** The header (single-segment; its length is the number of frames). */
    public WfdbHeader header() {
        return header;
    }

    /** Number of frames (samples per signal for ordinary records). */
    public long length() {
        return header.length().getAsLong();
    }

    /** Frames per second. */
    public double samplingFrequency() {
        return header.samplingFrequency();
    }

    /** Signal names (descriptions) in order. */
    public List<String> signalNames() {
        return header.signalNames();
    }

    /** Digital samples [signal][sample] (a copy); invalid samples are {@link #INVALID_SAMPLE}. */
    public int[][] digital() {
        return deepCopy(digital);
    }

    /** Digital samples of one signal (a copy). */
    public int[] digital(int signal) {
        return digital[signal].clone();
    }

    /** Physical samples [signal][sample]: {@code (digital - baseline) / gain}; invalid samples are NaN. */
    public double[][] physical() {
        double[][] out = new double[digital.length][];
        for (int s = 0; s < digital.length; s++) {
            out[s] = physical(s);
        }
        return out;
    }

    /** Physical samples of one signal. */
    public double[] physical(int signal) {
        SignalSpec spec = header.signals().get(signal);
        int[] d = digital[signal];
        double[] out = new double[d.length];
        Conversions.toPhysical(d, out, Conversions.Scale.of(spec));
        return out;
    }

    /** Samples as stored, without copying: for this package's writers. */
    int[][] samples() {
        return digital;
    }

    private static int[][] deepCopy(int[][] a) {
        int[][] c = new int[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] == null ? null : a[i].clone();
        }
        return c;
    }
}
