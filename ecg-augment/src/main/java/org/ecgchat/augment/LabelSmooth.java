package org.ecgchat.augment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.random.RandomGenerator;

/**
 * torch_ecg's label smoothing: a share {@code prob} of the records gets labels
 * {@code (1 - smoothing) * y + smoothing / classes}, so a one-hot row still sums to 1. Signals are
 * untouched; the batch must carry labels.
 *
 * @param smoothing {@code smoothing}, in [0, 1], default 0.1
 * @param prob      {@code prob}, share of records smoothed, default 0.5
 */
@JsonIgnoreProperties({"fs", "inplace"})
public record LabelSmooth(
        @JsonProperty("smoothing") double smoothing,
        @JsonProperty("prob") double prob) implements Step {

    private static final String NAME = "LabelSmooth";

    /** Checks the arguments. */
    public LabelSmooth {
        if (!(smoothing >= 0 && smoothing <= 1)) {
            throw new AugmenterParameterException(NAME, "smoothing", "must lie in [0, 1], got " + smoothing);
        }
        Params.probability(NAME, "prob", prob);
    }

    /** torch_ecg's defaults: smoothing 0.1, prob 0.5. */
    public LabelSmooth() {
        this(0.1, 0.5);
    }

    @JsonCreator
    static LabelSmooth fromJson(@JsonProperty("smoothing") Double smoothing, @JsonProperty("prob") Double prob) {
        return new LabelSmooth(Params.orDefault(smoothing, 0.1), Params.orDefault(prob, 0.5));
    }

    @Override
    public BatchState plan(BatchState state, RandomGenerator rng) {
        Labels labels = state.requireLabels(NAME);
        if (smoothing == 0) {
            return state;
        }
        int[] chosen = Draws.choose(rng, prob, labels.records);
        return state.withLabels(labels.smooth(Draws.mask(chosen, labels.records), smoothing));
    }
}
