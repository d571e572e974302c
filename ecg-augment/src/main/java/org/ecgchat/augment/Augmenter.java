package org.ecgchat.augment;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Augments a batch of ECGs {@code [batch, leads, samples]} and the labels travelling with it.
 *
 * <p>Every random number comes from the {@link RandomGenerator} passed in (or from the seed): the
 * same generator state gives the same batch, whatever the number of threads. {@link #apply}
 * never writes into the batch's arrays and returns new float32 arrays; {@link #applyInPlace}
 * writes the result into the batch's own arrays. Implementations are immutable and may be shared
 * between threads (each thread with its own generator).
 *
 * <p>Built-in augmenters keep the original (torch_ecg / ECG-Chat) argument names, which are also
 * their JSON fields; {@link AugmenterJson} reads and writes them, with {@code "name"} naming the
 * augmenter. A chain of built-ins runs as one fused pass over the batch; a custom implementation
 * can sit anywhere in a {@link Compose} or {@link RandomApply}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "name")
@JsonSubTypes({
    @JsonSubTypes.Type(value = BaselineWander.class, name = "BaselineWander"),
    @JsonSubTypes.Type(value = CutMix.class, name = "CutMix"),
    @JsonSubTypes.Type(value = RandomMasking.class, name = "RandomMasking"),
    @JsonSubTypes.Type(value = Mixup.class, name = "Mixup"),
    @JsonSubTypes.Type(value = RandomFlip.class, name = "RandomFlip"),
    @JsonSubTypes.Type(value = RandomRenormalize.class, name = "RandomRenormalize"),
    @JsonSubTypes.Type(value = StretchCompress.class, name = "StretchCompress"),
    @JsonSubTypes.Type(value = RandomTimeReverse.class, name = "RandomTimeReverse"),
    @JsonSubTypes.Type(value = LabelSmooth.class, name = "LabelSmooth"),
    @JsonSubTypes.Type(value = Normalize.class, name = "Normalize"),
    @JsonSubTypes.Type(value = Resize.class, name = "Resize"),
    @JsonSubTypes.Type(value = RandomApply.class, name = "RandomApply"),
    @JsonSubTypes.Type(value = Compose.class, name = "Compose"),
})
public interface Augmenter {

    /** Augments the batch into new arrays, drawing random numbers from {@code rng}. */
    EcgBatch apply(EcgBatch batch, RandomGenerator rng);

    /**
     * Augments the batch into its own arrays (signals and labels must keep their shapes, labels
     * must be floating-point) and returns a batch referring to them. The default computes a new
     * batch and copies it back.
     */
    default EcgBatch applyInPlace(EcgBatch batch, RandomGenerator rng) {
        EcgBatch result = apply(batch, rng);
        Engine.copyBack(result, batch);
        return new EcgBatch(batch.signals(), batch.labels(), result.criticalPoints());
    }

    /** {@link #apply(EcgBatch, RandomGenerator)} with a generator seeded by {@link #random(long)}. */
    default EcgBatch apply(EcgBatch batch, long seed) {
        return apply(batch, random(seed));
    }

    /** This augmenter applied to the whole batch with probability {@code p} (torchvision's RandomApply). */
    default RandomApply withProbability(double p) {
        return new RandomApply(List.of(this), p, false);
    }

    /**
     * The generator the seeded overloads use: L64X128MixRandom, an algorithm fixed by name, so a
     * seed gives the same numbers on every JVM.
     */
    static RandomGenerator random(long seed) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }
}
