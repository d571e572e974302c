package org.ecgchat.eval.report;

import java.util.Map;
import org.ecgchat.eval.classification.Bootstrap;
import org.ecgchat.eval.classification.ClassificationReport;
import org.ecgchat.eval.classification.Metric;
import org.ecgchat.eval.classification.MultiLabelData;

/**
 * Everything one evaluation produced, for the tables, plots and the HTML page.
 *
 * @param title          heading of the run
 * @param data           the scores and labels (for the curves)
 * @param report         the per-class metrics
 * @param macroIntervals bootstrap confidence intervals of macro metrics (may be empty)
 */
public record EvaluationRun(String title, MultiLabelData data, ClassificationReport report,
                            Map<Metric, Bootstrap.Interval> macroIntervals) {

    public EvaluationRun {
        macroIntervals = Map.copyOf(macroIntervals);
    }
}
