package org.ecgchat.io.preprocess;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One step of a {@link Preprocessor} chain. Steps are immutable and never modify their input;
 * in JSON each is an object whose {@code "type"} names the step.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Clean.class, name = "clean"),
    @JsonSubTypes.Type(value = Normalize.class, name = "normalize"),
    @JsonSubTypes.Type(value = PadOrCrop.class, name = "pad_or_crop"),
})
public sealed interface PreprocessStep permits Clean, Normalize, PadOrCrop {

    /** Applies the step, returning a new signal. */
    EcgSignal apply(EcgSignal signal);
}
