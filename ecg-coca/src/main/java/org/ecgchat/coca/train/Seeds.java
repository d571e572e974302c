package org.ecgchat.coca.train;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Random generators derived from a run's seed and a position (an epoch, a batch): each is a
 * function of those two numbers only, which is the whole "RNG state" a checkpoint needs. The
 * algorithm is fixed by name (L64X128MixRandom), so a seed means the same on every JVM.
 */
final class Seeds {

    private static final RandomGeneratorFactory<RandomGenerator> FACTORY = RandomGeneratorFactory.of("L64X128MixRandom");

    /** Name of the generator algorithm, recorded in checkpoints. */
    static final String ALGORITHM = "L64X128MixRandom";

    private Seeds() {}

    /** Stream of the per-epoch data order. */
    static final long ORDER = 1;
    /** Stream of the per-batch augmentation. */
    static final long AUGMENTATION = 2;
    /** Stream of the initial weights (indexed by the parameter name's hash). */
    static final long INIT = 3;

    /** The generator of position {@code index} of stream {@code stream} of the run seeded {@code seed}. */
    static RandomGenerator generator(long seed, long stream, long index) {
        long base = mix(seed + 0x9E3779B97F4A7C15L * stream);
        return FACTORY.create(mix(base + 0xC2B2AE3D27D4EB4FL * (index + 1)));
    }

    /** Stafford's variant 13 of the SplitMix64 finaliser: nearby inputs give unrelated outputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
