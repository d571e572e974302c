package org.ecgchat.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.ecgchat.coca.CocaConfig;
import org.ecgchat.coca.CocaModel;
import org.ecgchat.coca.EcgRecords;
import org.ecgchat.io.preprocess.Preprocessor;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine.Option;

/**
 * The options of the commands that run an ECG-CoCa model on WFDB records (embed, zero-shot,
 * retrieve, caption): the model, the record preparation and the batch size; and reading records in
 * batches with a progress bar on a console.
 */
final class CocaOptions {

    @Option(names = "--model", required = true, paramLabel = "PATH",
            description = "model folder (config.json + model.safetensors), .safetensors file or open_clip .pt checkpoint")
    Path model;

    @Option(names = "--config", paramLabel = "JSON",
            description = "open_clip CoCa configuration (default: config.json beside the weights, else ECG-Chat's)")
    Path config;

    @Option(names = "--preprocess", paramLabel = "JSON",
            description = "preprocessing steps as a JSON array (default: ECG-Chat's evaluation steps)")
    Path preprocess;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "8",
            description = "records per forward pass; default: ${DEFAULT-VALUE}")
    int batch;

    /** What to do with each batch of prepared records. */
    @FunctionalInterface
    interface BatchAction {
        /**
         * @param records the batch's record paths
         * @param ecg their prepared signals {@code [records, leads, samples]}
         * @param first the position of the batch's first record among all records
         */
        void accept(List<Path> records, INDArray ecg, int first) throws IOException;
    }

    CocaModel loadModel() throws IOException {
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be at least 1, was " + batch);
        }
        return CocaModel.load(model, config == null ? null : CocaConfig.read(config));
    }

    /**
     * Reads, prepares and batches {@code records} (paths without extension, or the {@code .hea}
     * files), in order; with {@code progress}, a progress bar goes to a console's standard error.
     */
    void forEachBatch(CocaModel coca, List<Path> records, String task, boolean progress, BatchAction action)
            throws IOException {
        Preprocessor steps = preprocess == null ? EcgRecords.evaluation(coca.config()) : Preprocessor.read(preprocess);
        try (ProgressBar bar = progress ? progress(task, records.size()) : null) {
            for (int from = 0; from < records.size(); from += batch) {
                List<Path> part = records.subList(from, Math.min(records.size(), from + batch));
                List<float[][]> ecgs = new ArrayList<>();
                for (Path record : part) {
                    String name = record.getFileName() == null ? "" : record.getFileName().toString();
                    Path base = name.endsWith(".hea") ? record.resolveSibling(name.substring(0, name.length() - 4)) : record;
                    ecgs.add(EcgRecords.read(base, coca.config(), steps));
                }
                action.accept(part, EcgRecords.batch(ecgs), from);
                if (bar != null) {
                    bar.stepBy(part.size());
                }
            }
        }
    }

    private static ProgressBar progress(String task, int records) {
        if (System.console() == null || records < 2) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(records).setUnit(" records", 1)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }
}
