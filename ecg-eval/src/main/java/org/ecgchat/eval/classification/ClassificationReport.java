package org.ecgchat.eval.classification;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Per-class metrics and their macro averages for one evaluation. */
public record ClassificationReport(int samples, List<ClassMetrics> classes, Map<Metric, MacroAverage> macro) {

    public ClassificationReport {
        classes = List.copyOf(classes);
        macro = Map.copyOf(macro);
    }

    /** Builds the macro averages of every {@link Metric}. */
    public static ClassificationReport of(int samples, List<ClassMetrics> classes) {
        Map<Metric, MacroAverage> m = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            m.put(metric, MacroAverage.of(metric, classes));
        }
        return new ClassificationReport(samples, classes, m);
    }

    /** The macro average of one metric. */
    public MacroAverage macro(Metric metric) {
        return macro.get(metric);
    }

    /** The metrics of the class with this name. */
    public ClassMetrics get(String className) {
        return classes.stream().filter(c -> c.name().equals(className)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no class '" + className + "' in this report"));
    }
}
