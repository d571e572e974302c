package org.ecgchat.io.wfdb;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.ecgchat.io.EcgIoException;

/**
 * An open record from which sample ranges and signal subsets are read; only the bytes of the
 * requested range are read from the signal files. Frame numbers {@code from} and {@code to} count
 * at the record's sampling frequency ({@code to} exclusive). With {@link FrameMode#EXPANDED} a
 * signal with {@code k} samples per frame yields {@code k} values per frame, with
 * {@link FrameMode#HIGH_RESOLUTION} every signal yields {@link WfdbHeader#maxSamplesPerFrame()}
 * values per frame, and with the averaging modes one.
 *
 * <p>Not thread-safe; open one reader per thread.
 */
public final class WfdbReader implements AutoCloseable {
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    private final WfdbHeader header;
    private final SampleSource source;
    private final WfdbReadOptions options;
    private final Path record;

    private WfdbReader(Path record, WfdbHeader header, SampleSource source, WfdbReadOptions options) {
        this.record = record;
        this.header = header;
        this.source = source;
        this.options = options;
    }

    static WfdbReader open(Path record, WfdbReadOptions options) throws IOException {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(options, "options");
        WfdbHeader header = RecordFiles.readHeader(record, options);
        Path headerFile = RecordFiles.headerPath(record);
        SampleSource source = header.isMultiSegment()
                ? new MultiSegmentReader(header, header.signals(), headerFile.toAbsolutePath().getParent(), options)
                : new SegmentReader(header, headerFile, options.checksums());
        return new WfdbReader(record, header, source, options);
    }

    /** The record's header (for a multi-segment record, with the signals of its layout or first segment). */
    public WfdbHeader header() {
        return header;
    }

    /** The options this reader was opened with. */
    public WfdbReadOptions options() {
        return options;
    }

    /** Number of frames: the header's length, or what the signal files hold when the header gives none. */
    public long length() throws IOException {
        return source.length();
    }

    /**
     * Frames for which every signal has data: {@link #length()} less any skew that reaches past the
     * end of the stored samples (where WFDB C's {@code rdsamp} stops).
     */
    public long deskewedLength() throws IOException {
        return source.deskewedLength();
    }

    /** Values per frame that this reader returns for {@code signal} in its frame mode. */
    public int valuesPerFrame(int signal) {
        return switch (options.frameMode()) {
            case EXPANDED -> header.signals().get(signal).samplesPerFrame();
            case AVERAGE, AVERAGE_TRUNCATED -> 1;
            case HIGH_RESOLUTION -> header.maxSamplesPerFrame();
        };
    }

    /**
     * Digital samples of frames {@code [from, to)}; invalid samples are {@link WfdbRecord#INVALID_SAMPLE}.
     *
     * @param signals signal indices to read, in the order wanted (none: all signals)
     * @throws IllegalArgumentException if the range or a signal index is outside the record
     */
    public int[][] readDigital(long from, long to, int... signals) throws IOException {
        int[] wanted = resolve(signals);
        checkRange(from, to, wanted);
        int[][] expanded = source.readExpanded(from, to, wanted);
        if (options.frameMode() == FrameMode.EXPANDED) {
            return expanded;
        }
        int frames = (int) (to - from);
        int max = header.maxSamplesPerFrame();
        for (int i = 0; i < wanted.length; i++) {
            int spf = header.signals().get(wanted[i]).samplesPerFrame();
            expanded[i] = FrameModes.apply(options.frameMode(), expanded[i], frames, spf, max);
        }
        return expanded;
    }

    /** Physical samples of frames {@code [from, to)}: {@code (digital - baseline) / gain}; invalid samples are NaN. */
    public double[][] readPhysical(long from, long to, int... signals) throws IOException {
        int[] wanted = resolve(signals);
        return readInto(from, to, wanted, new SampleSink.Physical(Conversions.scales(header, wanted))).out;
    }

    /** As {@link #readPhysical}, rounded to {@code float}. */
    public float[][] readPhysicalFloat(long from, long to, int... signals) throws IOException {
        int[] wanted = resolve(signals);
        return readInto(from, to, wanted, new SampleSink.PhysicalFloat(Conversions.scales(header, wanted))).out;
    }

    /** Fills {@code sink}: straight from the files when the frame mode keeps samples as stored. */
    private <S extends SampleSink> S readInto(long from, long to, int[] wanted, S sink) throws IOException {
        if (expandedIsFinal(wanted)) {
            checkRange(from, to, wanted);
            source.read(from, to, wanted, sink);
            return sink;
        }
        int[][] digital = readDigital(from, to, wanted);
        for (int i = 0; i < wanted.length; i++) {
            sink.allocate(i, digital[i].length);
            sink.copyDigital(i, digital[i], 0, 0, digital[i].length);
        }
        return sink;
    }

