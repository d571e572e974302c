package org.ecgchat.io.delineate;

import java.util.List;
import java.util.Locale;
import org.ecgchat.io.wfdb.Annotation;
import org.ecgchat.io.wfdb.AnnotationCode;

/**
 * Beat-by-beat comparison of a test annotator against a reference, with the matching rules of
 * WFDB's {@code bxb} (ANSI/AAMI EC38/EC57): beats are paired when they lie within the match window
 * (150 ms by default) and each is a better match than its neighbour; unmatched reference beats
 * count as misses (pseudo-beat "O", or "X" during test shutdown) and unmatched test beats as false
 * detections; beats are mapped to the AAMI classes N, V, F, Q (SVEBs count as N); reference
 * ventricular flutter episodes are excluded and NOISE annotations with subtype bits 4 and 5 set
 * mark shutdown. By default the comparison starts 5 minutes into the record (the AAMI learning
 * period) and runs to the end of the record. {@link Result#report} prints bxb's standard report.
 */
public final class BeatComparison {

    private static final long HUGE = Long.MAX_VALUE / 4;
    private static final int NOISE = AnnotationCode.NOISE.code();
    private static final int VFON = AnnotationCode.VFON.code();
    private static final int VFOFF = AnnotationCode.VFOFF.code();

    /** Comparison interval and match window, in samples. */
    public record Window(long start, long end, long matchWindow) {

        /**
         * bxb's defaults: from 5 minutes to the end of the record ({@code recordLength} samples;
         * −1 when unknown: to the end of the reference annotations), 150 ms match window.
         */
        public static Window standard(double samplingFrequency, long recordLength) {
            return new Window(seconds(300, samplingFrequency), recordLength, seconds(0.15, samplingFrequency));
        }

        /** The whole record ({@code -f 0}) with the standard 150 ms match window. */
        public static Window wholeRecord(double samplingFrequency, long recordLength) {
            return new Window(0, recordLength, seconds(0.15, samplingFrequency));
        }

        private static long seconds(double s, double fs) {
            return (long) (s * fs + 0.5);
        }
    }

    private final List<Annotation> ref;
    private final List<Annotation> test;
    private final Window window;
    private final double samplingFrequency;
    private final long[][] counts = new long[7][5];

    private int refIndex;
    private int testIndex;
    private char bigA, bigAPrime, smallA, smallAPrime;
    private long bigT, bigTPrime, smallT, smallTPrime;
    private long vfOnRef = -1, vfOffRef = -1, pvfOnRef = -1, pvfOffRef = -1;
    private long sdOnRef = -1, sdOffRef = -1, psdOnRef = -1, psdOffRef = -1;
    private long sdOnTest = -1, sdOffTest = -1, psdOnTest = -1, psdOffTest = -1;
    private long shutDown;

    private BeatComparison(List<Annotation> ref, List<Annotation> test, Window window, double samplingFrequency) {
        this.ref = ref;
        this.test = test;
        this.window = window;
        this.samplingFrequency = samplingFrequency;
    }

    /**
     * Compares two annotation lists (each sorted by sample).
     *
     * @throws IllegalArgumentException if a list is not sorted or the window is empty
     */
    public static Result compare(List<Annotation> reference, List<Annotation> test, Window window, double samplingFrequency) {
        checkSorted(reference, "reference");
        checkSorted(test, "test");
        if (window.end() > 0 && window.end() < window.start()) {
            throw new IllegalArgumentException("comparison ends (" + window.end() + ") before it starts ("
                    + window.start() + ")");
        }
        return new BeatComparison(reference, test, window, samplingFrequency).run();
    }

    private static void checkSorted(List<Annotation> events, String what) {
        for (int i = 1; i < events.size(); i++) {
            if (events.get(i).sample() < events.get(i - 1).sample()) {
                throw new IllegalArgumentException("the " + what + " annotations are not in time order at index "
                        + i + " (sample " + events.get(i).sample() + " after " + events.get(i - 1).sample() + ")");
            }
        }
    }

