package org.ecgchat.eval.zeroshot;

import java.util.List;
import org.ecgchat.eval.classification.ClassificationReport;

/**
 * A zero-shot evaluation: the prompts used, the sigmoid scores {@code [sample][class]} and
 * their metrics.
 */
public record ZeroShotResult(List<String> labels, List<String> prompts, double[][] scores,
                             ClassificationReport report) {
}
