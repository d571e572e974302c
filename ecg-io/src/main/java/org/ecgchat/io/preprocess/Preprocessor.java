package org.ecgchat.io.preprocess;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An ordered chain of {@link PreprocessStep}s, read from and written to JSON as an array of steps,
 * e.g. {@code [{"type":"clean"},{"type":"normalize","mean":0,"std":1},{"type":"pad_or_crop","length":5000}]}.
 * Immutable and thread-safe.
 */
public final class Preprocessor {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static final TypeReference<List<PreprocessStep>> STEPS = new TypeReference<>() {};

    private final List<PreprocessStep> steps;

    /** A chain of the given steps, applied in order. */
    public Preprocessor(List<? extends PreprocessStep> steps) {
        this.steps = List.copyOf(steps);
    }

    /** A chain of the given steps, applied in order. */
    public static Preprocessor of(PreprocessStep... steps) {
        return new Preprocessor(List.of(steps));
    }

    /**
     * The original's evaluation transform: NaN/Inf to 0, (x − 0) / 1 per lead, zero-pad or crop
     * to {@code length} samples (5000 = 10 s at 500 Hz in ECG-Chat).
     */
    public static Preprocessor evaluation(int length) {
        return of(new Clean(), new Normalize(0, 1), new PadOrCrop(length));
    }

    /** Parses a JSON array of steps; errors name the offending step and field. */
    public static Preprocessor fromJson(String json) {
        try {
            return new Preprocessor(JSON.readValue(json, STEPS));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid preprocessing configuration: " + e.getOriginalMessage()
                    + " at " + e.getLocation() + " (path " + pathOf(e) + ")", e);
        }
    }

    /** Reads a JSON file holding an array of steps. */
    public static Preprocessor read(Path file) throws IOException {
        try {
            return fromJson(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** The chain as a JSON array of steps. */
    public String toJson() {
        try {
            return JSON.writerFor(STEPS).writeValueAsString(steps);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The steps in application order. */
    public List<PreprocessStep> steps() {
        return steps;
    }

    /** Applies every step in order. */
    public EcgSignal apply(EcgSignal signal) {
        EcgSignal s = signal;
        for (PreprocessStep step : steps) {
            s = step.apply(s);
        }
        return s;
    }

    /** Applies every step in order to unnamed leads sampled at {@code samplingFrequency}. */
    public double[][] apply(double[][] leads, double samplingFrequency) {
        return apply(new EcgSignal(leads, samplingFrequency)).samples();
    }

    /**
     * Applies every step to float leads. Clean, normalize and pad/crop run in float32 arithmetic
     * (bit-identical to the original's torch transforms); other steps compute in double and round.
     */
    public float[][] apply(float[][] leads, double samplingFrequency) {
        return apply(leads, samplingFrequency, List.of());
    }

    /** As {@link #apply(float[][], double)}, for named leads (needed by {@code select_leads}). */
    public float[][] apply(float[][] leads, double samplingFrequency, List<String> leadNames) {
        float[][] x = leads;
        double fs = samplingFrequency;
        List<String> names = leadNames;
        for (PreprocessStep step : steps) {
            if (step instanceof Clean) {
                x = Clean.apply(x);
            } else if (step instanceof Normalize n) {
                x = n.apply(x);
            } else if (step instanceof PadOrCrop p) {
                x = p.apply(x);
            } else if (step instanceof SelectLeads s) {
                int[] index = s.indices(names);
                float[][] picked = new float[index.length][];
                for (int i = 0; i < index.length; i++) {
                    picked[i] = x[index[i]].clone();
                }
                x = picked;
                names = s.leads();
            } else {
                EcgSignal out = step.apply(new EcgSignal(EcgSignal.toDouble(x), fs, names));
                x = EcgSignal.toFloat(out.samples());
                fs = out.samplingFrequency();
            }
        }
        return x;
    }

    private static String pathOf(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m) {
            return m.getPathReference();
        }
        return "?";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Preprocessor p && p.steps.equals(steps);
    }

    @Override
    public int hashCode() {
        return steps.hashCode();
    }

    @Override
    public String toString() {
        return "Preprocessor" + steps;
    }
}
