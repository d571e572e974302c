package org.ecgchat.augment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * torch_ecg's random flip: multiplies signals by -1. A share {@code prob[0]} of the records is
 * chosen; with {@code per_channel} a share {@code prob[1]} of each chosen record's leads is
 * flipped, otherwise the whole record. Flipping changes the electrical axis of standard 12-lead
 * ECGs, so it suits ambulatory recordings better.
 *
 * @param perChannel {@code per_channel}, flip leads independently, default true
 * @param prob       {@code prob}, [record share, lead share], default [0.4, 0.2]; one number stands
 *                   for both
 */
@JsonIgnoreProperties({"fs", "inplace"})
public record RandomFlip(
        @JsonProperty("per_channel") boolean perChannel,
        @JsonProperty("prob") double[] prob) implements Step {

    private static final String NAME = "RandomFlip";

    /** Checks the arguments and expands a single probability to a pair. */
    public RandomFlip {
        prob = Params.probabilityPair(NAME, "prob", prob);
    }

    /** torch_ecg's defaults: per channel, prob [0.4, 0.2]. */
    public RandomFlip() {
        this(true, new double[] {0.4, 0.2});
    }

    @JsonCreator
    static RandomFlip fromJson(@JsonProperty("per_channel") Boolean perChannel,
            @JsonProperty("prob") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) double[] prob) {
        return new RandomFlip(Params.orDefault(perChannel, true), Params.orDefault(prob, new double[] {0.4, 0.2}));
    }

    @Override
    public double[] prob() {
        return prob.clone();
    }

    @Override
    public BatchState plan(BatchState state, RandomGenerator rng) {
        int records = state.records();
        int leads = state.leads();
        boolean[][] flip = new boolean[records][leads];
        for (int b : Draws.choose(rng, prob[0], records)) {
            if (perChannel) {
                for (int l : Draws.choose(rng, prob[1], leads)) {
                    flip[b][l] = true;
                }
            } else {
                Arrays.fill(flip[b], true);
            }
        }
        return state.withSignals(new Flipped(state.signals, flip));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RandomFlip f && f.perChannel == perChannel && Arrays.equals(f.prob, prob);
    }

    @Override
    public int hashCode() {
        return 31 * Boolean.hashCode(perChannel) + Arrays.hashCode(prob);
    }

    @Override
    public String toString() {
        return "RandomFlip[per_channel=" + perChannel + ", prob=" + Arrays.toString(prob) + "]";
    }

    /** Signals with some leads negated. */
    private static final class Flipped extends Signal.Derived {
        private final boolean[][] flip;

        Flipped(Signal in, boolean[][] flip) {
            super(in);
            this.flip = flip;
        }

        @Override
        void fill(int record, int lead, int from, int to, float[] dst, int off) {
            in.fill(record, lead, from, to, dst, off);
            if (flip[record][lead]) {
                for (int i = off; i < off + to - from; i++) {
                    dst[i] = -dst[i];
                }
            }
        }
    }
}
