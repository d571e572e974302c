package org.ecgchat.io.wfdb;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Prints samples as WFDB C 10.7's {@code rdsamp} does, byte for byte, for its options
 * {@code -f -t -l -s -p -P -v -H}: a sample-number (or, with {@code -p}/{@code -P}, elapsed-time)
 * column, then one tab-separated column per signal; invalid samples print as {@code -32768}
 * (digital) or {@code -} (physical). Multi-frequency signals are averaged per frame with 10.7's
 * rounding, or with {@code -H} repeated to the highest rate.
 */
public final class Rdsamp {
    private static final int CHUNK_FRAMES = 1 << 15;

    /**
     * rdsamp's options.
     *
     * @param record         record path without extension
     * @param from           {@code -f}: start time (seconds, hh:mm:ss, {@code sN} samples), or null
     * @param to             {@code -t}: end time, or null for the end of the record
     * @param length         {@code -l}: maximum duration, or null
     * @param signals        {@code -s}: signal numbers or names, empty for all
     * @param physical       0 for raw units, 1 for {@code -p} (3 decimals), 2 for {@code -P} (8 decimals)
     * @param verbose        {@code -v}: print column headings
     * @param highResolution {@code -H}: read multi-frequency signals at the highest rate
     */
    public record Options(Path record, String from, String to, String length, List<String> signals, int physical,
                          boolean verbose, boolean highResolution) {
        public Options {
            Objects.requireNonNull(record, "record");
            signals = signals == null ? List.of() : List.copyOf(signals);
            if (physical < 0 || physical > 2) {
                throw new IllegalArgumentException("physical must be 0, 1 or 2");
            }
        }
    }

    private Rdsamp() {
    }

    /**
     * Prints the samples selected by {@code options} to {@code out}.
     *
     * @throws IllegalArgumentException for a time string or signal that the record does not have
     */
    public static void write(Options options, Appendable out) throws IOException {
        WfdbReadOptions ro = WfdbReadOptions.DEFAULT.withFrameMode(
                options.highResolution() ? FrameMode.HIGH_RESOLUTION : FrameMode.AVERAGE);
        try (WfdbReader reader = Wfdb.open(options.record(), ro)) {
            write(reader, options, out);
        }
    }

    static void write(WfdbReader reader, Options o, Appendable out) throws IOException {
        WfdbHeader h = reader.header();
        int m = o.highResolution() ? h.maxSamplesPerFrame() : 1;
        WfdbTime time = m > 1 ? h.time().highResolution(m) : h.time();
        long from = o.from() == null ? 0 : Math.abs(time.strtim(o.from()));
        long to = o.to() == null ? 0 : Math.abs(time.strtim(o.to()));
        long maxLength = o.length() == null ? 0 : Math.abs(time.strtim(o.length()));
        if (maxLength != 0 && (to == 0 || to > from + maxLength)) {
            to = from + maxLength;
        }
        int[] sig = new int[o.signals().isEmpty() ? h.numberOfSignals() : o.signals().size()];
        for (int i = 0; i < sig.length; i++) {
            sig[i] = o.signals().isEmpty() ? i : findSignal(h, o.signals().get(i));
        }
        long available = reader.deskewedLength() * m;
        long end = to == 0 ? available : Math.min(to, available);
        boolean physical = o.physical() > 0;
        boolean precise = o.physical() > 1;
        StringBuilder sb = new StringBuilder(1 << 16);
        if (o.verbose()) {
            sb.append(physical ? "   Elapsed time" : "       sample #");
            for (int s : sig) {
                String d = h.signals().get(s).description();
                if (d.contains(", signal ")) {
                    d = "sig " + s;
                }
                int keep = precise ? 15 : 7;
                if (d.length() > keep) {
                    d = d.substring(d.length() - keep);
                }
                sb.append('\t');
                CFormat.right(sb, d, keep);
            }
            sb.append('\n');
            if (physical) {
                sb.append("      (seconds)");
                for (int s : sig) {
                    String u = h.signals().get(s).unitsOrDefault();
                    int keep = precise ? 13 : 5;
                    if (u.length() > keep) {
                        u = u.substring(0, keep);
                    }
                    sb.append('\t');
                    CFormat.right(sb, "(" + u, precise ? 14 : 6);
                    sb.append(')');
                }
                sb.append('\n');
            }
        }
        double freq = time.frequency();
        for (long t = from; t < end; ) {
            long f0 = t / m;
            long f1 = Math.min((end + m - 1) / m, f0 + CHUNK_FRAMES);
            // physical values come from the library's conversion, so these tests check it too
            double[][] x = physical ? reader.readPhysical(f0, f1, sig) : null;
            int[][] d = physical ? null : reader.readDigital(f0, f1, sig);
            long chunkEnd = Math.min(end, f1 * m);
            for (; t < chunkEnd; t++) {
                int k = (int) (t - f0 * m);
                if (physical) {
                    CFormat.fixed(sb, t / freq, 15, 3);
                    for (int i = 0; i < sig.length; i++) {
                        double v = x[i][k];
                        sb.append('\t');
                        if (Double.isNaN(v)) {
                            sb.append(precise ? "              -" : "      -");
                        } else {
                            CFormat.fixed(sb, v, precise ? 15 : 7, precise ? 8 : 3);
                        }
                    }
                } else {
                    CFormat.integer(sb, t, 15);
                    for (int i = 0; i < sig.length; i++) {
                        int v = d[i][k];
                        sb.append('\t');
                        CFormat.integer(sb, v == WfdbRecord.INVALID_SAMPLE ? -32768 : v, 7);
                    }
                }
                sb.append('\n');
                if (sb.length() > 1 << 16) {
                    out.append(sb);
                    sb.setLength(0);
                }
            }
        }
        out.append(sb);
    }

    /** WFDB's {@code findsig}: a number below the signal count, otherwise an exact signal name. */
    static int findSignal(WfdbHeader h, String spec) {
        if (!spec.isEmpty() && spec.chars().allMatch(Character::isDigit)) {
            try {
                int s = Integer.parseInt(spec);
                if (s < h.numberOfSignals()) {
                    return s;
                }
            } catch (NumberFormatException e) {
                // too long to be a signal number: try it as a name
            }
        }
        for (int s = 0; s < h.numberOfSignals(); s++) {
            if (h.signals().get(s).description().equals(spec)) {
                return s;
            }
        }
        throw new IllegalArgumentException("can't read signal '" + spec + "'");
    }
}
