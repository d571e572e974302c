package org.ecgchat.io.wfdb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The whole content of an MIT annotation file: its annotations (as WFDB's {@code getann} returns
 * them) and the header notes WFDB writes at time 0 in front of them.
 *
 * @param annotations    annotations in file order; times are in ticks of {@code timeResolution}
 *                       when the file declares one, otherwise in samples of the record
 * @param definitions    user-defined annotation types the file declares (its "modification
 *                       labels"), in code order, one per code
 * @param timeResolution ticks per second of the annotation times, when the file declares it (a
 *                       {@code "## time resolution: F"} note, written by WFDB for annotations
 *                       finer than the record's frames); empty means record samples
 */
public record AnnotationFile(List<Annotation> annotations, List<AnnotationCode> definitions,
                             OptionalDouble timeResolution) {

    public AnnotationFile {
        annotations = List.copyOf(annotations);
        TreeMap<Integer, AnnotationCode> byCode = new TreeMap<>();
        for (AnnotationCode d : definitions) {
            if (d.code() > AnnotationCode.ACMAX) {
                throw new IllegalArgumentException("only codes 0.." + AnnotationCode.ACMAX + " can be defined, not " + d);
            }
            AnnotationCode previous = byCode.put(d.code(), d);
            if (previous != null && !previous.equals(d)) {
                throw new IllegalArgumentException("two definitions for code " + d.code() + ": " + previous + " and " + d);
            }
        }
        definitions = List.copyOf(byCode.values());
        for (Annotation a : annotations) {
            AnnotationCode expected = byCode.getOrDefault(a.code(), AnnotationCode.standard(a.code()));
            if (!a.type().equals(expected)) {
                throw new IllegalArgumentException("annotation at " + a.sample() + " has type " + a.type()
                        + ", but this file gives code " + a.code() + " the type " + expected);
            }
        }
        if (timeResolution.isPresent() && !(timeResolution.getAsDouble() > 0 && Double.isFinite(timeResolution.getAsDouble()))) {
            throw new IllegalArgumentException("time resolution must be positive and finite, was " + timeResolution.getAsDouble());
        }
    }

    /**
     * A file holding these annotations, with a definition for every non-standard type they use,
     * in canonical WFDB order (time, then num, then chan; stable otherwise).
     */
    public static AnnotationFile of(List<Annotation> annotations) {
        List<AnnotationCode> custom = new ArrayList<>();
        for (Annotation a : annotations) {
            if (!a.type().isStandard()) {
                custom.add(a.type());
            }
        }
        List<Annotation> sorted = new ArrayList<>(annotations);
        sorted.sort(Comparator.comparingLong(Annotation::sample)
                .thenComparingInt(Annotation::num)
                .thenComparingInt(Annotation::chan));
        return new AnnotationFile(sorted, custom, OptionalDouble.empty());
    }

    /**
     * The annotations with times in samples of a record sampled at {@code samplingFrequency}
     * frames per second: unchanged when the file has no time resolution, otherwise rescaled and
     * rounded half up as WFDB's {@code getann} does.
     */
    public List<Annotation> inSamples(double samplingFrequency) {
        if (timeResolution.isEmpty() || timeResolution.getAsDouble() == samplingFrequency) {
            return annotations;
        }
        List<Annotation> out = new ArrayList<>(annotations.size());
        for (Annotation a : annotations) {
            out.add(a.withSample(convertTime(a.sample(), timeResolution.getAsDouble(), samplingFrequency)));
        }
        return List.copyOf(out);
    }

    /**
     * A time counted at {@code from} ticks per second, counted at {@code to} instead: rounded to the
     * nearest integer with halves toward +infinity, as WFDB's {@code getann} rescales annotation times.
     */
    public static long convertTime(long time, double from, double to) {
        return roundToTime(time * (to / from));
    }

    /** WFDB's {@code round_to_time}: nearest integer, halves toward +infinity, clamped to the long range. */
    private static long roundToTime(double x) {
        if (x >= Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        if (x <= Long.MIN_VALUE) {
            return Long.MIN_VALUE;
        }
        long t = (long) x;
        double frac = x - t;
        if (x >= 0) {
            return frac >= 0.5 ? t + 1 : t;
        }
        return frac < -0.5 ? t - 1 : t;
    }
}
