package org.ecgchat.augment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Applies a list of augmenters in order with probability {@code p} (torchvision's
 * {@code RandomApply}, which ECG-Chat uses): one draw for the whole batch, as the original code
 * does on its input. With {@code per_record} each record draws on its own and the others pass
 * through untouched; this matches ECG-Chat's training, which transformed one record at a time.
 * (Mixing augmenters still take partners from the whole batch.)
 *
 * @param transforms {@code transforms}, applied in order
 * @param p          {@code p}, default 0.5
 * @param perRecord  {@code per_record}, draw per record instead of per batch, default false
 */
public record RandomApply(
        @JsonProperty("transforms") List<Augmenter> transforms,
        @JsonProperty("p") double p,
        @JsonProperty("per_record") boolean perRecord) implements Step {

    /** Checks the arguments and freezes the list. */
    public RandomApply {
        if (transforms == null || transforms.stream().anyMatch(java.util.Objects::isNull)) {
            throw new AugmenterParameterException("RandomApply", "transforms", "must be a list of augmenters");
        }
        transforms = List.copyOf(transforms);
        Params.probability("RandomApply", "p", p);
    }

    /** One draw for the whole batch. */
    public RandomApply(double p, Augmenter... transforms) {
        this(List.of(transforms), p, false);
    }

    @JsonCreator
    static RandomApply fromJson(@JsonProperty("transforms") List<Augmenter> transforms,
            @JsonProperty("p") Double p, @JsonProperty("per_record") Boolean perRecord) {
        return new RandomApply(transforms, Params.orDefault(p, 0.5), Params.orDefault(perRecord, false));
    }

    @Override
    public BatchState plan(BatchState state, RandomGenerator rng) {
        if (!perRecord) {
            // apply unless p < U, as the original compares
            return rng.nextDouble() < p ? Compose.planAll(transforms, state, rng) : state;
        }
        int records = state.records();
        boolean[] chosen = new boolean[records];
        boolean any = false;
        for (int b = 0; b < records; b++) {
            chosen[b] = rng.nextDouble() < p;
            any |= chosen[b];
        }
        if (!any) {
            return state;
        }
        BatchState applied = Compose.planAll(transforms, state, rng);
        if (applied.length() != state.length() || applied.leads() != state.leads()) {
            throw new AugmenterParameterException("RandomApply", "per_record", "its transforms change the"
                    + " signal shape, so applied and untouched records would not fit one batch");
        }
        BatchState next = applied.withSignals(new Selected(chosen, applied.signals, state.signals));
        if (applied.labels != null && state.labels != null) {
            next = next.withLabels(applied.labels.select(chosen, state.labels));
        }
        if (applied.points != null && state.points != null) {
            int[][] points = new int[records][];
            for (int b = 0; b < records; b++) {
                points[b] = chosen[b] ? applied.points[b] : state.points[b];
            }
            next = next.withPoints(points);
        }
        return next;
    }

    /** Each record from one of two signals. */
    private static final class Selected extends Signal {
        private final boolean[] chosen;
        private final Signal applied;
        private final Signal untouched;

        Selected(boolean[] chosen, Signal applied, Signal untouched) {
            super(applied.records, applied.leads, applied.length);
            this.chosen = chosen;
            this.applied = applied;
            this.untouched = untouched;
        }

        @Override
        void fill(int record, int lead, int from, int to, float[] dst, int off) {
            (chosen[record] ? applied : untouched).fill(record, lead, from, to, dst, off);
        }

        @Override
        boolean recordLocal() {
            return applied.recordLocal() && untouched.recordLocal();
        }
    }
}
