package org.ecgchat.coca;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The multimodal decoder section ({@code multimodal_cfg}, open_clip {@code MultimodalCfg}):
 * {@code layers} pairs of a causal self-attention block and a cross-attention block over the ECG
 * tokens, at {@code width} with {@code heads} heads; at most {@code context_length} text tokens.
 * The fields {@code MultimodalCfg} inherits from {@code CLIPTextCfg} but the decoder never reads
 * are accepted and ignored, as open_clip does.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties({"dim_head", "n_queries", "attn_pooler_heads", "vocab_size", "hf_tokenizer_name",
    "tokenizer_kwargs", "embed_cls", "pad_id", "no_causal_mask", "final_ln_after_pool", "pool_type", "proj_bias",
    "output_tokens", "hf_model_name", "hf_model_pretrained", "hf_proj_type", "hf_pooler_type"})
public record MultimodalConfig(
        @JsonProperty("context_length") Integer contextLength,
        @JsonProperty("width") Integer width,
        @JsonProperty("heads") Integer heads,
        @JsonProperty("layers") Integer layers,
        @JsonProperty("mlp_ratio") Double mlpRatio,
        @JsonProperty("ls_init_value") Double lsInitValue,
        @JsonProperty("act_kwargs") Object actKwargs,
        @JsonProperty("norm_kwargs") Object normKwargs) {

    public MultimodalConfig {
        contextLength = ConfigChecks.positive("multimodal_cfg.context_length", contextLength, 77);
        width = ConfigChecks.positive("multimodal_cfg.width", width, 512);
        heads = ConfigChecks.positive("multimodal_cfg.heads", heads, 8);
        layers = ConfigChecks.positive("multimodal_cfg.layers", layers, 12);
        mlpRatio = ConfigChecks.positive("multimodal_cfg.mlp_ratio", mlpRatio, 4.0);
        ConfigChecks.unsupported("multimodal_cfg.ls_init_value", lsInitValue, null);
        ConfigChecks.unsupported("multimodal_cfg.act_kwargs", actKwargs, null);
        ConfigChecks.unsupported("multimodal_cfg.norm_kwargs", normKwargs, null);
        if (width % heads != 0) {
            throw new IllegalArgumentException("multimodal_cfg.width " + width + " is not divisible into " + heads
                    + " heads");
        }
    }
}
