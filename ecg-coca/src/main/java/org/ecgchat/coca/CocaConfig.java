package org.ecgchat.coca;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * An open_clip CoCa model configuration as ECG-Chat writes it ({@code coca_ViT-B-32.json}): the
 * original JSON field names, the original defaults for absent fields, and refusal (naming the
 * field) of options that would change the architecture in ways not implemented here.
 *
 * @param embedDim size of the shared ECG/text latent space
 * @param initLogitScale initial {@code logit_scale} (ln(1/0.07)) for a freshly initialised model
 * @param padId the token id the caption loss ignores
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CocaConfig(
        @JsonProperty("embed_dim") Integer embedDim,
        @JsonProperty("ecg_cfg") EcgConfig ecg,
        @JsonProperty("text_cfg") TextConfig text,
        @JsonProperty("multimodal_cfg") MultimodalConfig multimodal,
        @JsonProperty("quick_gelu") Boolean quickGelu,
        @JsonProperty("custom_text") Boolean customText,
        @JsonProperty("init_logit_scale") Double initLogitScale,
        @JsonProperty("init_logit_bias") Double initLogitBias,
        @JsonProperty("pad_id") Integer padId) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public CocaConfig {
        embedDim = ConfigChecks.positive("embed_dim", embedDim, 512);
        Objects.requireNonNull(ecg, "ecg_cfg is required");
        Objects.requireNonNull(text, "text_cfg is required");
        Objects.requireNonNull(multimodal, "multimodal_cfg is required");
        quickGelu = quickGelu != null && quickGelu;
        initLogitScale = initLogitScale == null ? Math.log(1 / 0.07) : initLogitScale;
        ConfigChecks.unsupported("init_logit_bias", initLogitBias, null);
        padId = padId == null ? 0 : padId;
        if (text.width().intValue() != multimodal.width().intValue()) {
            throw new IllegalArgumentException("text_cfg.width " + text.width() + " must equal multimodal_cfg.width "
                    + multimodal.width() + ": the decoder reads the text tower's token states");
        }
        if (ecg.width().intValue() != multimodal.width().intValue()) {
            throw new IllegalArgumentException("ecg_cfg.width " + ecg.width() + " must equal multimodal_cfg.width "
                    + multimodal.width() + ": the decoder cross-attends to the ECG tokens");
        }
    }

    /**
     * ECG-Chat's published ECG-CoCa architecture ({@code coca_ViT-B-32.json}): ECG tower 12×768 with
     * patch 50 over 12×5000, MedCPT BERT text tower, 12-layer decoder of width 768 with 8 heads,
     * latent size 512.
     */
    public static CocaConfig ecgChat() {
        return parse("""
                {"embed_dim": 512,
                 "ecg_cfg": {"seq_length": 5000, "lead_num": 12, "layers": 12, "width": 768, "patch_size": 50,
                             "output_tokens": true},
                 "text_cfg": {"hf_model_name": "ncbi/MedCPT-Query-Encoder",
                              "hf_tokenizer_name": "ncbi/MedCPT-Query-Encoder", "hf_proj_type": "linear",
                              "width": 768, "output_tokens": true},
                 "multimodal_cfg": {"context_length": 76, "width": 768, "heads": 8, "layers": 12},
                 "custom_text": true}
                """);
    }

    /** Parses a configuration from JSON text. */
    public static CocaConfig parse(String json) {
        return parse(json, "configuration");
    }

    /** Reads a configuration file. */
    public static CocaConfig read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    private static CocaConfig parse(String json, String source) {
        return ConfigJson.parse(JSON, json, CocaConfig.class, source);
    }

    /** This configuration as JSON with the original field names. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + this, e);
        }
    }

    /** Writes {@link #toJson()} to {@code file} atomically (temporary file, then rename). */
    public void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, toJson(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The activation of every MLP: exact GELU, or QuickGELU when {@code quick_gelu} is set. */
    public org.ecgchat.nn.layers.Activation activation() {
        return quickGelu ? org.ecgchat.nn.layers.Activation.QUICK_GELU : org.ecgchat.nn.layers.Activation.GELU;
    }
}
