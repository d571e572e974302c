package org.ecgchat.coca.train;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.ecgchat.coca.CocaModel;
import org.ecgchat.nn.checkpoint.CheckpointFormatException;
import org.ecgchat.nn.checkpoint.Safetensors;
import org.ecgchat.nn.checkpoint.SafetensorsFile;
import org.ecgchat.nn.checkpoint.StateDict;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The files of one training checkpoint folder: the model as a loadable model folder
 * ({@code config.json} + {@code model.safetensors}, so {@code CocaModel.load(folder)} reads it),
 * the AdamW moments ({@code optimizer.safetensors}, tensors {@code exp_avg.<param>} and
 * {@code exp_avg_sq.<param>}, the step count in the metadata) and {@code trainer.json}
 * ({@link TrainerState}).
 */
final class TrainingCheckpoint {

    static final String OPTIMIZER = "optimizer.safetensors";
    static final String TRAINER = "trainer.json";
    private static final String STEPS = "steps";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** A checkpoint as read back. */
    record Loaded(CocaModel model, Map<String, INDArray> optimizerState, long optimizerSteps, TrainerState state) {}

    private TrainingCheckpoint() {}

    static void write(Path folder, CocaTrainStep step, TrainerState state) throws IOException {
        step.model().save(folder);
        Safetensors.write(folder.resolve(OPTIMIZER), StateDict.of(OPTIMIZER, step.optimizer().state()),
                Map.of(STEPS, Long.toString(step.optimizer().steps())));
        Files.write(folder.resolve(TRAINER), JSON.writeValueAsBytes(state));
    }

    static Loaded read(Path folder) throws IOException {
        Path trainer = folder.resolve(TRAINER);
        if (!Files.isRegularFile(trainer)) {
            throw new CheckpointFormatException(folder + " is not a training checkpoint: " + TRAINER + " is missing");
        }
        TrainerState state;
        try {
            state = JSON.readValue(trainer.toFile(), TrainerState.class);
        } catch (IOException e) {
            throw new CheckpointFormatException(trainer + ": " + e.getMessage(), e);
        }
        if (!TrainerState.FORMAT.equals(state.format())) {
            throw new CheckpointFormatException(trainer + ": format is " + state.format() + ", expected "
                    + TrainerState.FORMAT);
        }
        if (!Seeds.ALGORITHM.equals(state.rngAlgorithm())) {
            throw new CheckpointFormatException(trainer + ": random generator " + state.rngAlgorithm()
                    + " is not the " + Seeds.ALGORITHM + " this trainer derives its streams from");
        }
        CocaModel model = CocaModel.load(folder);
        Path optimizer = folder.resolve(OPTIMIZER);
        StateDict moments;
        long steps;
        try (SafetensorsFile file = SafetensorsFile.open(optimizer)) {
            moments = file.readAll(name -> true, false);
            String value = file.metadata().get(STEPS);
            if (value == null) {
                throw new CheckpointFormatException(optimizer + ": metadata has no '" + STEPS + "' entry");
            }
            steps = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new CheckpointFormatException(optimizer + ": metadata '" + STEPS + "' is not a number", e);
        }
        return new Loaded(model, moments.asMap(), steps, state);
    }
}
