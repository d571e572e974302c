package org.ecgchat.augment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * CutMix for ECGs (Yun et al. 2019, as in torch_ecg and ECG-Chat): each chosen record gets the
 * samples {@code [start, start + len)} of a partner from a permutation of the chosen records, with
 * {@code len = floor(lambda * samples)}, {@code lambda ~ Beta(alpha, beta)} and
 * {@code start = min(U{0..samples-1}, samples - len)}, repeated {@code num_mix} times.
 *
 * <p>Labels {@code [batch, classes]} mix by the share of samples each record contributes:
 * {@code (1 - len/samples) * own + (len/samples) * partner}. (torch_ecg weights the own label by
 * {@code lambda}, the share the partner contributes; this is fixed here.) Per-sample labels take
 * the partner's values over the same interval, and critical points inside the interval are the
 * partner's.
 *
 * @param numMix {@code num_mix}, number of successive mixes, default 1
 * @param alpha  {@code alpha}, Beta parameter, default 0.5
 * @param beta   {@code beta}, Beta parameter, default {@code alpha}
 * @param prob   {@code prob}, share of records that get a partner ({@code get_indices}), default 1
 *               (ECG-Chat's fixed value; torch_ecg's default is 0.5)
 */
@JsonIgnoreProperties({"fs", "inplace"})
public record CutMix(
        @JsonProperty("num_mix") int numMix,
        @JsonProperty("alpha") double alpha,
        @JsonProperty("beta") double beta,
        @JsonProperty("prob") double prob) implements Step {

    private static final String NAME = "CutMix";

    /** Checks the arguments. */
    public CutMix {
        Params.atLeast(NAME, "num_mix", numMix, 1);
        Params.positive(NAME, "alpha", alpha);
        Params.positive(NAME, "beta", beta);
        Params.probability(NAME, "prob", prob);
    }

    /** ECG-Chat's CutMix: one mix, Beta(0.5, 0.5), every record mixed. */
    public CutMix() {
        this(1, 0.5, 0.5, 1.0);
    }

    @JsonCreator
    static CutMix fromJson(@JsonProperty("num_mix") Integer numMix, @JsonProperty("alpha") Double alpha,
            @JsonProperty("beta") Double beta, @JsonProperty("prob") Double prob) {
        double a = Params.orDefault(alpha, 0.5);
        return new CutMix(Params.orDefault(numMix, 1), a, Params.orDefault(beta, a), Params.orDefault(prob, 1.0));
    }

    @Override
    public BatchState plan(BatchState state, RandomGenerator rng) {
        int records = state.records();
        int length = state.length();
        ContinuousSampler lambda = Draws.beta(rng, alpha, beta);
        for (int mix = 0; mix < numMix; mix++) {
            int[] partner = Draws.partners(rng, prob, records);
            int[] start = new int[records];
            int[] end = new int[records];
            double[] ownShare = new double[records];
            for (int b = 0; b < records; b++) {
                int len = (int) (lambda.sample() * length);
                start[b] = Math.min(rng.nextInt(length), length - len);
                end[b] = start[b] + len;
                ownShare[b] = 1 - (double) len / length;
            }
            state = state.withSignals(new Cut(state.signals, partner, start, end));
            if (state.labels != null) {
                state = state.withLabels(mixLabels(state.labels, partner, start, end, ownShare, length));
            }
            if (state.points != null) {
                state = state.withPoints(mixPoints(state.points, partner, start, end));
            }
        }
        return state;
    }

    private static Labels mixLabels(Labels labels, int[] partner, int[] start, int[] end, double[] ownShare,
            int length) {
        if (!labels.perSample) {
            return labels.blend(partner, ownShare);
        }
        int[] from = new int[partner.length];
        int[] to = new int[partner.length];
        for (int b = 0; b < partner.length; b++) {
            from[b] = (int) Math.round((double) start[b] * labels.samples / length);
            to[b] = (int) Math.round((double) end[b] * labels.samples / length);
        }
        return labels.cut(partner, from, to);
    }

    private static int[][] mixPoints(int[][] points, int[] partner, int[] start, int[] end) {
        int[][] out = new int[points.length][];
        for (int b = 0; b < points.length; b++) {
            int s = start[b];
            int e = end[b];
            int[] own = Arrays.stream(points[b]).filter(p -> p < s || p >= e).toArray();
            int[] theirs = Arrays.stream(points[partner[b]]).filter(p -> p >= s && p < e).toArray();
            out[b] = partner[b] == b ? points[b] : Draws.union(own, theirs);
        }
        return out;
    }

    /** Signals with each record's interval taken from its partner. */
    private static final class Cut extends Signal.Derived {
        private final int[] partner;
        private final int[] start;
        private final int[] end;

        Cut(Signal in, int[] partner, int[] start, int[] end) {
            super(in);
            this.partner = partner;
            this.start = start;
            this.end = end;
        }

        @Override
        void fill(int record, int lead, int from, int to, float[] dst, int off) {
            int cutFrom = Math.max(from, start[record]);
            int cutTo = Math.min(to, end[record]);
            if (partner[record] == record || cutFrom >= cutTo) {
                in.fill(record, lead, from, to, dst, off);
                return;
            }
            if (from < cutFrom) {
                in.fill(record, lead, from, cutFrom, dst, off);
            }
            in.fill(partner[record], lead, cutFrom, cutTo, dst, off + cutFrom - from);
            if (cutTo < to) {
                in.fill(record, lead, cutTo, to, dst, off + cutTo - from);
            }
        }

        @Override
        boolean recordLocal() {
            return false;
        }
    }
}
