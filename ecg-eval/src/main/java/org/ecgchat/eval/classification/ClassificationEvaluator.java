package org.ecgchat.eval.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.ecgchat.eval.EvalInputException;

/**
 * Computes a {@link ClassificationReport}: per class AUROC, average precision, max-F1 with its
 * threshold and accuracy, and the confusion matrix at a decision threshold; classes run in
 * parallel.
 *
 * @param decisionThreshold fixed threshold for sensitivity/specificity ({@code score > t});
 *                          empty means each class's max-F1 threshold
 * @param parallel          evaluate classes on the common fork-join pool
 */
public record ClassificationEvaluator(OptionalDouble decisionThreshold, boolean parallel) {

    public ClassificationEvaluator {
        if (decisionThreshold.isPresent() && Double.isNaN(decisionThreshold.getAsDouble())) {
            throw new EvalInputException("decision threshold is NaN");
        }
    }

    /** Max-F1 thresholds per class, parallel over classes. */
    public static ClassificationEvaluator defaults() {
        return new ClassificationEvaluator(OptionalDouble.empty(), true);
    }

    /** The same evaluator with a fixed decision threshold for every class. */
    public ClassificationEvaluator withDecisionThreshold(double threshold) {
        return new ClassificationEvaluator(OptionalDouble.of(threshold), parallel);
    }

    /** The same evaluator, sequential or parallel over classes. */
    public ClassificationEvaluator withParallel(boolean p) {
        return new ClassificationEvaluator(decisionThreshold, p);
    }

    /** Evaluates every class. */
    public ClassificationReport evaluate(MultiLabelData data) {
        IntStream classes = IntStream.range(0, data.classes());
        if (parallel) {
            classes = classes.parallel();
        }
        List<ClassMetrics> metrics = classes.mapToObj(c -> evaluate(data.classNames().get(c), data.curve(c))).toList();
        return ClassificationReport.of(data.samples(), metrics);
    }

    /** Evaluates one class from its curve. */
    public ClassMetrics evaluate(String name, BinaryCurve curve) {
        List<String> notes = new ArrayList<>();
        OptionalDouble auroc = OptionalDouble.empty();
        OptionalDouble ap = OptionalDouble.empty();
        OptionalDouble f1 = OptionalDouble.empty();
        OptionalDouble f1Threshold = OptionalDouble.empty();
        OptionalDouble accuracy = OptionalDouble.empty();
        if (curve.positives() == 0) {
            notes.add("no positive samples: AUROC, AP, max-F1 and its accuracy are undefined");
        } else {
            ap = OptionalDouble.of(curve.averagePrecision());
            MaxF1 m = curve.maxF1();
            f1 = OptionalDouble.of(m.f1());
            f1Threshold = OptionalDouble.of(m.threshold());
            accuracy = OptionalDouble.of(m.accuracy());
            if (curve.negatives() == 0) {
                notes.add("no negative samples: AUROC is undefined");
            } else {
                auroc = OptionalDouble.of(curve.auroc());
            }
        }
        OptionalDouble threshold = decisionThreshold.isPresent() ? decisionThreshold : f1Threshold;
        Optional<ConfusionMatrix> confusion = threshold.isPresent()
                ? Optional.of(curve.confusionAbove(threshold.getAsDouble()))
                : Optional.empty();
        return new ClassMetrics(name, curve.positives(), curve.negatives(), auroc, ap, f1, f1Threshold, accuracy,
                threshold, confusion, notes);
    }
}
