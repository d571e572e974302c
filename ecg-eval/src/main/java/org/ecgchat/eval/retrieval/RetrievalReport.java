package org.ecgchat.eval.retrieval;

/** Retrieval both ways: ECG to report and report to ECG. */
public record RetrievalReport(RetrievalMetrics ecgToReport, RetrievalMetrics reportToEcg) {
}
