package org.ecgchat.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ecgchat.augment.Augmenter;
import org.ecgchat.augment.AugmenterJson;
import org.ecgchat.augment.EcgTransform;
import org.ecgchat.augment.Normalize;
import org.ecgchat.coca.CocaConfig;
import org.ecgchat.coca.EcgRecords;
import org.ecgchat.coca.train.TrainConfig;

/**
 * The run file of {@code ecg-chat train-coca}: one flat JSON object holding the {@link TrainConfig}
 * fields (open_clip's argument names) and the fields below, which say what to train on and where to
 * write. Relative paths are resolved against the run file's folder.
 *
 * @param name run name (open_clip {@code --name}), the output sub-folder ({@code coca})
 * @param logs folder of runs (open_clip {@code --logs}, default {@code logs})
 * @param modelConfig the architecture: a CocaConfig JSON object or the path of one (default: beside
 *                    {@code pretrained}, else ECG-Chat's {@code coca_ViT-B-32})
 * @param pretrained weights to start from (open_clip {@code --pretrained}): model folder, .safetensors or .pt
 * @param pretrainedText Hugging Face BERT weights for the text tower (ECG-Chat: MedCPT-Query-Encoder)
 * @param tokenizer vocab.txt, tokenizer.json or a folder with one (default: {@code pretrained_text}'s folder)
 * @param trainData CSV of training pairs (open_clip {@code --train-data}): WFDB record path and report
 * @param csvSeparator column separator (open_clip's default: tab)
 * @param csvEcgKey column of the record paths (open_clip's {@code csv_img_key}, default {@code filepath})
 * @param csvCaptionKey column of the reports (default {@code title})
 * @param preprocess a preprocessing JSON array file (default: ECG-Chat's evaluation preprocessing)
 * @param augmentation training augmentation: {@code "ecg-chat"} (ECG-Chat's RandomApply(BaselineWander),
 *                     RandomApply(CutMix), RandomApply(RandomMasking)), an ecg-augment JSON configuration, or
 *                     the path of one; none when absent
 * @param train the training hyperparameters
 */
record TrainRunConfig(String name, Path logs, CocaConfig modelConfig, Path pretrained, Path pretrainedText,
        Path tokenizer, Path trainData, char csvSeparator, String csvEcgKey, String csvCaptionKey, Path preprocess,
        Augmentation augmentation, TrainConfig train) {

    static final List<String> FIELDS = List.of("name", "logs", "model_config", "pretrained", "pretrained_text",
            "tokenizer", "train_data", "csv_separator", "csv_img_key", "csv_ecg_key", "csv_caption_key", "preprocess",
            "augmentation");

    /** The {@code augmentation} field, resolved once the model's sampling length is known. */
    record Augmentation(JsonNode value, Path base, Path file) {

        /** The augmenter for ECGs of {@code config}. */
        Augmenter augmenter(CocaConfig config) throws IOException {
            if (value.isTextual() && value.asText().equals("ecg-chat")) {
                return EcgTransform.training(EcgRecords.SAMPLING_FREQUENCY, config.ecg().seqLength(),
                        Normalize.identity(config.ecg().leadNum()));
            }
            if (value.isTextual()) {
                return AugmenterJson.read(base.resolve(value.asText()));
            }
            if (value.isObject() || value.isArray()) {
                return AugmenterJson.read(value.toString(), file + ": augmentation");
            }
            throw new IllegalArgumentException(file + ": augmentation must be \"ecg-chat\", an ecg-augment configuration "
                    + "or the path of one, was " + value);
        }
    }

    /** Reads a run file; errors name the file and the field. */
    static TrainRunConfig read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": expected a JSON object of run settings");
        }
        ObjectNode rest = ((ObjectNode) root).deepCopy();
        FIELDS.forEach(rest::remove);
        Path base = file.toAbsolutePath().getParent();
        TrainConfig train = TrainConfig.parse(rest.toString(), file.toString());

        CocaConfig model = null;
        JsonNode mc = root.get("model_config");
        if (mc != null && mc.isObject()) {
            model = CocaConfig.parse(mc.toString());
        } else if (mc != null && mc.isTextual()) {
            model = CocaConfig.read(base.resolve(mc.asText()));
        } else if (mc != null && !mc.isNull()) {
            throw new IllegalArgumentException(file + ": model_config must be a CoCa configuration object or a path");
        }
        String separator = text(root, "csv_separator", "\t", file);
        if (separator.length() != 1) {
            throw new IllegalArgumentException(file + ": csv_separator must be one character, was \"" + separator + "\"");
        }
        String ecgKey = root.has("csv_ecg_key") ? text(root, "csv_ecg_key", null, file) : text(root, "csv_img_key", "filepath", file);
        Path trainData = path(root, "train_data", base, file);
        if (trainData == null) {
            throw new IllegalArgumentException(file + ": train_data (a CSV of record paths and reports) is required");
        }
        return new TrainRunConfig(text(root, "name", "coca", file), base.resolve(text(root, "logs", "logs", file)), model,
                path(root, "pretrained", base, file), path(root, "pretrained_text", base, file),
                path(root, "tokenizer", base, file), trainData, separator.charAt(0), ecgKey,
                text(root, "csv_caption_key", "title", file), path(root, "preprocess", base, file),
                root.hasNonNull("augmentation") ? new Augmentation(root.get("augmentation"), base, file) : null, train);
    }

    /** The folder this run writes into. */
    Path output() {
        return logs.resolve(name);
    }

    private static String text(JsonNode root, String field, String fallback, Path file) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(file + ": " + field + " must be a string, was " + v);
        }
        return v.asText();
    }

    private static Path path(JsonNode root, String field, Path base, Path file) {
        String v = text(root, field, null, file);
        return v == null ? null : base.resolve(v);
    }
}