    private Result run() {
        long start = window.start(), match = window.matchWindow(), end = window.end();
        shutDown = (long) (0.5 * samplingFrequency + 0.5);
        do {
            getRef();
        } while (bigT < start);
        do {
            getTest();
        } while (smallTPrime < start);
        if (bigT - smallT < Math.abs(bigT - smallTPrime) && bigT - smallT <= match) {
            if (bigA != 0 || smallA != 0) {
                pair(bigA, smallA);
            }
            getRef();
            getTest();
        } else {
            getTest();
            if (smallT - start <= match && Math.abs(bigT - smallTPrime) < Math.abs(bigT - smallT)) {
                getTest();
            }
        }
        while ((end > 0 && (bigT <= end || smallT <= end)) || (end == -1 && bigT != HUGE)
                || (end == 0 && bigT != HUGE && smallT != HUGE)) {
            if (smallT < bigT) {
                if (bigT - smallT <= match && (bigT - smallT < Math.abs(bigT - smallTPrime)
                        || Math.abs(bigTPrime - smallTPrime) < Math.abs(bigT - smallTPrime))) {
                    pair(bigA, smallA);
                    getRef();
                    getTest();
                } else {
                    pair(refPseudoBeat(smallT), smallA);
                    getTest();
                }
            } else {
                if (smallT - bigT <= match && (smallT - bigT < Math.abs(smallT - bigTPrime)
                        || Math.abs(smallTPrime - bigTPrime) < Math.abs(smallT - bigTPrime))) {
                    pair(bigA, smallA);
                    getTest();
                    getRef();
                } else {
                    pair(bigA, testPseudoBeat(bigT));
                    getRef();
                }
            }
        }
        long second = (long) (samplingFrequency + 0.5);
        return new Result(counts, shutDown / Math.max(1, second));
    }

    private void getRef() {
        bigT = bigTPrime;
        bigA = bigAPrime;
        while (refIndex < ref.size()) {
            Annotation e = ref.get(refIndex++);
            if (e.isBeat()) {
                bigTPrime = e.sample();
                bigAPrime = aamiClass(e.code());
                return;
            } else if (e.code() == NOISE && (e.subtype() & 0x30) == 0x30) {
                psdOnRef = sdOnRef;
                psdOffRef = sdOffRef;
                sdOnRef = e.sample();
                if (refIndex >= ref.size()) {
                    bigTPrime = sdOffRef = HUGE;
                    bigAPrime = '*';
                    return;
                }
                Annotation next = ref.get(refIndex++);
                if (next.code() == NOISE && (next.subtype() & 0x30) != 0x30) {
                    sdOffRef = next.sample();
                } else {
                    sdOnRef = (vfOffRef > bigT ? vfOffRef : bigT) + window.matchWindow();
                    sdOffRef = next.sample() - window.matchWindow();
                    sdOnRef = Math.min(sdOnRef, sdOffRef);
                    refIndex--;
                }
            } else if (e.code() == VFON) {
                pvfOnRef = vfOnRef;
                pvfOffRef = vfOffRef;
                vfOnRef = e.sample();
                Annotation next;
                do {
                    if (refIndex >= ref.size()) {
                        bigTPrime = HUGE;
                        bigAPrime = '*';
                        return;
                    }
                    next = ref.get(refIndex++);
                } while (next.code() != VFOFF);
                vfOffRef = next.sample();
            }
        }
        bigTPrime = HUGE;
        bigAPrime = '*';
    }

    private void getTest() {
        smallT = smallTPrime;
        smallA = smallAPrime;
        while (testIndex < test.size()) {
            Annotation e = test.get(testIndex++);
            if (e.isBeat()) {
                smallTPrime = e.sample();
                smallAPrime = aamiClass(e.code());
                return;
            }
            if (e.code() == NOISE && (e.subtype() & 0x30) == 0x30) {
                psdOnTest = sdOnTest;
                psdOffTest = sdOffTest;
                sdOnTest = e.sample();
                if (testIndex >= test.size()) {
                    smallTPrime = HUGE;
                    smallAPrime = '*';
                    if (window.end() > 0) {
                        shutDown += window.end() - sdOnTest;
                    }
                    return;
                }
                Annotation next = test.get(testIndex++);
                if (next.code() == NOISE && (next.subtype() & 0x30) != 0x30) {
                    sdOffTest = next.sample();
                } else {
                    sdOnTest = smallT + window.matchWindow();
                    sdOffTest = next.sample() - window.matchWindow();
                    sdOnTest = Math.min(sdOnTest, sdOffTest);
                    testIndex--;
                }
                shutDown += sdOffTest - sdOnTest;
            } else if (e.code() == VFON) {
                Annotation next;
                do {
                    if (testIndex >= test.size()) {
                        smallTPrime = HUGE;
                        smallAPrime = '*';
                        return;
                    }
                    next = test.get(testIndex++);
                } while (next.code() != VFOFF);
            }
        }
        smallTPrime = HUGE;
        smallAPrime = '*';
    }

