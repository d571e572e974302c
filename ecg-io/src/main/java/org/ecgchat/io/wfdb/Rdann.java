package org.ecgchat.io.wfdb;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * Lists annotations as WFDB C 10.7's {@code rdann} does, byte for byte: time, sample number,
 * mnemonic, subtype, chan, num, then a tab and the aux text if there is one. The characters
 * written are the file's bytes read as ISO-8859-1, so an ISO-8859-1 {@link Writer} reproduces
 * rdann's output exactly.
 *
 * <p>Like rdann: a file with its own time resolution prints times at that resolution and sample
 * numbers of the record; a record without header is read at WFDB's default 250 Hz; {@code -f TIME}
 * positions as WFDB's {@code iannsettime} does, which rewinds to the very start of the file (header
 * notes included) when the annotation after the first is already at or past TIME (so
 * {@code -f 0} lists the header notes too).
 */
public final class Rdann {

    /**
     * rdann's options.
     *
     * @param record    record path without extension ({@code -r})
     * @param annotator annotator ({@code -a}), the annotation file's extension
     * @param from      {@code -f}: start time (seconds, [hh:]mm:ss, {@code sN}, {@code [hh:mm:ss dd/mm/yyyy]}),
     *                  or {@code aN}/{@code bN} to skip N annotations/beats; null for the start
     * @param to        {@code -t}: stop time, or {@code aN}/{@code bN}/{@code #N} to stop after N
     *                  annotations/beats (from the start / after the start); null for the end
     * @param types     {@code -p}: mnemonics of the types to print (standard table); empty for all
     * @param chan      {@code -c}: print this chan only (C {@code atoi}, as a signed byte), or null
     * @param num       {@code -n}: print this num only, or null
     * @param subtype   {@code -s}: print this subtype only, or null
     * @param elapsed   {@code -e}: elapsed times instead of times of day
     * @param units     {@code -x}: seconds, minutes and hours columns instead of time and sample
     * @param headings  {@code -v}: print column headings
     */
    public record Options(Path record, String annotator, String from, String to, List<String> types,
                          String chan, String num, String subtype, boolean elapsed, boolean units, boolean headings) {
        public Options {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(annotator, "annotator");
            types = types == null ? List.of() : List.copyOf(types);
            if (elapsed && units) {
                throw new IllegalArgumentException("only one of -e and -x can be used");
            }
            if ((from != null && from.isBlank()) || (to != null && to.isBlank())) {
                throw new IllegalArgumentException("-f and -t need a time, not an empty string");
            }
        }

        /** Plain {@code rdann -r RECORD -a ANNOTATOR}. */
        public static Options of(Path record, String annotator) {
            return new Options(record, annotator, null, null, List.of(), null, null, null, false, false, false);
        }
    }

    private Rdann() {}

    /**
     * Writes the listing.
     *
     * @throws IllegalArgumentException if an option is malformed ({@code -p} without a standard
     *                                  mnemonic first, a bad time) or {@code -f} lies beyond the
     *                                  last annotation (rdann then exits with status 2, printing nothing)
     * @throws WfdbMissingFileException if the annotation file does not exist
     * @throws WfdbFormatException      if the header or the annotation file is damaged (the lines
     *                                  before the damage have been written, as rdann prints them)
     */
    public static void write(Options options, Writer out) throws IOException {
        boolean[] wanted = null;
        if (!options.types().isEmpty()) {
            // rdann looks mnemonics up before opening the file: in the standard table only
            if (AnnotationCode.forMnemonic(options.types().get(0)).isEmpty()) {
                throw new IllegalArgumentException("annotation mnemonic(s) must follow -p, not '" + options.types().get(0) + "'");
            }
            wanted = new boolean[AnnotationCode.ACMAX + 1];
            for (String t : options.types()) {
                Optional<AnnotationCode> c = AnnotationCode.forMnemonic(t);
                if (c.isPresent()) {
                    wanted[c.get().code()] = true;
                }
            }
        }
        Path record = options.record();
        double sps;
        WfdbTime recordTime;
        if (Files.exists(record.resolveSibling(record.getFileName() + ".hea"))) {
            WfdbHeader header = Wfdb.readHeader(record);
            sps = header.samplingFrequency();
            recordTime = WfdbTime.of(header);
        } else { // rdann goes on at WFDB's default frequency when there is no header
            sps = WfdbHeader.DEFAULT_FREQUENCY;
            recordTime = WfdbTime.ofFrequency(sps);
        }
        try (AnnotationReader reader = AnnotationReader.open(Annotations.file(record, options.annotator()))) {
            list(options, wanted, reader, sps, recordTime, out);
        } finally {
            out.flush();
        }
    }

