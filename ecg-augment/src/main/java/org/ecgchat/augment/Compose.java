package org.ecgchat.augment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Applies augmenters one after the other, as ECG-Chat's {@code Compose}; a chain of built-ins runs
 * as a single pass over the batch.
 *
 * @param transforms {@code transforms}, applied in order
 */
public record Compose(@JsonProperty("transforms") List<Augmenter> transforms) implements Step {

    /** Checks and freezes the list. */
    public Compose {
        if (transforms == null || transforms.stream().anyMatch(java.util.Objects::isNull)) {
            throw new AugmenterParameterException("Compose", "transforms", "must be a list of augmenters");
        }
        transforms = List.copyOf(transforms);
    }

    /** The given augmenters in order. */
    public Compose(Augmenter... transforms) {
        this(List.of(transforms));
    }

    @JsonCreator
    static Compose fromJson(@JsonProperty("transforms") List<Augmenter> transforms) {
        return new Compose(transforms);
    }

    @Override
    public BatchState plan(BatchState state, RandomGenerator rng) {
        return planAll(transforms, state, rng);
    }

    static BatchState planAll(List<Augmenter> transforms, BatchState state, RandomGenerator rng) {
        for (Augmenter t : transforms) {
            state = Step.planAny(t, state, rng);
        }
        return state;
    }
}
