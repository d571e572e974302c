package org.ecgchat.io.wfdb;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Describes a record as WFDB C 10.7's {@code wfdbdesc} does, byte for byte. */
public final class WfdbDescription {
    private WfdbDescription() {
    }

    /**
     * Prints the description of {@code record} to {@code out}.
     *
     * @param recordArgument the record as the user named it (printed on the first line)
     */
    public static void write(Path record, String recordArgument, Appendable out) throws IOException {
        try (WfdbReader reader = Wfdb.open(record)) {
            write(reader, recordArgument, out);
        }
    }

    static void write(WfdbReader reader, String recordArgument, Appendable out) throws IOException {
        WfdbHeader h = reader.header();
        List<SignalSpec> signals = h.signals();
        WfdbTime time = h.time();
        StringBuilder sb = new StringBuilder();
        sb.append("Record ").append(recordArgument);
        long t = h.length().orElse(0);
        boolean fixedLayout = false;
        if (h.isMultiSegment() && !signals.isEmpty()) {
            long first = h.isVariableLayout() ? 0 : h.segments().stream().filter(s -> !s.isNull())
                    .findFirst().map(SegmentSpec::length).orElse(0L);
            if (first != t) {
                fixedLayout = first != 0;
                sb.append(" (a ").append(fixedLayout ? "fixed" : "variable").append("-layout multi-segment record)\n");
                if (fixedLayout) {
                    sb.append("----------------------------------------------\n");
                    sb.append("The following data apply to the entire record:\n");
                    sb.append("----------------------------------------------");
                }
            }
        }
        if (!h.comments().isEmpty()) {
            sb.append("\nNotes\n=====\n");
            for (String c : h.comments()) {
                sb.append(c).append('\n');
            }
            sb.append("=====\n");
        }
        String start = time.mstimstr(0);
        sb.append("\nStarting time: ").append(start.startsWith("[") ? start : "not specified").append('\n');
        sb.append("Length: ");
        if (signals.isEmpty() || t > 0) {
            sb.append(t > 0 ? time.mstimstr(t) : "0").append(" (").append(t).append(" sample intervals)\n");
        } else if (!h.isMultiSegment() && signals.get(0).format() != 0) {
            long n = reader.length();
            sb.append(time.mstimstr(n)).append(" (").append(n).append(" sample intervals) [from signal file size]\n");
        } else {
            sb.append("not specified\n");
        }
        sb.append("Sampling frequency: ").append(CFormat.g(h.samplingFrequency(), 6)).append(" Hz\n");
        sb.append(signals.size()).append(signals.size() == 1 ? " signal\n" : " signals\n");
        if (fixedLayout) {
            long n = h.segments().stream().filter(s -> !s.isNull()).findFirst().map(SegmentSpec::length).orElse(0L);
            sb.append("----------------------------------------------\n");
            sb.append("The following data apply to the first segment:\n");
            sb.append("----------------------------------------------\n");
            sb.append("Segment length: ").append(time.mstimstr(n)).append(" (").append(n).append(" sample intervals)\n");
        }
        int group = 0;
        for (int i = 0; i < signals.size(); i++) {
            SignalSpec s = signals.get(i);
            if (i > 0 && !s.fileName().equals(signals.get(i - 1).fileName())) {
                group++;
            }
            sb.append("Group ").append(group).append(", Signal ").append(i).append(":\n");
            sb.append(" File: ").append(s.format() != 0 ? s.fileName() : "[none]").append('\n');
            sb.append(" Description: ").append(s.description()).append('\n');
            sb.append(" Gain: ");
            if (s.gain() == 0) {
                sb.append("uncalibrated; assume ").append(CFormat.g(SignalSpec.DEFAULT_GAIN, 6));
            } else {
                sb.append(CFormat.g(s.gain(), 6));
            }
            sb.append(" adu/").append(s.unitsOrDefault()).append('\n');
            sb.append(" Initial value: ").append(s.initialValue()).append('\n');
            if (s.format() != 0) {
                sb.append(" Storage format: ").append(s.format());
            }
            if (s.samplesPerFrame() > 1) {
                sb.append(" (").append(s.samplesPerFrame()).append(" samples per frame)");
            }
            if (s.format() != 0 || s.samplesPerFrame() > 1) {
                sb.append('\n');
            }
            sb.append(" I/O: ").append(s.blockSize() == 0 ? "can be unbuffered" : s.blockSize() + "-byte blocks")
                    .append('\n');
            sb.append(" ADC resolution: ").append(s.adcResolution()).append(" bits\n");
            sb.append(" ADC zero: ").append(s.adcZero()).append('\n');
            sb.append(" Baseline: ").append(s.baseline()).append('\n');
            long nsamp = s.checksum().isPresent() ? signalLength(h) : 0;
            if (nsamp > 0) {
                sb.append(" Checksum: ").append(s.checksum().getAsInt()).append('\n');
            }
        }
        out.append(sb);
    }

    /** The length WFDB records for a signal: that of the header its spec came from. */
    private static long signalLength(WfdbHeader h) {
        if (!h.isMultiSegment()) {
            return h.length().orElse(0);
        }
        return h.isVariableLayout() ? 0
                : h.segments().stream().filter(s -> !s.isNull()).findFirst().map(SegmentSpec::length).orElse(0L);
    }
}
