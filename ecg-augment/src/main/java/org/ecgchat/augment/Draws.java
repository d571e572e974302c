package org.ecgchat.augment;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/** The random draws the augmenters share, all taken from the caller's generator. */
final class Draws {
    /** torch_ecg's default spread of the number of chosen indices, as a fraction of the population. */
    static final double SCALE_RATIO = 0.1;

    private Draws() {
    }

    /**
     * torch_ecg's {@code get_indices}: the count is {@code round(clip(N(n * prob, scaleRatio * n), 0, n))}
     * (so roughly a fraction {@code prob} of the population, with noise), then that many distinct
     * indices in random order. Unlike the original, {@code prob == 0} chooses none and
     * {@code prob == 1} chooses all, as a caller expects.
     */
    static int[] choose(RandomGenerator rng, double prob, int popSize, double scaleRatio) {
        if (popSize <= 0 || prob <= 0) {
            return new int[0];
        }
        int count = popSize;
        if (prob < 1) {
            double k = rng.nextGaussian(popSize * prob, scaleRatio * popSize);
            count = (int) Math.rint(Math.min(Math.max(k, 0), popSize));
        }
        int[] pool = new int[popSize];
        Arrays.setAll(pool, i -> i);
        for (int i = 0; i < count; i++) {
            int j = i + rng.nextInt(popSize - i);
            int swap = pool[i];
            pool[i] = pool[j];
            pool[j] = swap;
        }
        return Arrays.copyOf(pool, count);
    }

    static int[] choose(RandomGenerator rng, double prob, int popSize) {
        return choose(rng, prob, popSize, SCALE_RATIO);
    }

    static boolean[] mask(int[] chosen, int size) {
        boolean[] mask = new boolean[size];
        for (int i : chosen) {
            mask[i] = true;
        }
        return mask;
    }

    /**
     * Mixing partners as CutMix and Mixup pick them: the chosen records are permuted among
     * themselves ({@code partner[chosen[i]] = shuffled[i]}), the others are their own partner.
     */
    static int[] partners(RandomGenerator rng, double prob, int batch) {
        int[] chosen = choose(rng, prob, batch);
        int[] shuffled = chosen.clone();
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int swap = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = swap;
        }
        int[] partner = new int[batch];
        Arrays.setAll(partner, i -> i);
        for (int i = 0; i < chosen.length; i++) {
            partner[chosen[i]] = shuffled[i];
        }
        return partner;
    }

    /** U(low, high), as numpy's {@code uniform}. */
    static double uniform(RandomGenerator rng, double low, double high) {
        return low + (high - low) * rng.nextDouble();
    }

    /** An integer in {@code [low, high]}, both ends included, as Python's {@code random.randint}. */
    static int randint(RandomGenerator rng, int low, int high) {
        return low + rng.nextInt(high - low + 1);
    }

    /** A Beta(alpha, beta) sampler (Cheng's algorithm) drawing from {@code rng}. */
    static ContinuousSampler beta(RandomGenerator rng, double alpha, double beta) {
        UniformRandomProvider source = rng::nextLong;
        return ChengBetaSampler.of(source, alpha, beta);
    }

    /** Sorted union of two sets of sample indices. */
    static int[] union(int[] a, int[] b) {
        return Arrays.stream(concat(a, b)).sorted().distinct().toArray();
    }

    static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
