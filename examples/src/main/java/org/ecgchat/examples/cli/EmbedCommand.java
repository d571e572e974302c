package org.ecgchat.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ecgchat.coca.CocaConfig;
import org.ecgchat.coca.CocaModel;
import org.ecgchat.coca.EcgRecords;
import org.ecgchat.io.EcgIoException;
import org.ecgchat.io.preprocess.Preprocessor;
import org.ecgchat.nn.checkpoint.CheckpointFormatException;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ecg-chat embed --model PATH [--config JSON] [--out FILE] RECORD...}: the L2-normalised
 * ECG-CoCa embedding of each WFDB record, one JSON line per record.
 */
@Command(name = "embed", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Embed WFDB records with an ECG-CoCa model: one JSON line per record,",
            "{\"record\": \"...\", \"embedding\": [...]} with the L2-normalised ECG latent.",
            "Records are prepared as ECG-Chat evaluates: the 12 standard leads by name, 500 Hz (resampled if",
            "needed), invalid samples to 0, (x - 0) / 1 per lead, zero-padded or cropped to the model's length."})
public final class EmbedCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "PATH",
            description = "model folder (config.json + model.safetensors), .safetensors file or open_clip .pt checkpoint")
    Path model;

    @Option(names = "--config", paramLabel = "JSON",
            description = "open_clip CoCa configuration (default: config.json beside the weights, else ECG-Chat's)")
    Path config;

    @Option(names = "--out", paramLabel = "FILE", description = "write the JSON lines here (default: standard output)")
    Path out;

    @Option(names = "--preprocess", paramLabel = "JSON",
            description = "preprocessing steps as a JSON array (default: ECG-Chat's evaluation steps)")
    Path preprocess;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "8",
            description = "records per forward pass; default: ${DEFAULT-VALUE}")
    int batch;

    @Parameters(arity = "1..*", paramLabel = "RECORD", description = "record paths (without extension, or the .hea file)")
    List<Path> records;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (batch < 1) {
                throw new IllegalArgumentException("--batch must be at least 1, was " + batch);
            }
            CocaModel coca = CocaModel.load(model, config == null ? null : CocaConfig.read(config));
            Preprocessor steps = preprocess == null ? EcgRecords.evaluation(coca.config()) : Preprocessor.read(preprocess);
            if (out == null) {
                PrintWriter stdout = spec.commandLine().getOut();
                embed(coca, steps, stdout);
                stdout.flush();
            } else {
                writeAtomically(out, w -> embed(coca, steps, w));
            }
            return 0;
        } catch (EcgIoException | CheckpointFormatException | IllegalArgumentException e) {
            err.println("ecg-chat embed: " + e.getMessage());
            return 2;
        } catch (IOException | UncheckedIOException e) {
            err.println("ecg-chat embed: " + e);
            return 2;
        }
    }

    /** One output line. */
    private record Line(String record, float[] embedding) {}

    private void embed(CocaModel coca, Preprocessor steps, Writer sink) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (ProgressBar progress = progress()) {
            for (int from = 0; from < records.size(); from += batch) {
                embedBatch(coca, steps, sink, json, records.subList(from, Math.min(records.size(), from + batch)));
                if (progress != null) {
                    progress.stepTo(Math.min(records.size(), from + batch));
                }
            }
        }
    }

    /** A progress bar on the terminal when the output goes to a file and there is a terminal to see it. */
    private ProgressBar progress() {
        if (out == null || System.console() == null) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName("embed").setInitialMax(records.size())
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    private void embedBatch(CocaModel coca, Preprocessor steps, Writer sink, ObjectMapper json, List<Path> part)
            throws IOException {
        List<float[][]> ecgs = new ArrayList<>();
        for (Path record : part) {
            String name = record.getFileName() == null ? "" : record.getFileName().toString();
            Path base = name.endsWith(".hea") ? record.resolveSibling(name.substring(0, name.length() - 4)) : record;
            ecgs.add(EcgRecords.read(base, coca.config(), steps));
        }
        INDArray latents = coca.encodeEcg(EcgRecords.batch(ecgs));
        for (int i = 0; i < part.size(); i++) {
            sink.write(json.writeValueAsString(new Line(part.get(i).toString(), latents.getRow(i).toFloatVector())));
            sink.write('\n');
        }
    }

    /** Writes through a temporary file in the target's directory, renamed into place on success only. */
    private static void writeAtomically(Path target, WriterAction action) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                action.write(w);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @FunctionalInterface
    private interface WriterAction {
        void write(Writer w) throws IOException;
    }
}