    /** True if the frame mode leaves the expanded samples of these signals as they are. */
    private boolean expandedIsFinal(int[] wanted) {
        if (options.frameMode() == FrameMode.EXPANDED) {
            return true;
        }
        for (int s : wanted) {
            if (valuesPerFrame(s) != header.signals().get(s).samplesPerFrame()) {
                return false;
            }
        }
        return true;
    }

    private void checkRange(long from, long to, int[] wanted) throws IOException {
        long n = length();
        if (from < 0 || to < from || to > n) {
            throw new IllegalArgumentException("frames [" + from + ", " + to + ") outside record "
                    + header.recordName() + " of " + n + " frames");
        }
        for (int s : wanted) {
            long values = (to - from) * Math.max(valuesPerFrame(s), header.signals().get(s).samplesPerFrame());
            if (values > MAX_ARRAY) {
                throw new IllegalArgumentException("frames [" + from + ", " + to + ") of signal " + s + " are "
                        + values + " samples, more than one Java array holds; read shorter ranges");
            }
        }
    }

    /**
     * The whole record in memory. Its header is a single-segment header that describes the samples
     * as returned: for a multi-segment record the segments are joined; in the averaging modes every
     * signal has one sample per frame; in high-resolution mode the sampling frequency and length are
     * multiplied by the largest samples per frame.
     */
    public WfdbRecord readRecord() throws IOException {
        long n = length();
        long total = 0;
        for (int s = 0; s < header.numberOfSignals(); s++) {
            long values = n * Math.max(valuesPerFrame(s), header.signals().get(s).samplesPerFrame());
            if (values > MAX_ARRAY || total + values > options.maxSamples()) {
                throw new EcgIoException(RecordFiles.headerPath(record), "record " + header.recordName() + " has "
                        + n + " frames of " + header.numberOfSignals() + " signals, more samples than a whole-record "
                        + "read may hold (" + options.maxSamples() + "); open it and read ranges");
            }
            total += values;
        }
        int[][] digital = readDigital(0, n, resolve(new int[0]));
        int max = header.maxSamplesPerFrame();
        FrameMode mode = options.frameMode();
        boolean reshaped = header.isMultiSegment() || mode != FrameMode.EXPANDED;
        List<SignalSpec> specs = new ArrayList<>();
        for (int s = 0; s < header.numberOfSignals(); s++) {
            SignalSpec spec = header.signals().get(s);
            int spf = mode == FrameMode.EXPANDED ? spec.samplesPerFrame() : 1;
            int format = spec.format();
            String file = spec.fileName();
            if (spec.signalFormat() == SignalFormat.NULL || header.isMultiSegment()) {
                // joined segments and null signals have no file of their own: store them like wrsamp would
                format = fits16(digital[s]) ? 16 : 32;
                file = header.recordName() + ".dat";
            }
            int first = digital[s].length > 0 && digital[s][0] != WfdbRecord.INVALID_SAMPLE ? digital[s][0]
                    : spec.initialValue();
            specs.add(new SignalSpec(file, format, spf, 0, 0, spec.gain(), spec.baseline(), spec.units(),
                    spec.adcResolution(), spec.adcZero(), first, reshaped ? OptionalInt.empty() : spec.checksum(), 0,
                    spec.description()));
        }
        boolean high = mode == FrameMode.HIGH_RESOLUTION && max > 1;
        WfdbHeader flat = new WfdbHeader(header.recordName(),
                high ? header.samplingFrequency() * max : header.samplingFrequency(),
                high ? header.counterFrequency() * max : header.counterFrequency(), header.baseCounter(),
                OptionalLong.of(high ? n * max : n), header.baseTime(), header.baseDate(), specs, List.of(),
                header.comments());
        return WfdbRecord.adopt(flat, digital);
    }

    private static boolean fits16(int[] d) {
        for (int v : d) {
            if (v != WfdbRecord.INVALID_SAMPLE && (v <= Short.MIN_VALUE || v > Short.MAX_VALUE)) {
                return false;
            }
        }
        return true;
    }

    private int[] resolve(int[] signals) {
        int n = header.numberOfSignals();
        if (signals == null || signals.length == 0) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        for (int s : signals) {
            if (s < 0 || s >= n) {
                throw new IllegalArgumentException("signal " + s + " does not exist; record " + header.recordName()
                        + " has " + n + " signals");
            }
        }
        return signals.clone();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
