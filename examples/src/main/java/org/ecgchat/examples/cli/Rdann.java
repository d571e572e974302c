package org.ecgchat.examples.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.ToLongFunction;
import org.ecgchat.io.EcgIoException;
import org.ecgchat.io.wfdb.Annotation;
import org.ecgchat.io.wfdb.AnnotationCode;
import org.ecgchat.io.wfdb.AnnotationFile;
import org.ecgchat.io.wfdb.AnnotationReader;
import org.ecgchat.io.wfdb.Annotations;
import org.ecgchat.io.wfdb.Wfdb;
import org.ecgchat.io.wfdb.WfdbHeader;
import org.ecgchat.io.wfdb.WfdbTime;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ecg-chat rdann}: prints an annotation file as text, byte for byte what WFDB C 10.7's
 * {@code rdann} prints for the same options (time, sample number, mnemonic, subtype, chan, num,
 * then a tab and the aux text if there is one).
 */
@Command(name = "rdann", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Print an annotation file as text, as WFDB's rdann does.",
            "Times: seconds, hh:mm:ss, sNNN (sample number), [hh:mm:ss dd/mm/yyyy] (time of day);",
            "-f also takes aNNN (skip NNN annotations) and bNNN (skip NNN beats), -t aNNN/bNNN/#NNN (stop after)."})
public final class Rdann implements Callable<Integer> {

    @Option(names = "-r", required = true, paramLabel = "RECORD", description = "record path without extension")
    String record;

    @Option(names = "-a", required = true, paramLabel = "ANNOTATOR", description = "annotator (file extension), e.g. atr")
    String annotator;

    @Option(names = "-f", paramLabel = "TIME", description = "start at TIME")
    String from;

    @Option(names = "-t", paramLabel = "TIME", description = "stop at TIME")
    String to;

    @Option(names = "-p", arity = "1..*", paramLabel = "TYPE", description = "print annotations of these types only")
    List<String> types;

    @Option(names = "-c", paramLabel = "CHAN", description = "print annotations with this chan only")
    String chan;

    @Option(names = "-n", paramLabel = "NUM", description = "print annotations with this num only")
    String num;

    @Option(names = "-s", paramLabel = "SUBTYPE", description = "print annotations with this subtype only")
    String subtype;

    @ArgGroup(exclusive = true)
    TimeColumns timeColumns = new TimeColumns();

    @Option(names = "-v", description = "print column headings")
    boolean headings;

    static final class TimeColumns {
        @Option(names = "-e", description = "show annotation times as elapsed times")
        boolean elapsed;

        @Option(names = "-x", description = "show times in seconds, minutes and hours")
        boolean units;
    }

    private final OutputStream stdout;
    private final PrintStream stderr;

    public Rdann() {
        this(System.out, System.err);
    }

    Rdann(OutputStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public Integer call() throws IOException {
        boolean[] wanted = null;
        if (types != null) {
            // rdann looks mnemonics up before opening the file: in the standard table only
            if (AnnotationCode.forMnemonic(types.get(0)).isEmpty()) {
                stderr.println("rdann: annotation mnemonic(s) must follow -p");
                return 1;
            }
            wanted = new boolean[AnnotationCode.ACMAX + 1];
            for (String t : types) {
                Optional<AnnotationCode> c = AnnotationCode.forMnemonic(t);
                if (c.isPresent()) {
                    wanted[c.get().code()] = true;
                }
            }
        }
        Writer out = new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.ISO_8859_1), 1 << 16);
        try {
            Path recordPath = Path.of(record);
            double sps;
            WfdbTime recordTime;
            if (Files.exists(recordPath.resolveSibling(recordPath.getFileName() + ".hea"))) {
                WfdbHeader header = Wfdb.readHeader(recordPath);
                sps = header.samplingFrequency();
                recordTime = WfdbTime.of(header);
            } else { // rdann goes on at WFDB's default frequency when there is no header
                sps = WfdbHeader.DEFAULT_FREQUENCY;
                recordTime = WfdbTime.ofFrequency(sps);
            }
            try (AnnotationReader reader = AnnotationReader.open(Annotations.file(recordPath, annotator))) {
                return list(reader, sps, recordTime, wanted, out);
            }
        } catch (EcgIoException e) {
            out.flush();
            stderr.println("rdann: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) { // a bad time string or annotator name
            out.flush();
            stderr.println("rdann: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
        }
    }

    private int list(AnnotationReader reader, double sps, WfdbTime recordTime, boolean[] wanted, Writer out)
            throws IOException {
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
                    return 2;
                }
            } else {
                long t = Math.abs(recordTime.strtim(from));
                cursor = cursor.seek(t, a -> afreq > 0 ? AnnotationFile.convertTime(a.sample(), afreq, sps) : a.sample());
                if (cursor == null) {
                    stderr.println("rdann: no annotation at or after " + from);
                    return 2;
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
        if (headings) {
            out.write(headingLine(recordTime));
        }
        WfdbTime time = tps == sps ? recordTime : recordTime.withFrequency(tps);
        int chanMatch = (byte) atol(chan);
        int numMatch = (byte) atol(num);
        int subtypeMatch = (byte) atol(subtype);
        int[] precision = unitPrecisions(tps);
        for (Annotation a = cursor.next(); a != null; a = cursor.next()) {
            long t = afreq > 0 ? AnnotationFile.convertTime(a.sample(), afreq, tps) : a.sample();
            long sampleNumber = tps == sps ? t : (long) Math.floor(t * sps / tps + 0.5);
            if (toSample != 0 && sampleNumber > toSample) {
                break;
            }
            if ((wanted == null || (a.type().isLegal() && wanted[a.code()]))
                    && (chan == null || a.chan() == chanMatch)
                    && (num == null || a.num() == numMatch)
                    && (subtype == null || a.subtype() == subtypeMatch)) {
                StringBuilder line = new StringBuilder(64);
                if (timeColumns.elapsed) {
                    line.append(time.mstimstr(t)).append(String.format(Locale.ROOT, "  %7d", sampleNumber));
                } else if (timeColumns.units) {
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
        return 0;
    }

    private String headingLine(WfdbTime recordTime) {
        String first;
        if (timeColumns.elapsed) {
            first = "Elapsed time  Sample #  ";
        } else if (timeColumns.units) {
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

        /** Positions at the first annotation with sample time >= t as iannsettime(t) does; null if none. */
        Cursor seek(long t, ToLongFunction<Annotation> sampleTime) throws IOException {
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
                return t == 0 ? this : null;
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
                return null;
            }
            Annotation a;
            while ((a = next()) != null) {
                if (sampleTime.applyAsLong(a) >= t) {
                    buffered.addFirst(a);
                    return this;
                }
            }
            return null;
        }
    }
}
