package org.ecgchat.io.wfdb;

import static org.ecgchat.io.wfdb.MitAnnotationFormat.AUX;
import static org.ecgchat.io.wfdb.MitAnnotationFormat.CHN;
import static org.ecgchat.io.wfdb.MitAnnotationFormat.CODE_SHIFT;
import static org.ecgchat.io.wfdb.MitAnnotationFormat.DATA_MASK;
import static org.ecgchat.io.wfdb.MitAnnotationFormat.MAX_SKIP;
import static org.ecgchat.io.wfdb.MitAnnotationFormat.MAX_STEP;
import static org.ecgchat.io.wfdb.MitAnnotationFormat.NUM;
import static org.ecgchat.io.wfdb.MitAnnotationFormat.SKIP;
import static org.ecgchat.io.wfdb.MitAnnotationFormat.SUB;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Writes an MIT-format annotation file one annotation at a time, producing the bytes WFDB's
 * {@code putann} produces for the same calls (C library 10.7): time steps above 1023 ticks and
 * backward steps become SKIPs (several for steps beyond 2^31), subtype, chan, num and aux are
 * written only when they differ from the default or the previous annotation, the null annotation
 * (code 0) is written after a SKIP so that it never reads as the end word, and the header notes
 * (time resolution, type definitions, a closing null annotation) precede the first annotation.
 *
 * <p>The file appears only when {@link #finish()} succeeds: bytes go to a temporary file in the
 * same directory that is then renamed over the target, and {@link #close()} without
 * {@code finish()} (after an exception, say) deletes it.
 *
 * <pre>{@code
 * try (AnnotationWriter w = AnnotationWriter.create(Path.of("rec.qrs"))) {
 *     for (long r : rPeaks) w.write(Annotation.of(r, AnnotationCode.NORMAL));
 *     w.finish();
 * }
 * }</pre>
 *
 * <p>Annotations may come in any order, as in WFDB, but WFDB programs expect time order (then num,
 * then chan); {@link Annotations#write} sorts for you.
 */
public final class AnnotationWriter implements Closeable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Path temporary;
    private final OutputStream out;
    private final Map<Integer, AnnotationCode> definitions = new HashMap<>();
    private final List<AnnotationCode> definitionOrder;
    private final OptionalDouble timeResolution;
    private boolean headerWritten;
    private boolean finished;
    private boolean closed;
    /** The previously written annotation's fields, which WFDB compares against. */
    private long previousTime;
    private int previousChan;
    private int previousNum;

    private AnnotationWriter(Path file, OutputStream target, List<AnnotationCode> definitions,
                             OptionalDouble timeResolution) throws IOException {
        AnnotationFile checked = new AnnotationFile(List.of(), definitions, timeResolution);
        this.definitionOrder = checked.definitions();
        for (AnnotationCode d : definitionOrder) {
            checkDefinition(d);
            this.definitions.put(d.code(), d);
        }
        this.timeResolution = timeResolution;
        this.file = file;
        if (target == null) {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // Not createTempFile: its owner-only permissions would survive the rename.
            this.temporary = dir.resolve("." + file.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
            target = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } else {
            this.temporary = null;
        }
        this.out = new BufferedOutputStream(target, 1 << 16);
    }

    /** Starts a file without header notes (standard types only, times in samples). */
    public static AnnotationWriter create(Path file) throws IOException {
        return new AnnotationWriter(file, null, List.of(), OptionalDouble.empty());
    }

    /**
     * Starts a file that declares user-defined types and, optionally, a time resolution (ticks per
     * second of the times written).
     *
     * @throws IllegalArgumentException if a definition cannot be written (mnemonic empty or with
     *                                  blanks, text over 255 bytes, code above 49, two for one code)
     */
    public static AnnotationWriter create(Path file, List<AnnotationCode> definitions, OptionalDouble timeResolution)
            throws IOException {
        return new AnnotationWriter(file, null, definitions, timeResolution);
    }

    /**
     * Writes to a stream instead of a file ({@code name} appears in messages): {@link #finish()}
     * writes the end word and flushes, {@link #close()} closes the stream.
     */
    public static AnnotationWriter create(OutputStream out, Path name, List<AnnotationCode> definitions,
                                          OptionalDouble timeResolution) throws IOException {
        return new AnnotationWriter(name, out, definitions, timeResolution);
    }

    /** Writes a whole {@link AnnotationFile}, annotations in the order given. */
    public static void writeFile(Path file, AnnotationFile content) throws IOException {
        try (AnnotationWriter w = create(file, content.definitions(), content.timeResolution())) {
            for (Annotation a : content.annotations()) {
                w.write(a);
            }
            w.finish();
        }
    }

    /**
     * Appends an annotation.
     *
     * @throws IllegalArgumentException if its type is custom but not among this file's definitions
     *                                  (or standard while the file redefines its code), or its time
     *                                  is {@code Long.MIN_VALUE} or {@code Long.MAX_VALUE}
     */
    public void write(Annotation a) throws IOException {
        if (closed || finished) {
            throw new IllegalStateException("annotation writer for " + file + " is already " + (finished ? "finished" : "closed"));
        }
        AnnotationCode expected = definitions.getOrDefault(a.code(), AnnotationCode.standard(a.code()));
        if (!a.type().equals(expected)) {
            throw new IllegalArgumentException("annotation at " + a.sample() + " has type " + a.type()
                    + ", but " + file + " gives code " + a.code() + " the type " + expected
                    + " (declare custom types when creating the writer)");
        }
        if (a.sample() == Long.MIN_VALUE || a.sample() == Long.MAX_VALUE) {
            throw new IllegalArgumentException("annotation time " + a.sample() + " is outside the range WFDB can write");
        }
        if (!headerWritten) {
            headerWritten = true;
            if (!writeHeaderNotes() && (MitAnnotationFormat.isHeaderNote(a) || a.code() == AnnotationCode.NOTQRS.code())) {
                // Readers would take this first annotation for a header note (or drop it as the
                // null annotation that ends them); the null annotation WFDB ends header notes with
                // keeps it data. WFDB itself would write nothing here and lose the annotation.
                put(Annotation.of(0, AnnotationCode.NOTQRS));
            }
        }
        put(a);
    }

    /** Ends the file (the word 0) and moves it into place atomically. */
    public void finish() throws IOException {
        if (closed || finished) {
            throw new IllegalStateException("annotation writer for " + file + " is already " + (finished ? "finished" : "closed"));
        }
        writeWord(0);
        if (temporary == null) {
            out.flush();
        } else {
            out.close();
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        finished = true;
    }

    /** Releases the file; without a successful {@link #finish()}, nothing is left on disk. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (temporary == null || !finished) {
            try {
                out.close();
            } finally {
                if (temporary != null) {
                    Files.deleteIfExists(temporary);
                }
            }
        }
    }

    /** WFDB's {@code put_ann_table}: time resolution, definitions, then a null annotation; true if any. */
    private boolean writeHeaderNotes() throws IOException {
        boolean any = false;
        if (timeResolution.isPresent()) {
            put(Annotation.of(0, AnnotationCode.NOTE, MitAnnotationFormat.timeResolutionText(timeResolution.getAsDouble())));
            any = true;
        }
        if (!definitionOrder.isEmpty()) {
            put(Annotation.of(0, AnnotationCode.NOTE, MitAnnotationFormat.DEFINITIONS_START));
            for (AnnotationCode d : definitionOrder) {
                put(Annotation.of(0, AnnotationCode.NOTE, MitAnnotationFormat.definitionText(d)));
            }
            put(Annotation.of(0, AnnotationCode.NOTE, MitAnnotationFormat.DEFINITIONS_END));
        }
        if (any || !definitionOrder.isEmpty()) {
            put(Annotation.of(0, AnnotationCode.NOTQRS));
            return true;
        }
        return false;
    }

    /** WFDB's {@code putann} for MIT files. */
    private void put(Annotation a) throws IOException {
        long t = a.sample();
        long delta = t - previousTime; // unsigned arithmetic, as in C
        if (t > previousTime) {
            while (Long.compareUnsigned(delta, MAX_SKIP) > 0) {
                writeSkip(MAX_SKIP);
                delta -= MAX_SKIP;
            }
        } else {
            while (Long.compareUnsigned(-delta, MAX_SKIP) > 0) {
                writeSkip(-MAX_SKIP);
                delta += MAX_SKIP;
            }
        }
        if (a.code() == 0) {
            // A null annotation word with step 0 would read as the end word: step to t-1 first.
            writeSkip(delta - 1);
            delta = 1;
        } else if (Long.compareUnsigned(delta, MAX_STEP) > 0) {
            writeSkip(delta);
            delta = 0;
        }
        writeWord((int) delta + (a.code() << CODE_SHIFT));
        if (a.subtype() != 0) {
            writeWord(SUB + (DATA_MASK & a.subtype()));
        }
        if (a.chan() != previousChan) {
            writeWord(CHN + (DATA_MASK & a.chan()));
        }
        if (a.num() != previousNum) {
            writeWord(NUM + (DATA_MASK & a.num()));
        }
        if (a.aux() != null) {
            byte[] text = a.aux().getBytes(StandardCharsets.ISO_8859_1);
            writeWord(AUX + text.length);
            out.write(text);
            if ((text.length & 1) != 0) {
                out.write(0);
            }
        }
        previousTime = t;
        previousChan = a.chan();
        previousNum = a.num();
    }

    private void writeSkip(long step) throws IOException {
        int v = (int) step;
        writeWord(SKIP);
        writeWord(v >>> 16);
        writeWord(v & 0xFFFF);
    }

    private void writeWord(int w) throws IOException {
        out.write(w & 0xFF);
        out.write((w >>> 8) & 0xFF);
    }

    private static void checkDefinition(AnnotationCode d) {
        String m = d.mnemonic();
        if (m.isEmpty() || m.chars().anyMatch(c -> c == ' ' || c == '\t')) {
            throw new IllegalArgumentException("a defined mnemonic must be one token without blanks: '" + m + "' in " + d);
        }
        String text = MitAnnotationFormat.definitionText(d);
        if (text.length() > Annotation.MAX_AUX_LENGTH) {
            throw new IllegalArgumentException("definition '" + text + "' is longer than " + Annotation.MAX_AUX_LENGTH + " bytes");
        }
        // Characters must fit an aux text (ISO-8859-1, no NUL); Annotation checks them.
        Annotation.of(0, AnnotationCode.NOTE, text);
    }
}
