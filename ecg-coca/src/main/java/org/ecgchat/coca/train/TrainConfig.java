package org.ecgchat.coca.train;

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
import java.util.List;
import java.util.function.Predicate;
import org.ecgchat.coca.CocaConfig;
import org.ecgchat.coca.CocaLoss;
import org.ecgchat.coca.ConfigJson;
import org.ecgchat.nn.train.AdamWSettings;
import org.ecgchat.nn.train.BertLock;
import org.ecgchat.nn.train.DecayRule;
import org.ecgchat.nn.train.LrSchedule;

/**
 * How to train ECG-CoCa, with open_clip's argument names ({@code --lr} is {@code "lr"},
 * {@code --lock-text-unlocked-layers} is {@code "lock_text_unlocked_layers"}) and open_clip's
 * defaults for a ViT model where a field is absent; {@link #ecgChat()} is the ECG-Chat paper's
 * recipe. Fields that open_clip does not have are marked below. Unknown fields are refused,
 * so a misspelt option cannot be silently ignored.
 *
 * @param lr base learning rate (5e-4)
 * @param wd AdamW weight decay (0.2)
 * @param beta1 AdamW β1 (0.9)
 * @param beta2 AdamW β2 (0.98)
 * @param eps AdamW epsilon (1e-6)
 * @param warmup linear warmup steps (10000)
 * @param epochs passes over the data (32)
 * @param batchSize pairs per batch (64); with {@code accum_freq} k a step sees k batches
 * @param accumFreq batches accumulated into one optimiser step (1)
 * @param gradClipNorm global L2 norm the gradients are clipped to (none)
 * @param lrScheduler {@code cosine} (default), {@code const} or {@code const-cooldown}
 * @param epochsCooldown epochs of cooldown at the end of {@code const-cooldown}
 * @param lrCooldownPower power of the cooldown's polynomial decay (1.0)
 * @param lrCooldownEnd learning rate at the end of the cooldown (0.0)
 * @param lockText freeze the BERT text tower (false)
 * @param lockTextUnlockedLayers leave the last N BERT modules trainable (0)
 * @param lockTextFreezeLayerNorm freeze the locked modules' LayerNorms too (false)
 * @param cocaContrastiveLossWeight weight of the contrastive loss (1.0)
 * @param cocaCaptionLossWeight weight of the caption loss (2.0)
 * @param seed seed of data order and augmentation (0)
 * @param logEveryNSteps a progress log line every N steps (100)
 * @param saveFrequency a checkpoint every N epochs, 0 for none (1)
 * @param saveEveryNSteps not in open_clip: also a checkpoint every N steps (none)
 * @param keepCheckpoints not in open_clip: how many checkpoints to keep, the newest (3)
 * @param wdExclude not in open_clip: name substrings excluded from weight decay
 *                  (open_clip's {@code ["bn", "ln", "bias", "logit_scale"]})
 * @param wdMinDims not in open_clip: parameters with fewer dimensions are not decayed (2)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainConfig(
        @JsonProperty("lr") Double lr,
        @JsonProperty("wd") Double wd,
        @JsonProperty("beta1") Double beta1,
        @JsonProperty("beta2") Double beta2,
        @JsonProperty("eps") Double eps,
        @JsonProperty("warmup") Integer warmup,
        @JsonProperty("epochs") Integer epochs,
        @JsonProperty("batch_size") Integer batchSize,
        @JsonProperty("accum_freq") Integer accumFreq,
        @JsonProperty("grad_clip_norm") Double gradClipNorm,
        @JsonProperty("lr_scheduler") String lrScheduler,
        @JsonProperty("epochs_cooldown") Integer epochsCooldown,
        @JsonProperty("lr_cooldown_power") Double lrCooldownPower,
        @JsonProperty("lr_cooldown_end") Double lrCooldownEnd,
        @JsonProperty("lock_text") Boolean lockText,
        @JsonProperty("lock_text_unlocked_layers") Integer lockTextUnlockedLayers,
        @JsonProperty("lock_text_freeze_layer_norm") Boolean lockTextFreezeLayerNorm,
        @JsonProperty("coca_contrastive_loss_weight") Double cocaContrastiveLossWeight,
        @JsonProperty("coca_caption_loss_weight") Double cocaCaptionLossWeight,
        @JsonProperty("seed") Long seed,
        @JsonProperty("log_every_n_steps") Integer logEveryNSteps,
        @JsonProperty("save_frequency") Integer saveFrequency,
        @JsonProperty("save_every_n_steps") Integer saveEveryNSteps,
        @JsonProperty("keep_checkpoints") Integer keepCheckpoints,
        @JsonProperty("wd_exclude") List<String> wdExclude,
        @JsonProperty("wd_min_dims") Integer wdMinDims) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public TrainConfig {
        lr = nonNegative("lr", lr, 5e-4);
        wd = nonNegative("wd", wd, 0.2);
        beta1 = fraction("beta1", beta1, 0.9);
        beta2 = fraction("beta2", beta2, 0.98);
        eps = orDefault(eps, 1e-6);
        if (!(eps > 0) || eps.isInfinite()) {
            throw new IllegalArgumentException("eps must be positive, was " + eps);
        }
        warmup = atLeast("warmup", warmup, 10000, 0);
        epochs = atLeast("epochs", epochs, 32, 1);
        batchSize = atLeast("batch_size", batchSize, 64, 1);
        accumFreq = atLeast("accum_freq", accumFreq, 1, 1);
        if (gradClipNorm != null && (!(gradClipNorm > 0) || gradClipNorm.isInfinite())) {
            throw new IllegalArgumentException("grad_clip_norm must be positive (omit it for no clipping), was " + gradClipNorm);
        }
        lrScheduler = orDefault(lrScheduler, "cosine");
        if (!List.of("cosine", "const", "const-cooldown").contains(lrScheduler)) {
            throw new IllegalArgumentException("lr_scheduler must be cosine, const or const-cooldown, was " + lrScheduler);
        }
        if (lrScheduler.equals("const-cooldown")) {
            if (epochsCooldown == null) {
                throw new IllegalArgumentException("lr_scheduler const-cooldown needs epochs_cooldown");
            }
            atLeast("epochs_cooldown", epochsCooldown, 0, 1);
            if (epochsCooldown > epochs) {
                throw new IllegalArgumentException("epochs_cooldown " + epochsCooldown + " exceeds epochs " + epochs);
            }
        }
        lrCooldownPower = orDefault(lrCooldownPower, 1.0);
        if (!(lrCooldownPower > 0) || lrCooldownPower.isInfinite()) {
            throw new IllegalArgumentException("lr_cooldown_power must be positive, was " + lrCooldownPower);
        }
        lrCooldownEnd = nonNegative("lr_cooldown_end", lrCooldownEnd, 0.0);
        lockText = orDefault(lockText, false);
        lockTextUnlockedLayers = atLeast("lock_text_unlocked_layers", lockTextUnlockedLayers, 0, 0);
        lockTextFreezeLayerNorm = orDefault(lockTextFreezeLayerNorm, false);
        cocaContrastiveLossWeight = nonNegative("coca_contrastive_loss_weight", cocaContrastiveLossWeight, 1.0);
        cocaCaptionLossWeight = nonNegative("coca_caption_loss_weight", cocaCaptionLossWeight, 2.0);
        seed = orDefault(seed, 0L);
        logEveryNSteps = atLeast("log_every_n_steps", logEveryNSteps, 100, 1);
        saveFrequency = atLeast("save_frequency", saveFrequency, 1, 0);
        if (saveEveryNSteps != null) {
            atLeast("save_every_n_steps", saveEveryNSteps, 0, 1);
        }
        keepCheckpoints = atLeast("keep_checkpoints", keepCheckpoints, 3, 1);
        wdExclude = wdExclude == null ? DecayRule.OPEN_CLIP.excludedSubstrings() : List.copyOf(wdExclude);
        wdMinDims = atLeast("wd_min_dims", wdMinDims, DecayRule.OPEN_CLIP.minDims(), 0);
        new DecayRule(wdMinDims, wdExclude);
    }

    /** open_clip's defaults (every field absent). */
    public static TrainConfig defaults() {
        return parse("{}");
    }

    /**
     * The ECG-Chat paper's recipe: AdamW lr 1e-4, weight decay 0.1, 10k warmup steps then cosine,
     * gradients clipped to norm 0.5, batches of 96 per GPU (the paper used 8 GPUs), 20 epochs, text
     * tower locked; open_clip's defaults otherwise.
     */
    public static TrainConfig ecgChat() {
        return parse("""
                {"lr": 1e-4, "wd": 0.1, "warmup": 10000, "epochs": 20, "batch_size": 96,
                 "grad_clip_norm": 0.5, "lock_text": true}
                """);
    }

    /** Parses a configuration from JSON text. */
    public static TrainConfig parse(String json) {
        return parse(json, "training configuration");
    }

    /** Reads a configuration file. */
    public static TrainConfig read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses a configuration from JSON text.
     *
     * @param source names the text in error messages (e.g. the file)
     */
    public static TrainConfig parse(String json, String source) {
        return ConfigJson.parse(JSON, json, TrainConfig.class, source);
    }

    /** This configuration as JSON, every field written (defaults filled in). */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + this, e);
        }
    }

    /** AdamW's hyperparameters. */
    public AdamWSettings adamW() {
        return new AdamWSettings(beta1, beta2, eps, wd);
    }

    /** Which parameters weight decay applies to. */
    public DecayRule decayRule() {
        return new DecayRule(wdMinDims, wdExclude);
    }

    /** The loss weights. */
    public CocaLoss loss() {
        return new CocaLoss(cocaContrastiveLossWeight, cocaCaptionLossWeight);
    }

    /** The names of the parameters of {@code architecture} that are not trained. */
    public Predicate<String> frozen(CocaConfig architecture) {
        if (!lockText) {
            return name -> false;
        }
        return new BertLock("text.transformer", architecture.text().layers(), lockTextUnlockedLayers,
                lockTextFreezeLayerNorm);
    }

    /** The learning rate of every step of a run of {@code stepsPerEpoch × epochs} steps. */
    public LrSchedule schedule(long stepsPerEpoch) {
        long steps = Math.multiplyExact(stepsPerEpoch, (long) epochs);
        return switch (lrScheduler) {
            case "const" -> LrSchedule.constant(lr, warmup);
            case "const-cooldown" -> LrSchedule.constantWithCooldown(lr, warmup, steps,
                    stepsPerEpoch * epochsCooldown, lrCooldownPower, lrCooldownEnd);
            default -> LrSchedule.cosine(lr, warmup, steps);
        };
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static Double nonNegative(String field, Double value, double fallback) {
        double v = value == null ? fallback : value;
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(field + " must be a non-negative number, was " + value);
        }
        return v;
    }

    private static Double fraction(String field, Double value, double fallback) {
        double v = value == null ? fallback : value;
        if (!(v >= 0 && v < 1)) {
            throw new IllegalArgumentException(field + " must be in [0, 1), was " + value);
        }
        return v;
    }

    private static Integer atLeast(String field, Integer value, int fallback, int minimum) {
        int v = value == null ? fallback : value;
        if (v < minimum) {
            throw new IllegalArgumentException(field + " must be at least " + minimum + ", was " + value);
        }
        return v;
    }
}
