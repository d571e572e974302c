package org.ecgchat.io.wfdb;

import java.util.Objects;

/**
 * One annotation of a WFDB annotation file: a labelled time point of a record, such as a beat
 * ({@code N}, {@code V}), a rhythm change ({@code +} with aux {@code (AFIB}) or a waveform
 * boundary ({@code (}, {@code )}).
 *
 * <p>The integer fields have the ranges of WFDB's {@code WFDB_Annotation} (subtype and num are
 * signed bytes, chan an unsigned byte), so every value read from a file and every value accepted
 * here survives a write-then-read unchanged.
 *
 * @param sample  time of the annotation in samples (frames) from the start of the record; for a
 *                file that declares its own time resolution, in ticks of that resolution (see
 *                {@link AnnotationFile#inSamples(double)})
 * @param type    annotation type (code with mnemonic and description)
 * @param subtype annotation subtype, -128 to 127 (WFDB's {@code subtyp})
 * @param chan    signal number the annotation refers to, 0 to 255
 * @param num     annotator-defined number, -128 to 127 (e.g. a confidence, or a label counter)
 * @param aux     auxiliary text (rhythm names, comments, measurements) or {@code null} for none;
 *                at most 255 characters, each 0x01 to 0xFF (the file stores bytes, read and
 *                written as ISO-8859-1)
 */
public record Annotation(long sample, AnnotationCode type, int subtype, int chan, int num, String aux) {

    /** Longest aux text an annotation file can hold (its length is one byte). */
    public static final int MAX_AUX_LENGTH = 255;

    public Annotation {
        Objects.requireNonNull(type, "type");
        if (subtype < Byte.MIN_VALUE || subtype > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("subtype must be in -128..127, was " + subtype);
        }
        if (chan < 0 || chan > 255) {
            throw new IllegalArgumentException("chan must be in 0..255, was " + chan);
        }
        if (num < Byte.MIN_VALUE || num > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("num must be in -128..127, was " + num);
        }
        if (aux != null) {
            if (aux.length() > MAX_AUX_LENGTH) {
                throw new IllegalArgumentException("aux must be at most " + MAX_AUX_LENGTH
                        + " characters, was " + aux.length());
            }
            for (int i = 0; i < aux.length(); i++) {
                char c = aux.charAt(i);
                if (c == 0 || c > 0xFF) {
                    throw new IllegalArgumentException(String.format(
                            "aux character %d is U+%04X; an annotation file holds bytes 0x01..0xFF (ISO-8859-1)", i, (int) c));
                }
            }
        }
    }

    /** An annotation with subtype, chan and num 0 and no aux text. */
    public static Annotation of(long sample, AnnotationCode type) {
        return new Annotation(sample, type, 0, 0, 0, null);
    }

    /** An annotation with subtype, chan and num 0 and the given aux text. */
    public static Annotation of(long sample, AnnotationCode type, String aux) {
        return new Annotation(sample, type, 0, 0, 0, aux);
    }

    /** The numeric annotation code ({@code type().code()}). */
    public int code() {
        return type.code();
    }

    /** The mnemonic {@code rdann} prints for this annotation ({@code type().mnemonic()}). */
    public String mnemonic() {
        return type.mnemonic();
    }

    /** True if the annotation marks a QRS complex (WFDB's {@code isqrs}). */
    public boolean isBeat() {
        return type.isBeat();
    }

    /** This annotation at another time. */
    public Annotation withSample(long newSample) {
        return new Annotation(newSample, type, subtype, chan, num, aux);
    }

    /** This annotation with another aux text ({@code null} for none). */
    public Annotation withAux(String newAux) {
        return new Annotation(sample, type, subtype, chan, num, newAux);
    }

    /** This annotation attached to another signal. */
    public Annotation withChan(int newChan) {
        return new Annotation(sample, type, subtype, newChan, num, aux);
    }

    /** This annotation with another num field. */
    public Annotation withNum(int newNum) {
        return new Annotation(sample, type, subtype, chan, newNum, aux);
    }

    /** This annotation with another subtype. */
    public Annotation withSubtype(int newSubtype) {
        return new Annotation(sample, type, newSubtype, chan, num, aux);
    }
}