    /** The pseudo-beat an unmatched test beat is paired with. */
    private char refPseudoBeat(long t) {
        if ((vfOnRef != -1 && vfOnRef <= t && (t <= vfOffRef || vfOffRef == -1))
                || (pvfOnRef != -1 && pvfOnRef <= t && t <= pvfOffRef)) {
            return '*'; // test beats during reference-marked VF are not counted
        }
        if ((sdOnRef != -1 && sdOnRef <= t && (t <= sdOffRef || sdOffRef == -1))
                || (psdOnRef != -1 && psdOnRef <= t && t <= psdOffRef)) {
            return 'X';
        }
        return 'O';
    }

    /** The pseudo-beat an unmatched reference beat is paired with. */
    private char testPseudoBeat(long t) {
        if ((sdOnTest != -1 && sdOnTest <= t && (t <= sdOffTest || sdOffTest == -1))
                || (psdOnTest != -1 && psdOnTest <= t && t <= psdOffTest)) {
            return 'X';
        }
        return 'O';
    }

    private static final String REF_ROWS = "NVFQOX";
    private static final String TEST_COLUMNS = "NVFQO";

    private void pair(char refClass, char testClass) {
        int row = REF_ROWS.indexOf(refClass);
        int column = testClass == 'X' ? 4 : TEST_COLUMNS.indexOf(testClass);
        if (row < 0 || column < 0 || (row >= 4 && column == 4)) {
            return; // '*' and undefined pairs are not counted, as in bxb
        }
        if (testClass == 'X') {
            counts[row][4]++;
            counts[6][row]++; // remember X separately from O for the report
        } else {
            counts[row][column]++;
        }
    }

    /** bxb's {@code amap} in its standard (non-SVEB) form. */
    static char aamiClass(int code) {
        switch (code) {
            case 1, 2, 3, 25, 7, 8, 9, 4, 11, 34, 35: // N L R B; J A S a; j e n
                return 'N';
            case 5, 41, 10: // V r E
                return 'V';
            case 6: // F
                return 'F';
            case 13, 12, 38, 30: // Q / f and the learning label
                return 'Q';
            default:
                return 'O';
        }
    }

    /**
     * The confusion counts. Rows are reference classes N, V, F, Q, O (extra test beat), X (test
     * beat during reference shutdown); columns are test classes n, v, f, q and o+x (missed).
     */
    public static final class Result {
        private final long[][] matrix;
        private final long[] missedInShutdown;
        private final long shutdownSeconds;

        Result(long[][] counts, long shutdownSeconds) {
            this.matrix = new long[6][5];
            for (int r = 0; r < 6; r++) {
                System.arraycopy(counts[r], 0, matrix[r], 0, 5);
            }
            this.missedInShutdown = counts[6].clone();
            this.shutdownSeconds = shutdownSeconds;
        }

        /**
         * Count of reference class {@code ref} (one of "NVFQOX") labelled {@code test} by the test
         * annotator (one of "nvfqox"; o = missed, x = missed during test shutdown), as in bxb's table.
         */
        public long count(char ref, char test) {
            int row = REF_ROWS.indexOf(ref);
            int column = "nvfqox".indexOf(test);
            if (row < 0 || column < 0 || (row >= 4 && column >= 4)) {
                throw new IllegalArgumentException("no cell (" + ref + ", " + test + ") in bxb's table");
            }
            return switch (column) {
                case 4 -> matrix[row][4] - missedInShutdown[row];
                case 5 -> missedInShutdown[row];
                default -> matrix[row][column];
            };
        }

