package org.ecgchat.coca;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The ECG tower section ({@code ecg_cfg}) of an open_clip CoCa configuration, with open_clip's
 * field names and defaults ({@code CLIPEcgCfg}). Options of open_clip that change the
 * architecture away from the ECG-Chat tower (attentional pooling, layer scale, other pooling or
 * position embeddings) are refused by name rather than ignored.
 *
 * @param patchDropout fraction of patches dropped in training; no effect on inference
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties({"output_tokens", "attn_pooler_queries", "attn_pooler_heads"})
public record EcgConfig(
        @JsonProperty("seq_length") Integer seqLength,
        @JsonProperty("lead_num") Integer leadNum,
        @JsonProperty("layers") Integer layers,
        @JsonProperty("width") Integer width,
        @JsonProperty("head_width") Integer headWidth,
        @JsonProperty("mlp_ratio") Double mlpRatio,
        @JsonProperty("patch_size") Integer patchSize,
        @JsonProperty("patch_dropout") Double patchDropout,
        @JsonProperty("ls_init_value") Double lsInitValue,
        @JsonProperty("attentional_pool") Boolean attentionalPool,
        @JsonProperty("no_ln_pre") Boolean noLnPre,
        @JsonProperty("pos_embed_type") String posEmbedType,
        @JsonProperty("final_ln_after_pool") Boolean finalLnAfterPool,
        @JsonProperty("pool_type") String poolType,
        @JsonProperty("act_kwargs") Object actKwargs,
        @JsonProperty("norm_kwargs") Object normKwargs) {

    public EcgConfig {
        seqLength = ConfigChecks.positive("ecg_cfg.seq_length", seqLength, 5000);
        leadNum = ConfigChecks.positive("ecg_cfg.lead_num", leadNum, 12);
        layers = ConfigChecks.positive("ecg_cfg.layers", layers, 12);
        width = ConfigChecks.positive("ecg_cfg.width", width, 768);
        headWidth = ConfigChecks.positive("ecg_cfg.head_width", headWidth, 64);
        mlpRatio = ConfigChecks.positive("ecg_cfg.mlp_ratio", mlpRatio, 4.0);
        patchSize = ConfigChecks.positive("ecg_cfg.patch_size", patchSize, 50);
        patchDropout = patchDropout == null ? 0.0 : patchDropout;
        ConfigChecks.unsupported("ecg_cfg.ls_init_value", lsInitValue, null);
        ConfigChecks.unsupported("ecg_cfg.attentional_pool", attentionalPool, false);
        ConfigChecks.unsupported("ecg_cfg.no_ln_pre", noLnPre, false);
        ConfigChecks.unsupported("ecg_cfg.pos_embed_type", posEmbedType, "learnable");
        ConfigChecks.unsupported("ecg_cfg.final_ln_after_pool", finalLnAfterPool, false);
        ConfigChecks.unsupported("ecg_cfg.pool_type", poolType, "tok");
        ConfigChecks.unsupported("ecg_cfg.act_kwargs", actKwargs, null);
        ConfigChecks.unsupported("ecg_cfg.norm_kwargs", normKwargs, null);
        if (width % headWidth != 0) {
            throw new IllegalArgumentException("ecg_cfg.width " + width + " is not a multiple of head_width " + headWidth);
        }
        if (seqLength % patchSize != 0) {
            throw new IllegalArgumentException("ecg_cfg.seq_length " + seqLength + " is not a multiple of patch_size "
                    + patchSize);
        }
    }

    /** Attention heads: {@code width / head_width}. */
    public int heads() {
        return width / headWidth;
    }

    /** Patch tokens: {@code seq_length / patch_size}. */
    public int patches() {
        return seqLength / patchSize;
    }
}
