package org.ecgchat.coca;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The text tower section ({@code text_cfg}): a BERT encoder (Hugging Face naming) pooled and
 * projected by open_clip's {@code HFTextEncoder}. Fields absent from the JSON take the values of
 * the original ECG-Chat tower, {@code ncbi/MedCPT-Query-Encoder} (BERT-base: vocabulary 30522,
 * width 768, 12 layers of 12 heads, intermediate 3072, 512 positions, LayerNorm eps 1e-12).
 *
 * <p>{@code vocab_size} plays two roles, as in open_clip: it sizes the BERT word embeddings and the
 * multimodal decoder's output. When it is absent open_clip takes the BERT vocabulary from the
 * Hugging Face model (30522) but sizes the decoder with {@code CLIPTextCfg}'s default 49408; both
 * are reproduced here ({@link #bertVocabSize()}, {@link #decoderVocabSize()}).
 *
 * <p>{@code hf_pooler_type}: {@code cls_pooler} (default here; the decoder then sees tokens 1..L−1)
 * or {@code mean_pooler} (open_clip's own default; mean over non-padding tokens, the decoder sees
 * every token).
 *
 * <p>{@code causal} (not an open_clip field; default false, as ECG-Chat's BERT): BERT's attention
 * restricted to earlier positions, as open_clip's own text transformer has it. With the
 * bidirectional BERT of the original, the decoder's input at each position has already seen the
 * token it is trained to predict, so the caption loss can be met by copying and captions generated
 * from a prefix are poor; a causal tower removes that. It needs {@code mean_pooler} (a causal CLS
 * state sees only itself).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties({"hf_tokenizer_name", "tokenizer_kwargs", "hf_model_pretrained", "output_tokens", "mlp_ratio",
    "embed_cls", "no_causal_mask", "pool_type", "final_ln_after_pool", "ls_init_value", "act_kwargs", "norm_kwargs"})
public record TextConfig(
        @JsonProperty("hf_model_name") String hfModelName,
        @JsonProperty("hf_proj_type") String hfProjType,
        @JsonProperty("hf_pooler_type") String hfPoolerType,
        @JsonProperty("vocab_size") Integer vocabSize,
        @JsonProperty("width") Integer width,
        @JsonProperty("layers") Integer layers,
        @JsonProperty("heads") Integer heads,
        @JsonProperty("intermediate") Integer intermediate,
        @JsonProperty("max_position") Integer maxPosition,
        @JsonProperty("type_vocab_size") Integer typeVocabSize,
        @JsonProperty("layer_norm_eps") Double layerNormEps,
        @JsonProperty("pad_id") Integer padId,
        @JsonProperty("context_length") Integer contextLength,
        @JsonProperty("proj_bias") Boolean projBias,
        @JsonProperty("causal") Boolean causal) {

    /** BERT-base vocabulary of MedCPT-Query-Encoder. */
    public static final int BERT_VOCAB = 30522;
    /** open_clip {@code CLIPTextCfg.vocab_size} default, the decoder output size when none is configured. */
    public static final int OPEN_CLIP_VOCAB = 49408;

    public TextConfig {
        hfProjType = hfProjType == null ? "linear" : hfProjType;
        ConfigChecks.unsupported("text_cfg.hf_proj_type", hfProjType, "linear");
        hfPoolerType = hfPoolerType == null ? "cls_pooler" : hfPoolerType;
        if (!hfPoolerType.equals("cls_pooler") && !hfPoolerType.equals("mean_pooler")) {
            throw new IllegalArgumentException("text_cfg.hf_pooler_type = " + hfPoolerType
                    + " is not supported (cls_pooler or mean_pooler)");
        }
        if (vocabSize != null) {
            ConfigChecks.positive("text_cfg.vocab_size", vocabSize, 1);
        }
        width = ConfigChecks.positive("text_cfg.width", width, 768);
        layers = ConfigChecks.positive("text_cfg.layers", layers, 12);
        heads = ConfigChecks.positive("text_cfg.heads", heads, 12);
        intermediate = ConfigChecks.positive("text_cfg.intermediate", intermediate, 3072);
        maxPosition = ConfigChecks.positive("text_cfg.max_position", maxPosition, 512);
        typeVocabSize = ConfigChecks.positive("text_cfg.type_vocab_size", typeVocabSize, 2);
        layerNormEps = ConfigChecks.positive("text_cfg.layer_norm_eps", layerNormEps, 1e-12);
        padId = padId == null ? 0 : padId;
        contextLength = ConfigChecks.positive("text_cfg.context_length", contextLength, 77);
        ConfigChecks.unsupported("text_cfg.proj_bias", projBias, false);
        if (Boolean.TRUE.equals(causal) && hfPoolerType.equals("cls_pooler")) {
            throw new IllegalArgumentException("text_cfg.causal needs hf_pooler_type mean_pooler: a causal CLS state"
                    + " sees only itself");
        }
        if (width % heads != 0) {
            throw new IllegalArgumentException("text_cfg.width " + width + " is not divisible into " + heads + " heads");
        }
    }

    /** Rows of the BERT word-embedding table. */
    public int bertVocabSize() {
        return vocabSize != null ? vocabSize : BERT_VOCAB;
    }

    /** Output size of the multimodal decoder (open_clip sizes it from {@code text_cfg.vocab_size}). */
    public int decoderVocabSize() {
        return vocabSize != null ? vocabSize : OPEN_CLIP_VOCAB;
    }

    /** Whether each text position attends only to itself and earlier positions. */
    public boolean isCausal() {
        return Boolean.TRUE.equals(causal);
    }

    /** Whether the text latent is the CLS state (else the mean over non-padding tokens). */
    public boolean clsPooling() {
        return hfPoolerType.equals("cls_pooler");
    }
}
