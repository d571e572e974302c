package org.ecgchat.examples.demo;

import java.nio.file.Path;
import java.util.List;
import org.ecgchat.coca.CocaConfig;
import org.ecgchat.coca.train.StepMetrics;
import org.ecgchat.coca.train.TrainConfig;
import org.ecgchat.eval.report.EvaluationRun;
import org.ecgchat.eval.retrieval.RetrievalReport;

/**
 * Everything a demo run measured, for the report.
 *
 * @param settings      the run's settings
 * @param trainRecords  records trained on
 * @param trainPatients patients of the training records
 * @param testIds       ecg_id of each held-out record evaluated on, in score-row order
 * @param testPatients  patients of the held-out records
 * @param vocabulary    tokens of the learned WordPiece vocabulary
 * @param model         the architecture trained
 * @param parameters    its number of parameters
 * @param training      the training settings
 * @param history       the metrics of every training step
 * @param plannedSteps  steps the training settings ask for
 * @param zeroShot      zero-shot scores, true labels and metrics on the test records
 * @param prompts       the prompt of each zero-shot class
 * @param retrieval     report ↔ ECG retrieval on the test records
 * @param captions      the captioned test records
 * @param phases        time taken by each phase
 * @param report        the HTML report's {@code index.html}
 */
public record DemoResult(DemoSettings settings, int trainRecords, int trainPatients, List<String> testIds,
                         int testPatients, int vocabulary,
                         CocaConfig model, long parameters, TrainConfig training, List<StepMetrics> history,
                         long plannedSteps, EvaluationRun zeroShot, List<String> prompts, RetrievalReport retrieval,
                         List<CaptionedRecord> captions, List<PhaseTimer.Phase> phases, Path report) {

    /**
     * A test record with its generated caption.
     *
     * @param id      ecg_id
     * @param report  the true report
     * @param caption the generated one
     * @param plot    the record on ECG paper, PNG
     */
    public record CaptionedRecord(String id, String report, String caption, byte[] plot) {}

    public DemoResult {
        testIds = List.copyOf(testIds);
        history = List.copyOf(history);
        prompts = List.copyOf(prompts);
        captions = List.copyOf(captions);
        phases = List.copyOf(phases);
    }

    /** Whether training stopped before its planned steps to keep to the time budget. */
    public boolean stoppedEarly() {
        return history.size() < plannedSteps;
    }

    /** Total wall-clock seconds of the run. */
    public double wallSeconds() {
        return phases.stream().mapToDouble(PhaseTimer.Phase::wallSeconds).sum();
    }

    /** Total process CPU seconds of the run. */
    public double cpuSeconds() {
        return phases.stream().mapToDouble(PhaseTimer.Phase::cpuSeconds).sum();
    }
}