        /** Reference beats the test annotator detected (of any class). */
        public long truePositives() {
            long tp = 0;
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 4; c++) {
                    tp += matrix[r][c];
                }
            }
            return tp;
        }

        /** Reference beats the test annotator missed. */
        public long falseNegatives() {
            long fn = 0;
            for (int r = 0; r < 4; r++) {
                fn += matrix[r][4];
            }
            return fn;
        }

        /** Test beats with no reference beat. */
        public long falsePositives() {
            long fp = 0;
            for (int r = 4; r < 6; r++) {
                for (int c = 0; c < 4; c++) {
                    fp += matrix[r][c];
                }
            }
            return fp;
        }

        /** QRS sensitivity TP / (TP + FN), NaN when there are no reference beats. */
        public double sensitivity() {
            return ratio(truePositives(), truePositives() + falseNegatives());
        }

        /** QRS positive predictivity TP / (TP + FP), NaN when there are no test beats. */
        public double positivePredictivity() {
            return ratio(truePositives(), truePositives() + falsePositives());
        }

        private static double ratio(long a, long b) {
            return b <= 0 ? Double.NaN : (double) a / b;
        }

        /** The report as bxb prints it in its standard format ({@code -s}). */
        public String report(String record, String referenceAnnotator, String testAnnotator) {
            long[][] m = matrix;
            long[] x = missedInShutdown;
            StringBuilder s = new StringBuilder();
            s.append("Beat-by-beat comparison results for record ").append(record).append('\n');
            s.append("Reference annotator: ").append(referenceAnnotator).append('\n');
            s.append("     Test annotator: ").append(testAnnotator).append("\n\n");
            s.append("               Algorithm\n");
            s.append("        n    v    f    q    o    x\n");
            s.append("   _______________________________\n");
            String[] names = {"N", "V", "F", "Q"};
            for (int r = 0; r < 4; r++) {
                s.append(String.format(Locale.ROOT, " %s | %4d %4d %4d %4d %4d %4d%n", names[r],
                        m[r][0], m[r][1], m[r][2], m[r][3], m[r][4] - x[r], x[r]));
            }
            s.append(String.format(Locale.ROOT, " O | %4d %4d %4d %4d%n", m[4][0], m[4][1], m[4][2], m[4][3]));
            s.append(String.format(Locale.ROOT, " X | %4d %4d %4d %4d%n%n", m[5][0], m[5][1], m[5][2], m[5][3]));
            long tp = truePositives(), fn = falseNegatives(), fp = falsePositives();
            long vtp = m[1][1];
            long vfn = m[1][0] + m[1][2] + m[1][3] + m[1][4];
            long vfp = m[0][1] + m[4][1] + m[5][1];
            long vtn = m[0][0] + m[0][2] + m[0][3] + m[2][0] + m[2][2] + m[2][3] + m[3][0] + m[3][2] + m[3][3]
                    + m[4][0] + m[4][2] + m[4][3] + m[5][0] + m[5][2] + m[5][3];
            stat(s, "           QRS sensitivity", "%6.2f", tp, tp + fn);
            stat(s, " QRS positive predictivity", "%6.2f", tp, tp + fp);
            stat(s, "           VEB sensitivity", "%6.2f", vtp, vtp + vfn);
            stat(s, " VEB positive predictivity", "%6.2f", vtp, vtp + vfp);
            stat(s, "   VEB false positive rate", "%6.3f", vfp, vtn + vfp);
            s.append('\n');
            stat(s, "\n  Beats missed in shutdown", "%6.2f", x[0] + x[1] + x[2] + x[3], tp + fn);
            stat(s, "      N missed in shutdown", "%6.2f", x[0], rowTotal(0));
            stat(s, "      V missed in shutdown", "%6.2f", x[1], rowTotal(1));
            stat(s, "      F missed in shutdown", "%6.2f", x[2], rowTotal(2));
            s.append("       Total shutdown time: ");
            s.append(String.format(Locale.ROOT, "%5d seconds%n", shutdownSeconds));
            return s.toString().replace(System.lineSeparator(), "\n");
        }

        private long rowTotal(int r) {
            long t = 0;
            for (long v : matrix[r]) {
                t += v;
            }
            return t;
        }

        private static void stat(StringBuilder s, String label, String format, long a, long b) {
            s.append(label).append(": ");
            if (b <= 0) {
                s.append("     - ");
            } else {
                s.append(String.format(Locale.ROOT, format, 100.0 * a / b)).append('%');
            }
            s.append(" (").append(a).append('/').append(b).append(")\n");
        }
    }
}
