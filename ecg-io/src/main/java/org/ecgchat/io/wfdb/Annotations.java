package org.ecgchat.io.wfdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes the annotation files of WFDB records: {@code record.annotator} beside the
 * record's header, e.g. {@code 100.atr} (reference beat labels) or {@code 100.qrs} (a detector's
 * output). A record path is the path without extension, as for {@link Wfdb}.
 *
 * <pre>{@code
 * List<Annotation> beats = Annotations.read(Path.of("mitdb/100"), "atr");
 * Annotations.write(Path.of("out/100"), "qrs", detected);
 * }</pre>
 *
 * {@link AnnotationReader} streams a file and {@link AnnotationWriter} writes one incrementally;
 * {@link AnnotationFile} keeps the header notes (time resolution, custom types) for lossless copies.
 */
public final class Annotations {

    private Annotations() {}

    /** The annotation file of a record: {@code dir/100} and {@code atr} give {@code dir/100.atr}. */
    public static Path file(Path record, String annotator) {
        if (annotator == null || annotator.isEmpty() || annotator.indexOf('/') >= 0 || annotator.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("annotator must be a non-empty name without path separators, was '" + annotator + "'");
        }
        return record.resolveSibling(record.getFileName() + "." + annotator);
    }

    /**
     * The annotations of a record, with times in samples (frames) of the record, as WFDB's
     * {@code getann} returns them. When the file declares its own time resolution, the record's
     * header supplies the sampling frequency to convert to samples.
     *
     * @throws WfdbMissingFileException if the annotation file (or, for a file with its own time
     *                                  resolution, the header) does not exist
     * @throws WfdbFormatException      if the file is truncated or damaged
     */
    public static List<Annotation> read(Path record, String annotator) throws IOException {
        Path path = file(record, annotator);
        AnnotationFile content = AnnotationReader.readFile(path);
        if (content.timeResolution().isEmpty()) {
            return content.annotations();
        }
        Path header = record.resolveSibling(record.getFileName() + ".hea");
        if (!Files.exists(header)) {
            throw new WfdbMissingFileException(header, "annotation file " + path + " counts time at "
                    + content.timeResolution().getAsDouble() + " ticks/s; its record header is needed to convert"
                    + " to samples (AnnotationReader gives the ticks)", null);
        }
        return content.inSamples(Wfdb.readHeader(record).samplingFrequency());
    }

    /** The whole annotation file of a record, header notes included, times as stored. */
    public static AnnotationFile readFile(Path record, String annotator) throws IOException {
        return AnnotationReader.readFile(file(record, annotator));
    }

    /**
     * Writes annotations (times in samples) as {@code record.annotator}, sorted into WFDB's order
     * (time, num, chan) and declaring every custom type they use; replaces an existing file
     * atomically.
     *
     * @throws IllegalArgumentException if two annotations give one code different types
     */
    public static void write(Path record, String annotator, List<Annotation> annotations) throws IOException {
        AnnotationWriter.writeFile(file(record, annotator), AnnotationFile.of(annotations));
    }

    /** Writes an annotation file exactly as given (order, definitions, time resolution). */
    public static void writeFile(Path record, String annotator, AnnotationFile content) throws IOException {
        AnnotationWriter.writeFile(file(record, annotator), content);
    }
}
