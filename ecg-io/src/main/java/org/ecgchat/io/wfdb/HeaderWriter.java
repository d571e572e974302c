package org.ecgchat.io.wfdb;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Writes header text exactly as WFDB C 10.7's {@code setheader} and {@code setmsheader} do:
 * gains and frequencies with {@code %.12g}, the baseline only when it differs from the ADC zero,
 * the checksum as a signed 16-bit number, CR LF line ends, comments as {@code #text}.
 */
final class HeaderWriter {
    private HeaderWriter() {
    }

    static String format(WfdbHeader h) {
        return format(h, h.numberOfSignals());
    }

    /** Header text with {@code signalCount} on the record line (a master header lists no signals of its own). */
    static String format(WfdbHeader h, int signalCount) {
        StringBuilder sb = new StringBuilder();
        sb.append(h.recordName());
        if (h.isMultiSegment()) {
            sb.append('/').append(h.numberOfSegments());
        }
        sb.append(' ').append(signalCount).append(' ').append(CFormat.g(h.samplingFrequency(), 12));
        if (h.counterFrequency() != h.samplingFrequency() || h.baseCounter() != 0) {
            sb.append('/').append(CFormat.g(h.counterFrequency(), 12));
            if (h.baseCounter() != 0) {
                sb.append('(').append(CFormat.g(h.baseCounter(), 12)).append(')');
            }
        }
        if (h.length().isPresent()) {
            sb.append(' ').append(h.length().getAsLong());
            long millis = h.baseTime().map(t -> t.toNanoOfDay() / 1_000_000).orElse(0L);
            if (millis != 0 || h.baseDate().isPresent()) {
                sb.append(' ').append(millis == 0 ? "0:00" : WfdbTime.formatBaseTime(h.baseTime().get()));
            }
            h.baseDate().ifPresent(d -> sb.append(' ').append(WfdbTime.formatDate(d)));
        }
        sb.append("\r\n");
        if (h.isMultiSegment()) {
            for (SegmentSpec s : h.segments()) {
                sb.append(s.name()).append(' ').append(s.length()).append("\r\n");
            }
        } else {
            for (SignalSpec s : h.signals()) {
                appendSignal(sb, s);
            }
        }
        for (String c : h.comments()) {
            sb.append('#').append(c).append("\r\n");
        }
        return sb.toString();
    }

    private static void appendSignal(StringBuilder sb, SignalSpec s) {
        sb.append(s.fileName()).append(' ').append(s.format());
        if (s.samplesPerFrame() > 1) {
            sb.append('x').append(s.samplesPerFrame());
        }
        if (s.skewFrames() != 0) {
            sb.append(':').append(s.skewFrames() * s.samplesPerFrame());
        }
        if (s.byteOffset() != 0) {
            sb.append('+').append(s.byteOffset());
        }
        sb.append(' ').append(CFormat.g(s.gain(), 12));
        if (s.baseline() != s.adcZero()) {
            sb.append('(').append(s.baseline()).append(')');
        }
        if (s.units() != null) {
            String units = firstToken(s.units());
            if (!units.isEmpty()) {
                sb.append('/').append(units);
            }
        }
        sb.append(' ').append(s.adcResolution())
                .append(' ').append(s.adcZero())
                .append(' ').append(s.initialValue())
                .append(' ').append((short) s.checksum().orElse(0))
                .append(' ').append(s.blockSize());
        String desc = firstLine(s.description());
        if (!desc.isEmpty()) {
            sb.append(' ').append(desc);
        }
        sb.append("\r\n");
    }

    private static String firstToken(String s) {
        String t = s.strip();
        for (int i = 0; i < t.length(); i++) {
            if (Character.isWhitespace(t.charAt(i))) {
                return t.substring(0, i);
            }
        }
        return t;
    }

    private static String firstLine(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == '\r' || s.charAt(i) == '\n')) {
            i++;
        }
        int j = i;
        while (j < s.length() && s.charAt(j) != '\r' && s.charAt(j) != '\n') {
            j++;
        }
        return s.substring(i, j);
    }

    /** The header of a multi-segment record made of the given segments, as {@code setmsheader} writes it. */
    static WfdbHeader master(String name, List<WfdbHeader> segments) {
        WfdbHeader first = segments.get(0);
        long total = 0;
        List<SegmentSpec> specs = new ArrayList<>();
        for (WfdbHeader s : segments) {
            long n = s.length().orElse(0);
            total += n;
            specs.add(new SegmentSpec(s.recordName(), n));
        }
        return new WfdbHeader(name, first.samplingFrequency(), first.counterFrequency(), first.baseCounter(),
                OptionalLong.of(total), first.baseTime(), first.baseDate(), first.signals(), specs,
                List.of());
    }
}
