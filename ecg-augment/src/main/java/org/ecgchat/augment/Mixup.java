package org.ecgchat.augment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.random.RandomGenerator;

/**
 * Mixup (Zhang et al. 2018, as in torch_ecg): with one {@code lambda ~ Beta(alpha, beta)} per
 * call, each chosen record becomes {@code lambda * own + (1 - lambda) * partner}, the partner taken
 * from a permutation of the chosen records; labels (of any shape) mix with the same weights.
 * Critical points of a mixed record are the union of both records' points.
 *
 * @param alpha {@code alpha}, Beta parameter, default 0.5
 * @param beta  {@code beta}, Beta parameter, default {@code alpha}
 * @param prob  {@code prob}, share of records that get a partner, default 0.5
 */
@JsonIgnoreProperties({"fs", "inplace"})
public record Mixup(
        @JsonProperty("alpha") double alpha,
        @JsonProperty("beta") double beta,
        @JsonProperty("prob") double prob) implements Step {

    private static final String NAME = "Mixup";

    /** Checks the arguments. */
    public Mixup {
        Params.positive(NAME, "alpha", alpha);
        Params.positive(NAME, "beta", beta);
        Params.probability(NAME, "prob", prob);
    }

    /** torch_ecg's defaults: Beta(0.5, 0.5), prob 0.5. */
    public Mixup() {
        this(0.5, 0.5, 0.5);
    }

    @JsonCreator
    static Mixup fromJson(@JsonProperty("alpha") Double alpha, @JsonProperty("beta") Double beta,
            @JsonProperty("prob") Double prob) {
        double a = Params.orDefault(alpha, 0.5);
        return new Mixup(a, Params.orDefault(beta, a), Params.orDefault(prob, 0.5));
    }

    @Override
    public BatchState plan(BatchState state, RandomGenerator rng) {
        double lambda = Draws.beta(rng, alpha, beta).sample();
        int records = state.records();
        int[] partner = Draws.partners(rng, prob, records);
        BatchState next = state.withSignals(new Mixed(state.signals, partner, (float) lambda));
        if (state.labels != null) {
            double[] weight = new double[records];
            java.util.Arrays.fill(weight, lambda);
            next = next.withLabels(state.labels.blend(partner, weight));
        }
        if (state.points != null) {
            int[][] points = new int[records][];
            for (int b = 0; b < records; b++) {
                points[b] = partner[b] == b ? state.points[b] : Draws.union(state.points[b], state.points[partner[b]]);
            }
            next = next.withPoints(points);
        }
        return next;
    }

    /** Signals blended with their partners. */
    private static final class Mixed extends Signal.Derived {
        private final int[] partner;
        private final float lambda;

        Mixed(Signal in, int[] partner, float lambda) {
            super(in);
            this.partner = partner;
            this.lambda = lambda;
        }

        @Override
        void fill(int record, int lead, int from, int to, float[] dst, int off) {
            in.fill(record, lead, from, to, dst, off);
            if (partner[record] == record) {
                return;
            }
            int n = to - from;
            Workspace ws = Workspace.current();
            float[] other = ws.borrow(n);
            try {
                in.fill(partner[record], lead, from, to, other, 0);
                float keep = lambda;
                float take = 1 - lambda;
                for (int i = 0; i < n; i++) {
                    dst[off + i] = keep * dst[off + i] + take * other[i];
                }
            } finally {
                ws.release();
            }
        }

        @Override
        boolean recordLocal() {
            return false;
        }
    }
}