    /** rdann's main loop, after the options are read and the file is open. */
    private static void list(Options options, boolean[] wanted, AnnotationReader reader, double sps,
                             WfdbTime recordTime, Writer out) throws IOException {
        String from = options.from();
        String to = options.to();
        double afreq = reader.timeResolution().orElse(0);
        double tps = afreq < sps ? sps : afreq;
        Cursor cursor = new Cursor(reader);
        long anum = 0;
        long bnum = 0;
        if (from != null) {
            char kind = from.charAt(0);
            if (kind == 'a' || kind == 'b' || kind == '#') {
                long skip = Math.max(0, atol(from.substring(1)));
                Annotation a;
                while ((kind == 'a' ? anum : bnum) < skip && (a = cursor.next()) != null) {
                    anum++;
                    if (a.isBeat()) {
                        bnum++;
                    }
                }
                if ((kind == 'a' ? anum : bnum) < skip) {
                    throw new IllegalArgumentException("-f " + from + ": the file has fewer "
                            + (kind == 'a' ? "annotations" : "beats"));
                }
            } else {
                long t = Math.abs(recordTime.strtim(from));
                if (!cursor.seek(t, a -> afreq > 0 ? AnnotationFile.convertTime(a.sample(), afreq, sps) : a.sample())) {
                    throw new IllegalArgumentException("-f " + from + ": no annotation at or after that time");
                }
            }
        }
        long ato = 0;
        long bto = 0;
        long toSample = 0;
        if (to != null) {
            switch (to.charAt(0)) {
                case 'a' -> ato = Math.max(0, atol(to.substring(1)));
                case 'b' -> bto = Math.max(0, atol(to.substring(1)));
                case '#' -> bto = Math.max(1, atol(to.substring(1))) + bnum;
                default -> toSample = Math.abs(recordTime.strtim(to));
            }
        }
        if (options.headings()) {
            out.write(headingLine(options, recordTime));
        }
        WfdbTime time = tps == sps ? recordTime : recordTime.withFrequency(tps);
        int chanMatch = (byte) atol(options.chan());
        int numMatch = (byte) atol(options.num());
        int subtypeMatch = (byte) atol(options.subtype());
        int[] precision = unitPrecisions(tps);
        for (Annotation a = cursor.next(); a != null; a = cursor.next()) {
            long t = afreq > 0 ? AnnotationFile.convertTime(a.sample(), afreq, tps) : a.sample();
            long sampleNumber = tps == sps ? t : (long) Math.floor(t * sps / tps + 0.5);
            if (toSample != 0 && sampleNumber > toSample) {
                break;
            }
            if ((wanted == null || (a.type().isLegal() && wanted[a.code()]))
                    && (options.chan() == null || a.chan() == chanMatch)
                    && (options.num() == null || a.num() == numMatch)
                    && (options.subtype() == null || a.subtype() == subtypeMatch)) {
                StringBuilder line = new StringBuilder(64);
                if (options.elapsed()) {
                    line.append(time.mstimstr(t)).append(String.format(Locale.ROOT, "  %7d", sampleNumber));
                } else if (options.units()) {
                    line.append(fixed(t / tps, precision[0] + 6, precision[0])).append(' ')
                            .append(fixed(t / (60.0 * tps), precision[1] + 4, precision[1])).append(' ')
                            .append(fixed(t / (60.0 * (60.0 * tps)), precision[2] + 2, precision[2]));
                } else {
                    line.append(time.mstimstr(-t)).append(String.format(Locale.ROOT, "  %7d", sampleNumber));
                }
                line.append(String.format(Locale.ROOT, "%6s%5d%5d%5d", a.mnemonic(), a.subtype(), a.chan(), a.num()));
                if (a.aux() != null) {
                    line.append('\t').append(a.aux());
                }
                out.write(line.append('\n').toString());
            }
            if (ato != 0 && ++anum >= ato) {
                break;
            }
            if (bto != 0 && a.isBeat() && ++bnum >= bto) {
                break;
            }
        }
    }

