package org.ecgchat.io.wfdb;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Parses the text of a WFDB header following WFDB C 10.7's {@code readheader}: the same
 * defaults (baseline = ADC zero, initial value = ADC zero, resolution by format, description
 * "record R, signal N"), the same tokenisation, but every malformed number is an error naming
 * the line and field instead of being read as 0.
 *
 * <p>Text is decoded as UTF-8 when it is valid UTF-8 and as ISO-8859-1 otherwise (old headers
 * write units such as "µV" in Latin-1); control characters other than tab, CR and LF mean the
 * file is not a header and are rejected.
 */
final class HeaderParser {
    private static final int MAX_SIGNALS = 1 << 20;
    /** Samples in one frame of all signals; WFDB C allows up to INT_MAX, real records use a few hundred. */
    static final int MAX_FRAME_SIZE = 1 << 20;

    /** A header and the number of signals its record line declares (master headers list none). */
    record Parsed(WfdbHeader header, int declaredSignals) {
    }

    private final Path file;
    private final String recordArgument;
    private final List<String> lines;
    private int index;

    private HeaderParser(Path file, String recordArgument, List<String> lines) {
        this.file = file;
        this.recordArgument = recordArgument;
        this.lines = lines;
    }

    /**
     * Parses header bytes.
     *
     * @param file           the header's path, for messages
     * @param recordArgument the record name the caller asked for, used in default descriptions
     */
    static Parsed parse(Path file, String recordArgument, byte[] bytes) throws WfdbFormatException {
        String text = decode(file, bytes);
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int newline = text.indexOf('\n', start);
            int stop = newline < 0 ? text.length() : newline;
            int end = stop;
            while (end > start && text.charAt(end - 1) == '\r') {
                end--;
            }
            lines.add(text.substring(start, end));
            start = stop + 1;
        }
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return new HeaderParser(file, recordArgument, lines).parse();
    }

    private static String decode(Path file, byte[] bytes) throws WfdbFormatException {
        boolean plain = true;
        for (byte b : bytes) {
            // bytes >= 0x80 are negative, so this also sends every non-ASCII header down the slow path
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' || b == 0x7f) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                throw new WfdbFormatException(file, "line " + line,
                        String.format("control character 0x%02x in header text; this is not a WFDB header", (int) c));
            }
        }
        return text;
    }

    private Parsed parse() throws WfdbFormatException {
        String recordLine = nextContentLine();
        if (recordLine == null) {
            throw error(lines.size(), "record line", "header has no record line (it is empty or only comments)");
        }
        int recordLineNo = index;
        List<String> tokens = tokens(recordLine);
        String nameToken = tokens.get(0);
        String name = nameToken;
        int segmentCount = -1;
        int slash = nameToken.indexOf('/');
        if (slash >= 0) {
            name = nameToken.substring(0, slash);
            segmentCount = parseInt(nameToken.substring(slash + 1), recordLineNo, "number of segments");
            if (segmentCount < 1) {
                throw error(recordLineNo, "number of segments", "must be at least 1, was " + segmentCount);
            }
        }
        if (name.isEmpty()) {
            throw error(recordLineNo, "record name", "record name is empty");
        }
        if (tokens.size() < 2) {
            throw error(recordLineNo, "number of signals",
                    "record line has only a record name (the obsolete header format is not supported)");
        }
        int nsig = parseInt(tokens.get(1), recordLineNo, "number of signals");
        if (nsig < 0 || nsig > MAX_SIGNALS) {
            throw error(recordLineNo, "number of signals", "must be between 0 and " + MAX_SIGNALS + ", was " + nsig);
        }
        double fs = WfdbHeader.DEFAULT_FREQUENCY;
        double cfreq = 0;
        double bcount = 0;
        if (tokens.size() > 2) {
            HeaderSyntax.Frequency m = HeaderSyntax.frequency(tokens.get(2));
            if (m == null) {
                throw error(recordLineNo, "sampling frequency",
                        "expected FS[/COUNTER[(BASE)]], found '" + tokens.get(2) + "'");
            }
            fs = Double.parseDouble(m.sampling());
            if (!(fs > 0) || Double.isInfinite(fs)) {
                throw error(recordLineNo, "sampling frequency", "must be positive, was " + tokens.get(2));
            }
            if (m.counter() != null) {
                cfreq = Double.parseDouble(m.counter());
                if (Double.isInfinite(cfreq)) {
                    throw error(recordLineNo, "counter frequency", "is not finite: " + m.counter());
                }
            }
            if (m.base() != null) {
                bcount = Double.parseDouble(m.base());
                if (Double.isInfinite(bcount)) {
                    throw error(recordLineNo, "base counter", "is not finite: " + m.base());
                }
            }
        }
        if (cfreq <= 0) {
            cfreq = fs;
        }
        OptionalLong length = OptionalLong.empty();
        if (tokens.size() > 3) {
            long n = parseLong(tokens.get(3), recordLineNo, "number of samples");
            if (n < 0) {
                throw error(recordLineNo, "number of samples", "must not be negative, was " + n);
            }
            length = OptionalLong.of(n);
        }
        Optional<LocalTime> baseTime = Optional.empty();
        Optional<LocalDate> baseDate = Optional.empty();
        if (tokens.size() > 4) {
            String rest = restAfterTokens(recordLine, 4).strip();
            int space = indexOfWhitespace(rest);
            String time = space < 0 ? rest : rest.substring(0, space);
            String date = space < 0 ? null : rest.substring(space + 1).strip();
            long millis;
            try {
                millis = WfdbTime.parseBaseTimeMillis(time);
            } catch (IllegalArgumentException e) {
                throw error(recordLineNo, "base time", "expected hh:mm:ss[.sss], found '" + time + "'");
            }
            if (millis < 0 || millis >= 86_400_000L) {
                throw error(recordLineNo, "base time", "must be a time of day below 24:00:00, was '" + time + "'");
            }
            baseTime = Optional.of(LocalTime.ofNanoOfDay(millis * 1_000_000L));
            if (date != null && !date.isEmpty()) {
                LocalDate d = WfdbTime.parseDate(date);
                if (d == null) {
                    throw error(recordLineNo, "base date", "expected dd/mm/yyyy, found '" + date + "'");
                }
                baseDate = Optional.of(d);
            }
        }

        List<SegmentSpec> segments = new ArrayList<>();
        List<SignalSpec> signals = new ArrayList<>();
        long frameSize = 0;
        if (segmentCount > 0) {
            long total = 0;
            for (int i = 0; i < segmentCount; i++) {
                String line = nextContentLine();
                if (line == null) {
                    throw error(lines.size(), "segment " + i,
                            "header ends after " + i + " of " + segmentCount + " segment lines");
                }
                List<String> t = tokens(line);
                if (t.get(0).startsWith("+")) {
                    throw error(index, "segment name", "'" + t.get(0) + "' is not a valid segment name");
                }
                if (t.size() < 2) {
                    throw error(index, "segment length", "length must be specified for segment " + t.get(0));
                }
                long n = parseLong(t.get(1), index, "segment length");
                if (n < 0) {
                    throw error(index, "segment length", "must not be negative, was " + n);
                }
                if (n > Long.MAX_VALUE / 4 - total) {
                    throw error(index, "segment length", "segment lengths add up to more than " + Long.MAX_VALUE / 4);
                }
                total += n;
                segments.add(new SegmentSpec(t.get(0), n));
            }
        } else {
            for (int s = 0; s < nsig; s++) {
                String line = nextContentLine();
                if (line == null) {
                    throw error(lines.size(), "signal " + s,
                            "header ends after " + s + " of " + nsig + " signal lines");
                }
                SignalSpec spec = parseSignal(line, index, s);
                if (s > 0) {
                    SignalSpec prev = signals.get(s - 1);
                    if (prev.fileName().equals(spec.fileName())
                            && (prev.format() != spec.format() || prev.blockSize() != spec.blockSize()
                            || prev.byteOffset() != spec.byteOffset())) {
                        throw error(index, "format",
                                "signals " + (s - 1) + " and " + s + " share file " + spec.fileName()
                                        + " but differ in format, block size or byte offset");
                    }
                }
                frameSize += spec.samplesPerFrame();
                if (frameSize > MAX_FRAME_SIZE) {
                    throw error(index, "samples per frame", "frames of more than " + MAX_FRAME_SIZE
                            + " samples are not supported");
                }
                signals.add(spec);
            }
        }
        List<String> comments = new ArrayList<>();
        for (int i = recordLineNo; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#")) {
                comments.add(line.substring(1));
            }
        }
        WfdbHeader header = new WfdbHeader(name, fs, cfreq, bcount, length, baseTime, baseDate, signals,
                segments, comments);
        return new Parsed(header, nsig);
    }

    private SignalSpec parseSignal(String line, int lineNo, int s) throws WfdbFormatException {
        List<String> t = tokens(line);
        String fileName = t.get(0);
        if (t.size() < 2) {
            throw error(lineNo, "format", "signal line for signal " + s + " has no format");
        }
        String formatField = t.get(1);
        if (!HeaderSyntax.isFormat(formatField)) {
            throw error(lineNo, "format", "expected FORMAT[xSPF][:SKEW][+OFFSET], found '" + formatField + "'");
        }
        int codeEnd = HeaderSyntax.digitsEnd(formatField, 0, 9);
        int format = parseInt(formatField.substring(0, codeEnd), lineNo, "format");
        if (!SignalFormat.isKnown(format)) {
            throw error(lineNo, "format", "unsupported signal format " + format + " (supported: "
                    + SignalFormat.knownCodes() + ")");
        }
        SignalFormat sf = SignalFormat.of(format);
        int spf = 1;
        int skew = 0;
        long offset = 0;
        for (int i = codeEnd; i < formatField.length(); ) {
            char suffix = formatField.charAt(i);
            int end = HeaderSyntax.digitsEnd(formatField, i + 1, 18);
            long v = parseLong(formatField.substring(i + 1, end), lineNo, "format");
            i = end;
            switch (suffix) {
                case 'x' -> {
                    if (v > Integer.MAX_VALUE) {
                        throw error(lineNo, "samples per frame", "too large: " + v);
                    }
                    spf = Math.max(1, (int) v);
                }
                case ':' -> {
                    if (v > Integer.MAX_VALUE) {
                        throw error(lineNo, "skew", "too large: " + v);
                    }
                    skew = (int) v;
                }
                default -> offset = v;
            }
        }
        double gain = 0;
        int baseline = 0;
        boolean hasBaseline = false;
        String units = null;
        if (t.size() > 2) {
            HeaderSyntax.Gain gm = HeaderSyntax.gain(t.get(2));
            if (gm == null) {
                throw error(lineNo, "gain", "expected GAIN[(BASELINE)][/UNITS], found '" + t.get(2) + "'");
            }
            gain = Double.parseDouble(gm.gain());
            if (Double.isInfinite(gain)) {
                throw error(lineNo, "gain", "is not finite: " + gm.gain());
            }
            if (gm.baseline() != null) {
                baseline = parseInt(gm.baseline(), lineNo, "baseline");
                hasBaseline = true;
            }
            if (gm.units() != null && !gm.units().isEmpty()) {
                units = gm.units();
            }
        }
        int adcres = t.size() > 3 ? parseInt(t.get(3), lineNo, "ADC resolution") : sf.defaultAdcResolution();
        int adczero = t.size() > 4 ? parseInt(t.get(4), lineNo, "ADC zero") : 0;
        if (!hasBaseline) {
            baseline = adczero;
        }
        int initval = t.size() > 5 ? parseInt(t.get(5), lineNo, "initial value") : adczero;
        OptionalInt checksum = t.size() > 6 ? OptionalInt.of(parseInt(t.get(6), lineNo, "checksum"))
                : OptionalInt.empty();
        int bsize = t.size() > 7 ? parseInt(t.get(7), lineNo, "block size") : 0;
        if (bsize < 0) {
            // WFDB reads a negative block size as "this file cannot seek"; for a file on disk the
            // magnitude is the block size.
            bsize = bsize == Integer.MIN_VALUE ? Integer.MAX_VALUE : -bsize;
        }
        String description = null;
        if (t.size() > 8) {
            // WFDB takes the rest of the line after the one separator that ends the block size.
            String rest = restAfterTokens(line, 8);
            if (!rest.isEmpty()) {
                description = rest;
            }
        }
        if (description == null) {
            description = "record " + recordArgument + ", signal " + s;
        }
        return new SignalSpec(fileName, format, spf, skew, offset, gain, baseline, units, adcres, adczero, initval,
                checksum, bsize, description);
    }

    /** Next line that is neither blank nor a comment; {@code index} then is its 1-based number. */
    private String nextContentLine() {
        while (index < lines.size()) {
            String line = lines.get(index++);
            String stripped = line.strip();
            if (!stripped.isEmpty() && stripped.charAt(0) != '#') {
                return line;
            }
        }
        return null;
    }

    private static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && isSeparator(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSeparator(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(line.substring(start, i));
            }
        }
        return out;
    }

    /** The text after the first {@code count} tokens and the single separator that follows them. */
    private static String restAfterTokens(String line, int count) {
        int i = 0;
        int n = line.length();
        for (int k = 0; k < count; k++) {
            while (i < n && isSeparator(line.charAt(i))) {
                i++;
            }
            while (i < n && !isSeparator(line.charAt(i))) {
                i++;
            }
        }
        return i < n ? line.substring(i + 1) : "";
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isSeparator(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    private int parseInt(String token, int lineNo, String field) throws WfdbFormatException {
        long v = parseLong(token, lineNo, field);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw error(lineNo, field, "value " + token + " is out of range");
        }
        return (int) v;
    }

    private long parseLong(String token, int lineNo, String field) throws WfdbFormatException {
        try {
            return Long.parseLong(token.startsWith("+") ? token.substring(1) : token);
        } catch (NumberFormatException e) {
            throw error(lineNo, field, "expected an integer, found '" + token + "'");
        }
    }

    private WfdbFormatException error(int lineNo, String field, String message) {
        return new WfdbFormatException(file, "line " + lineNo + ", " + field, message);
    }
}
