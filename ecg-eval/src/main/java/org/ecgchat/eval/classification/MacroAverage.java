package org.ecgchat.eval.classification;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Unweighted mean of one metric over the classes where it is defined; the classes left out are
 * named, so an undefined class never turns the mean into NaN silently.
 */
public record MacroAverage(Metric metric, OptionalDouble value, int classesUsed, List<String> undefinedClasses) {

    public MacroAverage {
        undefinedClasses = List.copyOf(undefinedClasses);
    }

    /** Averages {@code metric} over {@code classes}. */
    public static MacroAverage of(Metric metric, List<ClassMetrics> classes) {
        double sum = 0;
        int used = 0;
        List<String> undefined = new java.util.ArrayList<>();
        for (ClassMetrics c : classes) {
            OptionalDouble v = metric.of(c);
            if (v.isPresent()) {
                sum += v.getAsDouble();
                used++;
            } else {
                undefined.add(c.name());
            }
        }
        return new MacroAverage(metric, used == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / used),
                used, undefined);
    }
}
