package org.ecgchat.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ecgchat.coca.CocaModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    CocaOptions coca;

    @Option(names = "--out", paramLabel = "FILE", description = "write the JSON lines here (default: standard output)")
    Path out;

    @Parameters(arity = "1..*", paramLabel = "RECORD", description = "record paths (without extension, or the .hea file)")
    List<Path> records;

    @Override
    public Integer call() throws IOException {
        try (CocaModel model = coca.loadModel()) {
            TextOutput.write(out, spec.commandLine().getOut(), w -> embed(model, w));
        }
        return 0;
    }

    /** One output line. */
    private record Line(String record, float[] embedding) {}

    private void embed(CocaModel model, Writer sink) throws IOException {
        ObjectMapper json = new ObjectMapper();
        // the progress bar only when the data does not go to the same terminal
        coca.forEachBatch(model, records, "embed", out != null, (part, ecg, first) -> {
            INDArray latents = model.encodeEcg(ecg);
            for (int i = 0; i < part.size(); i++) {
                sink.write(json.writeValueAsString(new Line(part.get(i).toString(), latents.getRow(i).toFloatVector())));
                sink.write('\n');
            }
        });
    }
}
