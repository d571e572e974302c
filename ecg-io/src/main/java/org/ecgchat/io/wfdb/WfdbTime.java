package org.ecgchat.io.wfdb;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WFDB time strings for one record, with the semantics of the WFDB C library 10.7
 * ({@code timstr}, {@code mstimstr}, {@code strtim}). Times are counted in sample intervals at
 * {@link #frequency()}; negative values denote absolute times (time of day), as in WFDB.
 *
 * <p>Elapsed times print as {@code "   mm:ss"} or {@code "hh:mm:ss"} (and {@code .mmm} with
 * {@link #mstimstr}); when the record has a base time or date, a non-positive time prints as a
 * time of day {@code "[hh:mm:ss.mmm dd/mm/yyyy]"}. {@link #strtim} accepts seconds ({@code 12.5}),
 * {@code mm:ss}, {@code hh:mm:ss}, sample numbers ({@code s1200}), frame numbers ({@code f300}),
 * counter values ({@code c400}), the end of the record ({@code e}) and times of day
 * ({@code [08:30:00 20/07/1995]}, returned negative).
 */
public final class WfdbTime {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern CLOCK = Pattern.compile(
            "(" + NUMBER.pattern() + ")(?::(" + NUMBER.pattern() + "))?(?::(" + NUMBER.pattern() + "))?");
    private static final Pattern DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(-?\\d{1,5})");

    private final double frequency;
    private final double frameFrequency;
    private final double counterFrequency;
    private final double baseCounter;
    private final long baseTimeMillis;
    private final LocalDate baseDate;
    private final long end;

    private WfdbTime(double frequency, double frameFrequency, double counterFrequency, double baseCounter,
                     long baseTimeMillis, LocalDate baseDate, long end) {
        this.frequency = frequency;
        this.frameFrequency = frameFrequency;
        this.counterFrequency = counterFrequency;
        this.baseCounter = baseCounter;
        this.baseTimeMillis = baseTimeMillis;
        this.baseDate = baseDate;
        this.end = end;
    }

    /** Time conversions for a record read one value per frame (WFDB's low-resolution mode). */
    public static WfdbTime of(WfdbHeader header) {
        long millis = header.baseTime().map(t -> t.toNanoOfDay() / 1_000_000).orElse(0L);
        return new WfdbTime(header.samplingFrequency(), header.samplingFrequency(), header.counterFrequency(),
                header.baseCounter(), millis, header.baseDate().orElse(null), header.length().orElse(0));
    }

    /** Plain elapsed-time conversions at {@code frequency} samples per second, with no base time. */
    public static WfdbTime ofFrequency(double frequency) {
        return new WfdbTime(frequency, frequency, frequency, 0, 0, null, 0);
    }

    /**
     * The same record read at {@code samplesPerFrame} values per frame (WFDB's high-resolution
     * mode, {@code rdsamp -H}): sample numbers then count at the frame rate times that factor.
     */
    public WfdbTime highResolution(int samplesPerFrame) {
        return new WfdbTime(frameFrequency * samplesPerFrame, frameFrequency, counterFrequency, baseCounter,
                baseTimeMillis, baseDate, end * samplesPerFrame);
    }

    /**
     * The same record with times counted at {@code ticksPerSecond} (WFDB's {@code setsampfreq}),
     * keeping base time and date: {@code rdann} prints annotation files that declare a finer time
     * resolution this way.
     */
    public WfdbTime withFrequency(double ticksPerSecond) {
        return new WfdbTime(ticksPerSecond, frameFrequency, counterFrequency, baseCounter, baseTimeMillis, baseDate, end);
    }

    /** Samples per second that one time unit of this converter counts. */
    public double frequency() {
        return frequency;
    }

    /** True if the record states a base time or date (so times of day can be printed). */
    public boolean hasBaseTime() {
        return baseTimeMillis != 0 || baseDate != null;
    }

    /** WFDB {@code mstimstr}: elapsed time with milliseconds, or time of day for {@code t <= 0}. */
    public String mstimstr(long t) {
        if (t > 0 || !hasBaseTime()) {
            long u = Math.abs(t);
            long s = (long) (u / frequency);
            int msec = (int) ((u - s * frequency) * 1000 / frequency + 0.5);
            if (msec == 1000) {
                msec = 0;
                s++;
            }
            long seconds = s % 60;
            long minutes = (s / 60) % 60;
            long hours = s / 3600;
            if (hours > 0) {
                return String.format(Locale.ROOT, "%2d:%02d:%02d.%03d", hours, minutes, seconds, msec);
            }
            return String.format(Locale.ROOT, "   %2d:%02d.%03d", minutes, seconds, msec);
        }
        double tms = baseTimeMillis - (t * 1000.0 / frequency);
        long s = (long) (tms / 1000.0);
        int msec = (int) ((tms - s * 1000.0) + 0.5);
        if (msec == 1000) {
            msec = 0;
            s++;
        }
        long seconds = s % 60;
        long minutes = (s / 60) % 60;
        long hours = (s / 3600) % 24;
        long days = s / 86400;
        return String.format(Locale.ROOT, "[%02d:%02d:%02d.%03d%s]", hours, minutes, seconds, msec, dayString(days));
    }

    /** WFDB {@code timstr}: as {@link #mstimstr} without the milliseconds. */
    public String timstr(long t) {
        String ms = mstimstr(t);
        int dot = ms.indexOf('.');
        if (t <= 0 && hasBaseTime()) {
            return ms.substring(0, dot) + dayString(daysOf(t)) + "]";
        }
        return dot < 0 ? ms : ms.substring(0, dot);
    }

    private long daysOf(long t) {
        double tms = baseTimeMillis - (t * 1000.0 / frequency);
        long s = (long) (tms / 1000.0);
        if ((int) ((tms - s * 1000.0) + 0.5) == 1000) {
            s++;
        }
        return s / 86400;
    }

    private String dayString(long days) {
        if (baseDate != null) {
            return " " + formatDate(baseDate.plusDays(days));
        }
        return days == 0 ? "" : " " + days;
    }

    /**
     * WFDB {@code strtim}: the number of sample intervals a time string denotes. A time of day
     * ({@code [hh:mm:ss dd/mm/yyyy]}) gives a negative number, as in WFDB.
     *
     * @throws IllegalArgumentException if the string is not a WFDB time
     */
    public long strtim(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty time string");
        }
        char c = s.charAt(0);
        switch (c) {
            case 'c':
                return (long) ((number(s.substring(1), text) - baseCounter) * frequency / counterFrequency);
            case 'e':
                return end;
            case 'f':
                return (long) (integer(s.substring(1), text) * frequency / frameFrequency);
            case 's':
                return integer(s.substring(1), text);
            case '[': {
                int close = s.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("time of day without closing ']': " + text);
                }
                String inner = s.substring(1, close).strip();
                int space = inner.indexOf(' ');
                String clock = space < 0 ? inner : inner.substring(0, space);
                long days = 0;
                if (space >= 0) {
                    String rest = inner.substring(space + 1).strip();
                    if (rest.indexOf('/') >= 0) {
                        LocalDate d = parseDate(rest);
                        if (d == null) {
                            throw new IllegalArgumentException("bad date in time of day: " + text);
                        }
                        days = baseDate == null ? d.toEpochDay() : d.toEpochDay() - baseDate.toEpochDay();
                    } else {
                        days = integer(rest, text);
                    }
                }
                double x = clockSeconds(clock, text) * 1000.0;
                x = (long) (x + 0.5) - baseTimeMillis;
                if (days > 0) {
                    x += days * (24 * 60 * 60 * 1000.0);
                }
                return -(long) (x * frequency / 1000.0 + 0.5);
            }
            default:
                return (long) (clockSeconds(s, text) * frequency + 0.5);
        }
    }

    /** Seconds denoted by {@code x}, {@code m:s} or {@code h:m:s}. */
    private static double clockSeconds(String s, String original) {
        Matcher m = CLOCK.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a WFDB time (seconds, mm:ss, hh:mm:ss, sN, [hh:mm:ss]): "
                    + original);
        }
        double x = Double.parseDouble(m.group(1));
        if (m.group(4) == null) {
            return x;
        }
        double y = Double.parseDouble(m.group(4));
        if (m.group(7) == null) {
            return 60.0 * x + y;
        }
        return 3600.0 * x + 60.0 * y + Double.parseDouble(m.group(7));
    }

    private static double number(String s, String original) {
        if (!NUMBER.matcher(s).matches()) {
            throw new IllegalArgumentException("not a number in time string: " + original);
        }
        return Double.parseDouble(s);
    }

    private static long integer(String s, String original) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer in time string: " + original, e);
        }
    }

    /** Milliseconds since midnight of a header base time ({@code hh:mm:ss.sss}, {@code mm:ss}, ...). */
    static long parseBaseTimeMillis(String s) {
        return (long) (clockSeconds(s, s) * 1000.0 + 0.5);
    }

    /** A {@code dd/mm/yyyy} date (days past the month's end roll over, as WFDB's Julian arithmetic does). */
    static LocalDate parseDate(String s) {
        Matcher m = DATE.matcher(s.strip());
        if (!m.matches()) {
            return null;
        }
        int d = Integer.parseInt(m.group(1));
        int mo = Integer.parseInt(m.group(2));
        int y = Integer.parseInt(m.group(3));
        if (d < 1 || d > 31 || mo < 1 || mo > 12 || y == 0) {
            return null;
        }
        return LocalDate.of(y, mo, 1).plusDays(d - 1L);
    }

    /** {@code dd/mm/yyyy}, as WFDB's {@code datstr} prints it (without its leading space). */
    static String formatDate(LocalDate d) {
        return String.format(Locale.ROOT, "%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    /** A base time as WFDB's {@code setheader} writes it: {@code timstr} of the time as an interval. */
    static String formatBaseTime(LocalTime time) {
        long millis = time.toNanoOfDay() / 1_000_000;
        WfdbTime ms = ofFrequency(1000.0);
        String s = millis % 1000 == 0 ? ms.timstr(millis) : ms.mstimstr(millis);
        return s;
    }
}
