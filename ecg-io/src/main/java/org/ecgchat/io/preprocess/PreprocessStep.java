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
    @JsonSubTypes.Type(value = Resample.class, name = "resample"),
    @JsonSubTypes.Type(value = HighPass.class, name = "highpass"),
    @JsonSubTypes.Type(value = LowPass.class, name = "lowpass"),
    @JsonSubTypes.Type(value = BandPass.class, name = "bandpass"),
    @JsonSubTypes.Type(value = Notch.class, name = "notch"),
    @JsonSubTypes.Type(value = SelectLeads.class, name = "select_leads"),
})
public sealed interface PreprocessStep
        permits Clean, Normalize, PadOrCrop, Resample, ZeroPhaseFilter, SelectLeads {

    /** Applies the step, returning a new signal. */
    EcgSignal apply(EcgSignal signal);
}
