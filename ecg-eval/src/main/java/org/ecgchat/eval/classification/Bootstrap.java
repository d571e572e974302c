package org.ecgchat.eval.classification;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.ecgchat.eval.EvalInputException;

/**
 * Percentile bootstrap confidence intervals for any statistic of a {@link MultiLabelData}:
 * resample the samples with replacement, recompute, take the empirical quantiles (linear
 * interpolation, numpy's default). Resamples where the statistic is undefined (e.g. a class
 * without positives) are skipped and counted.
 *
 * <p>Each resample draws from its own generator split from {@code seed} in order, so the
 * interval is the same for any number of threads.
 */
public final class Bootstrap {

    /**
     * A confidence interval.
     *
     * @param estimate  the statistic on the full data
     * @param lower     lower percentile bound
     * @param upper     upper percentile bound
     * @param level     coverage, e.g. 0.95
     * @param resamples resamples where the statistic was defined
     * @param skipped   resamples where it was undefined
     */
    public record Interval(double estimate, double lower, double upper, double level, int resamples, int skipped) {
    }

    private Bootstrap() {
    }

    /** The macro average of {@code metric} as a statistic. */
    public static Function<MultiLabelData, OptionalDouble> macro(ClassificationEvaluator evaluator, Metric metric) {
        return d -> evaluator.evaluate(d).macro(metric).value();
    }

    /** One class's {@code metric} as a statistic. */
    public static Function<MultiLabelData, OptionalDouble> perClass(ClassificationEvaluator evaluator, int classIndex,
                                                                    Metric metric) {
        return d -> metric.of(evaluator.evaluate(d.classNames().get(classIndex), d.curve(classIndex)));
    }

    /**
     * Computes a percentile interval.
     *
     * @param resamples number of bootstrap resamples (at least 1)
     * @param level     coverage in (0, 1)
     * @param seed      seed of the resampling
     * @throws UndefinedMetricException when the statistic is undefined on the full data or on every resample
     */
    public static Interval percentile(MultiLabelData data, Function<MultiLabelData, OptionalDouble> statistic,
                                      int resamples, double level, long seed) {
        if (resamples < 1) {
            throw new EvalInputException("resamples must be at least 1, got " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new EvalInputException("confidence level must be in (0, 1), got " + level);
        }
        OptionalDouble estimate = statistic.apply(data);
        if (estimate.isEmpty()) {
            throw new UndefinedMetricException("the statistic is undefined on the full data");
        }
        SplittableRandom master = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[resamples];
        for (int r = 0; r < resamples; r++) {
            streams[r] = master.split();
        }
        int n = data.samples();
        double[] values = IntStream.range(0, resamples).parallel().mapToDouble(r -> {
            SplittableRandom rnd = streams[r];
            int[] rows = new int[n];
            for (int i = 0; i < n; i++) {
                rows[i] = rnd.nextInt(n);
            }
            return statistic.apply(data.resample(rows)).orElse(Double.NaN);
        }).toArray();
        double[] defined = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (defined.length == 0) {
            throw new UndefinedMetricException("the statistic is undefined on all " + resamples + " resamples");
        }
        double alpha = (1 - level) / 2;
        return new Interval(estimate.getAsDouble(), quantile(defined, alpha), quantile(defined, 1 - alpha), level,
                defined.length, resamples - defined.length);
    }

    /** Linear-interpolation quantile of sorted values (numpy {@code percentile}, method "linear"). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double frac = pos - lo;
        return sorted[lo] + frac * (sorted[hi] - sorted[lo]);
    }
}