    private static String headingLine(Options options, WfdbTime recordTime) {
        String first;
        if (options.elapsed()) {
            first = "Elapsed time  Sample #  ";
        } else if (options.units()) {
            first = "  Seconds   Minutes     Hours  ";
        } else {
            String probe = recordTime.mstimstr(-1);
            if (probe.indexOf('/') >= 0) {
                first = "      Time       Date     Sample #  ";
            } else if (probe.startsWith("[")) {
                first = "      Time     Sample #  ";
            } else {
                first = "      Time   Sample #  ";
            }
        }
        return first + "Type  Sub Chan  Num\tAux\n";
    }

    /** Decimal places of the seconds, minutes and hours columns of {@code -x}, as rdann chooses them. */
    private static int[] unitPrecisions(double tps) {
        int[] p = {3, 5, 7};
        double[] limit = {tps, 60.0 * tps, 60.0 * (60.0 * tps)};
        double[] start = {1000, 100000, 10000000};
        for (int i = 0; i < 3; i++) {
            for (double n = start[i]; n < limit[i]; n *= 10) {
                p[i]++;
            }
        }
        return p;
    }

    /** C's {@code %W.Pf}: the exact binary value rounded half-even, right-aligned. */
    private static String fixed(double value, int width, int precision) {
        String s = new BigDecimal(value).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        if (value < 0 && s.charAt(0) != '-') {
            s = "-" + s;
        }
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }

    /** C's atol: leading blanks, a sign, digits; anything else ends the number (no digits: 0). */
    static long atol(String s) {
        if (s == null) {
            return 0;
        }
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long v = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            v = v * 10 + (s.charAt(i) - '0');
            if (v > Long.MAX_VALUE / 10) {
                break;
            }
            i++;
        }
        return negative ? -v : v;
    }

    /**
     * The annotations rdann's getann returns, with the look-ahead WFDB's iannsettime judges by.
     * WFDB decodes one annotation ahead of what it returns; {@link #seek} reproduces where its
     * iannsettime lands, including its rewind to the very start of the file (header notes
     * included) when the annotation after the first is already at or past the time sought.
     */
    private static final class Cursor {
        private final AnnotationReader reader;
        private final List<Annotation> headerNotes;
        private final Deque<Annotation> buffered = new ArrayDeque<>();

        Cursor(AnnotationReader reader) {
            this.reader = reader;
            this.headerNotes = reader.headerNotes();
        }

        Annotation next() throws IOException {
            return buffered.isEmpty() ? reader.read() : buffered.poll();
        }

        /** Fills the buffer to n annotations if the file has them; returns how many there are. */
        private int fill(int n) throws IOException {
            while (buffered.size() < n) {
                Annotation a = reader.read();
                if (a == null) {
                    break;
                }
                buffered.add(a);
            }
            return buffered.size();
        }

        /** Positions at the first annotation with sample time >= t as iannsettime(t) does; false if none. */
        boolean seek(long t, ToLongFunction<Annotation> sampleTime) throws IOException {
            int p = headerNotes.size();
            boolean nullEndsNotes = p > 0 && headerNotes.get(p - 1).code() == AnnotationCode.NOTQRS.code();
            int available = fill(2);
            Iterator<Annotation> ahead = buffered.iterator();
            Annotation first = available > 0 ? ahead.next() : null;
            Annotation second = available > 1 ? ahead.next() : null;
            // look-ahead in the whole file (header notes, then what read() returns); null = none at all
            Annotation lookahead;
            boolean lookaheadIsFirst;
            if (nullEndsNotes) {
                lookahead = first != null ? first : headerNotes.get(p - 1);
                lookaheadIsFirst = first != null;
            } else if (first != null) {
                lookahead = second != null ? second : first;
                lookaheadIsFirst = second == null;
            } else {
                lookahead = p > 0 ? headerNotes.get(p - 1) : null;
                lookaheadIsFirst = false;
            }
            if (lookahead == null) { // nothing to read: rdann ends quietly for -f 0, with status 2 otherwise
                return t == 0;
            }
            if (sampleTime.applyAsLong(lookahead) >= t) {
                // rewind: everything from the start of the file counts, header notes included
                Deque<Annotation> all = new ArrayDeque<>(headerNotes);
                all.addAll(buffered);
                buffered.clear();
                buffered.addAll(all);
            } else if (!lookaheadIsFirst && second != null) {
                buffered.poll(); // the annotation before the look-ahead is skipped unseen
            } else if (available == 0) {
                return false;
            }
            Annotation a;
            while ((a = next()) != null) {
                if (sampleTime.applyAsLong(a) >= t) {
                    buffered.addFirst(a);
                    return true;
                }
            }
            return false;
        }
    }
}
