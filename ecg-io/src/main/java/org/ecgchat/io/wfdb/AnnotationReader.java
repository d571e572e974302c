package org.ecgchat.io.wfdb;

import static org.ecgchat.io.wfdb.MitAnnotationFormat.AUX;
import static org.ecgchat.io.wfdb.MitAnnotationFormat.CHN;
import static org.ecgchat.io.wfdb.MitAnnotationFormat.CODE_MASK;
import static org.ecgchat.io.wfdb.MitAnnotationFormat.CODE_SHIFT;
import static org.ecgchat.io.wfdb.MitAnnotationFormat.DATA_MASK;
import static org.ecgchat.io.wfdb.MitAnnotationFormat.NUM;
import static org.ecgchat.io.wfdb.MitAnnotationFormat.PSEUDO_MIN;
import static org.ecgchat.io.wfdb.MitAnnotationFormat.SKIP;
import static org.ecgchat.io.wfdb.MitAnnotationFormat.SUB;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Streams the annotations of an MIT-format annotation file, one at a time, with the semantics of
 * WFDB's {@code annopen}/{@code getann} (C library 10.7), so that a program built on it sees
 * exactly what {@code rdann} prints:
 * <ul>
 * <li>SKIP pseudo-annotations move the clock by a signed 32-bit step (so times beyond 2^31, such as
 *     10^10, and backward steps are read exactly); SUB sets the subtype of the preceding
 *     annotation, CHN and NUM set chan and num for it and every later one, AUX attaches its text
 *     (length byte, text, a pad byte when the length is odd); the word 0 ends the file.</li>
 * <li>Aux text ends at its first NUL byte, as every WFDB program sees it.</li>
 * <li>The header notes at the start of the file, {@code NOTE} annotations at time 0 with subtype
 *     0, are consumed rather than returned: they declare the time resolution
 *     ({@code "## time resolution: 500"}) and user-defined types ({@code "42 CAL Calibration"},
 *     usually between {@code "## annotation type definitions"} and {@code "## end of
 *     definitions"}); every annotation returned carries the type the file defines for its code.
 *     Like WFDB, the reader also drops the first annotation after the notes if its code is 0 (the
 *     null annotation WFDB writes to end them), and returns the last note after all when the
 *     file holds nothing else and that note has no aux. {@link #headerNotes()} lists what was
 *     consumed.</li>
 * </ul>
 *
 * <p>Times are returned as the file stores them: in ticks of {@link #timeResolution()} when the
 * file declares one, otherwise in samples. A file that ends before its end word (or inside a
 * pseudo-annotation or aux text) gives a {@link WfdbFormatException} naming the file and the byte
 * offset, after every annotation that was complete before the damage has been returned (again like
 * {@code getann}). Nothing is allocated from a size the file claims: aux texts are at most 255
 * bytes and everything else is read word by word through a fixed buffer.
 *
 * <p>Not thread-safe. Does not read the AHA annotation format.
 */
public final class AnnotationReader implements Closeable {

    private static final int BUFFER_SIZE = 8192;

    private final Path file;
    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int position;
    private int limit;
    /** File offset of buffer[0]. */
    private long bufferOffset;

    /** Decoder state that WFDB keeps between annotations. */
    private long time;
    private int chan;
    private int num;
    private int word;
    private boolean atEnd;

    private final Map<Integer, AnnotationCode> types = new HashMap<>();
    private double timeResolution = Double.NaN;
    private final List<Annotation> headerNotes = new ArrayList<>();
    /** An annotation decoded while looking for the end of the header notes, not yet returned. */
    private Annotation pushedBack;
    /** Damage found while reading the header notes, reported when the stream reaches it. */
    private WfdbFormatException pendingFailure;

    private AnnotationReader(Path file, InputStream in) throws IOException {
        this.file = file;
        this.in = in;
        try {
            word = readWord();
            while ((word & CODE_MASK) == SKIP) {
                time += readSkip();
                word = readWord();
            }
            if ((word & CODE_MASK) > SKIP) {
                // WFDB would decode this word as an annotation of type 60..63 and the data after
                // it as more words; no WFDB writer produces it.
                throw new WfdbFormatException(file, "byte " + (offset() - 2), String.format(
                        "pseudo-annotation word 0x%04X (code %d) before the first annotation; expected an annotation"
                                + " or SKIP word", word, word >>> CODE_SHIFT));
            }
            readHeaderNotes();
        } catch (WfdbFormatException e) {
            pushBackLastNoteWithoutAux();
            pendingFailure = e;
        }
        for (int i = 0; i < headerNotes.size(); i++) {
            headerNotes.set(i, withFileType(headerNotes.get(i)));
        }
        if (pushedBack != null) {
            pushedBack = withFileType(pushedBack);
        }
    }

    /**
     * Opens an annotation file (e.g. {@code dir/100.atr}) and reads its header notes.
     *
     * @throws WfdbMissingFileException if the file does not exist
     * @throws IOException              if it cannot be read
     */
    public static AnnotationReader open(Path file) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new WfdbMissingFileException(file, "annotation file does not exist", e);
        }
        try {
            return new AnnotationReader(file, in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Reads annotations from a stream; {@code name} is the file named in error messages. The
     * reader closes the stream when it is closed.
     */
    public static AnnotationReader open(InputStream in, Path name) throws IOException {
        return new AnnotationReader(name, in);
    }

    /** Reads a whole annotation file. */
    public static AnnotationFile readFile(Path file) throws IOException {
        try (AnnotationReader reader = open(file)) {
            return reader.readAll();
        }
    }

    /** The file this reader reads (as named in error messages). */
    public Path file() {
        return file;
    }

    /** Ticks per second of the annotation times, when the file declares it. */
    public OptionalDouble timeResolution() {
        return timeResolution > 0 && Double.isFinite(timeResolution)
                ? OptionalDouble.of(timeResolution) : OptionalDouble.empty();
    }

    /** The user-defined types the file declares, in code order (those equal to the standard omitted). */
    public List<AnnotationCode> definitions() {
        return types.values().stream()
                .filter(t -> !t.isStandard())
                .sorted((a, b) -> Integer.compare(a.code(), b.code()))
                .toList();
    }

    /**
     * The annotations at the start of the file that WFDB treats as header rather than data (the
     * time-0 notes, and the null annotation that ends them), in file order. Together with the
     * annotations {@link #read()} returns they make up the whole file.
     */
    public List<Annotation> headerNotes() {
        return List.copyOf(headerNotes);
    }

    /**
     * The next annotation, or {@code null} at the end of the file.
     *
     * @throws WfdbFormatException if the file is truncated or damaged at this point
     */
    public Annotation read() throws IOException {
        if (pushedBack != null) {
            Annotation a = pushedBack;
            pushedBack = null;
            return a;
        }
        if (pendingFailure != null) {
            throw pendingFailure;
        }
        try {
            Annotation a = decode();
            return a == null ? null : withFileType(a);
        } catch (WfdbFormatException e) {
            pendingFailure = e;
            throw e;
        }
    }

    /** Reads the remaining annotations into an {@link AnnotationFile}. */
    public AnnotationFile readAll() throws IOException {
        List<Annotation> all = new ArrayList<>();
        for (Annotation a = read(); a != null; a = read()) {
            all.add(a);
        }
        return new AnnotationFile(all, definitions(), timeResolution());
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** WFDB's {@code get_ann_table}: consume the time-0 notes, pushing back what ends them. */
    private void readHeaderNotes() throws IOException {
        Annotation a;
        while ((a = decode()) != null && MitAnnotationFormat.isHeaderNote(a)) {
            headerNotes.add(a);
            applyHeaderNote(a.aux());
        }
        if (a == null) {
            pushBackLastNoteWithoutAux();
        } else if (a.code() == AnnotationCode.NOTQRS.code()) {
            headerNotes.add(a); // ungetann cannot push back a code-0 annotation
        } else {
            pushedBack = a;
        }
    }

    /**
     * When the notes run to the end of the file (or to damage), WFDB pushes back the last note it
     * read if that note has no aux, so getann returns it after all; a quirk kept for parity.
     */
    private void pushBackLastNoteWithoutAux() {
        if (!headerNotes.isEmpty() && headerNotes.get(headerNotes.size() - 1).aux() == null) {
            pushedBack = headerNotes.remove(headerNotes.size() - 1);
        }
    }

    private void applyHeaderNote(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        if (text.charAt(0) == '#') {
            if (text.startsWith(MitAnnotationFormat.TIME_RESOLUTION_PREFIX)) {
                double f = MitAnnotationFormat.parseTimeResolution(text);
                if (!Double.isNaN(f)) {
                    timeResolution = f;
                }
            }
            return;
        }
        AnnotationCode defined = MitAnnotationFormat.parseDefinition(text);
        if (defined != null) {
            types.put(defined.code(), defined);
        }
    }

    private Annotation withFileType(Annotation a) {
        AnnotationCode t = types.get(a.code());
        return t == null || t.equals(a.type()) ? a : new Annotation(a.sample(), t, a.subtype(), a.chan(), a.num(), a.aux());
    }

    /** WFDB's getann for MIT files: one annotation word and the pseudo-annotations after it. */
    private Annotation decode() throws IOException {
        if (atEnd) {
            return null;
        }
        if (word == 0) {
            atEnd = true;
            return null;
        }
        time += word & DATA_MASK;
        long annotationTime = time;
        int code = word >>> CODE_SHIFT;
        int subtype = 0;
        String aux = null;
        while (((word = readWord()) & CODE_MASK) >= PSEUDO_MIN) {
            switch (word & CODE_MASK) {
                case SKIP -> time += readSkip();
                case SUB -> subtype = (byte) (word & DATA_MASK);
                case CHN -> chan = word & 0xFF;
                case NUM -> num = (byte) (word & DATA_MASK);
                case AUX -> aux = readAux(word & 0xFF);
                default -> throw new AssertionError(word);
            }
        }
        return new Annotation(annotationTime, AnnotationCode.standard(code), subtype, chan, num, aux);
    }

    private String readAux(int length) throws IOException {
        long at = offset();
        int padded = (length + 1) & ~1;
        ensure(padded, at, "aux text of " + length + " bytes" + (padded > length ? " and its pad byte" : ""));
        int end = position;
        while (end < position + length && buffer[end] != 0) {
            end++;
        }
        String text = new String(buffer, position, end - position, StandardCharsets.ISO_8859_1);
        position += padded;
        return text;
    }

    private long readSkip() throws IOException {
        ensure(4, offset(), "the 32-bit step of a SKIP");
        int high = (buffer[position] & 0xFF) | (buffer[position + 1] & 0xFF) << 8;
        int low = (buffer[position + 2] & 0xFF) | (buffer[position + 3] & 0xFF) << 8;
        position += 4;
        return (high << 16) | low; // signed 32-bit step
    }

    private int readWord() throws IOException {
        ensure(2, offset(), "an annotation word (the file must end with the word 0)");
        int w = (buffer[position] & 0xFF) | (buffer[position + 1] & 0xFF) << 8;
        position += 2;
        return w;
    }

    private long offset() {
        return bufferOffset + position;
    }

    /** Makes n bytes available at buffer[position], or reports the file as truncated. */
    private void ensure(int n, long at, String expected) throws IOException {
        if (limit - position >= n) {
            return;
        }
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        bufferOffset += position;
        limit -= position;
        position = 0;
        while (limit < n) {
            int got = in.read(buffer, limit, buffer.length - limit);
            if (got < 0) {
                throw new WfdbFormatException(file, "byte " + at,
                        "file is truncated: expected " + expected + ", found " + limit + " more byte"
                                + (limit == 1 ? "" : "s") + " before the end of the file");
            }
            limit += got;
        }
    }
}
