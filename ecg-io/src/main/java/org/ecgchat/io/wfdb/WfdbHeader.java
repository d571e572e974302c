package org.ecgchat.io.wfdb;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A parsed WFDB header ({@code .hea}): the record line, the signal lines and the comment lines.
 * For a multi-segment record, {@link #segments()} lists the segments and {@link #signals()} holds
 * the signals of its layout header (variable layout) or of its first segment (fixed layout), as
 * WFDB's {@code isigopen} reports them.
 *
 * @param recordName        record name as written on the record line (without {@code /segments})
 * @param samplingFrequency frames per second (for ordinary records: samples per second per signal)
 * @param counterFrequency  counter ticks per second (equals the sampling frequency unless given)
 * @param baseCounter       counter value at sample 0
 * @param length            frames per signal, when the header states it
 * @param baseTime          time of day of sample 0, when given (millisecond precision)
 * @param baseDate          date of sample 0, when given
 * @param signals           signal specifications, in header order
 * @param segments          segments of a multi-segment record (empty for an ordinary record)
 * @param comments          comment ("info") lines after the record line, without the leading {@code #}
 */
public record WfdbHeader(
        String recordName,
        double samplingFrequency,
        double counterFrequency,
        double baseCounter,
        OptionalLong length,
        Optional<LocalTime> baseTime,
        Optional<LocalDate> baseDate,
        List<SignalSpec> signals,
        List<SegmentSpec> segments,
        List<String> comments) {

    /** Frequency WFDB assumes when a header gives none. */
    public static final double DEFAULT_FREQUENCY = 250.0;

    public WfdbHeader {
        Objects.requireNonNull(recordName, "recordName");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(baseTime, "baseTime");
        Objects.requireNonNull(baseDate, "baseDate");
        if (!(samplingFrequency > 0) || Double.isInfinite(samplingFrequency)) {
            throw new IllegalArgumentException("sampling frequency must be positive, was " + samplingFrequency);
        }
        if (!(counterFrequency > 0) || Double.isInfinite(counterFrequency)) {
            throw new IllegalArgumentException("counter frequency must be positive, was " + counterFrequency);
        }
        if (length.isPresent() && length.getAsLong() < 0) {
            throw new IllegalArgumentException("length must be >= 0, was " + length.getAsLong());
        }
        signals = List.copyOf(signals);
        segments = List.copyOf(segments);
        comments = List.copyOf(comments);
    }

    /** A single-segment header with the given signals, no base time and no comments. */
    public static WfdbHeader of(String recordName, double samplingFrequency, long length, List<SignalSpec> signals) {
        return new WfdbHeader(recordName, samplingFrequency, samplingFrequency, 0, OptionalLong.of(length),
                Optional.empty(), Optional.empty(), signals, List.of(), List.of());
    }

    /** Number of signals. */
    public int numberOfSignals() {
        return signals.size();
    }

    /** Number of segments: 0 for an ordinary (single-segment) record. */
    public int numberOfSegments() {
        return segments.size();
    }

    /** True if the record is made of segments. */
    public boolean isMultiSegment() {
        return !segments.isEmpty();
    }

    /** True for a multi-segment record whose first segment is a layout header (length 0). */
    public boolean isVariableLayout() {
        return isMultiSegment() && segments.get(0).length() == 0;
    }

    /** Signal descriptions in order. */
    public List<String> signalNames() {
        return signals.stream().map(SignalSpec::description).toList();
    }

    /** The largest number of samples per frame of any signal (1 unless multi-frequency). */
    public int maxSamplesPerFrame() {
        int max = 1;
        for (SignalSpec s : signals) {
            max = Math.max(max, s.samplesPerFrame());
        }
        return max;
    }

    /** True if some signal has more than one sample per frame. */
    public boolean isMultiFrequency() {
        return maxSamplesPerFrame() > 1;
    }

    /** Samples per second of one signal (frame frequency times its samples per frame). */
    public double samplingFrequency(int signal) {
        return samplingFrequency * signals.get(signal).samplesPerFrame();
    }

    /**
     * {@code key: value} pairs from the comments, in order (PTB-XL/MIMIC style {@code # age: 56}
     * lines, and lines of several {@code <key>: value} pairs as in LUDB and macecgdb). Angle brackets
     * are removed from keys; when a key repeats, the first value is kept.
     */
    public Map<String, String> metadata() {
        return HeaderComments.metadata(comments);
    }

    /** Time conversions (WFDB's {@code timstr}, {@code mstimstr}, {@code strtim}) for this record. */
    public WfdbTime time() {
        return WfdbTime.of(this);
    }

    /** This header with other signals. */
    public WfdbHeader withSignals(List<SignalSpec> newSignals) {
        return new WfdbHeader(recordName, samplingFrequency, counterFrequency, baseCounter, length, baseTime,
                baseDate, newSignals, segments, comments);
    }

    /** This header with another record name. */
    public WfdbHeader withRecordName(String newName) {
        return new WfdbHeader(newName, samplingFrequency, counterFrequency, baseCounter, length, baseTime,
                baseDate, signals, segments, comments);
    }

    /** This header with another length. */
    public WfdbHeader withLength(long newLength) {
        return new WfdbHeader(recordName, samplingFrequency, counterFrequency, baseCounter,
                OptionalLong.of(newLength), baseTime, baseDate, signals, segments, comments);
    }

    /** This header with other comments. */
    public WfdbHeader withComments(List<String> newComments) {
        return new WfdbHeader(recordName, samplingFrequency, counterFrequency, baseCounter, length, baseTime,
                baseDate, signals, segments, newComments);
    }

    /** This header with another base time and date. */
    public WfdbHeader withBaseTime(Optional<LocalTime> newTime, Optional<LocalDate> newDate) {
        return new WfdbHeader(recordName, samplingFrequency, counterFrequency, baseCounter, length, newTime,
                newDate, signals, segments, comments);
    }

    /** This header with other segments. */
    public WfdbHeader withSegments(List<SegmentSpec> newSegments) {
        return new WfdbHeader(recordName, samplingFrequency, counterFrequency, baseCounter, length, baseTime,
                baseDate, signals, newSegments, comments);
    }
}
