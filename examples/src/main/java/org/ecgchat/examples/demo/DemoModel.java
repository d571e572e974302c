package org.ecgchat.examples.demo;

import java.util.Locale;
import org.ecgchat.coca.CocaConfig;
import org.ecgchat.coca.train.TrainConfig;

/**
 * The small ECG-CoCa the demo trains from scratch on two CPU cores, and how it is trained. The
 * architecture is ECG-Chat's (1-D ViT over 12 × 5000 samples in 50 patches of 0.2 s, BERT text
 * tower, multimodal decoder) at a fraction of the size: width 128, one text and one decoder layer
 * (reports in one template language are learned fast; the ECG tower is where the work is). The
 * text tower's vocabulary is the one learned from the training reports, and it is trained with the
 * rest (there is no pretrained BERT to lock). The text tower is causal ({@code text_cfg.causal}):
 * with ECG-Chat's bidirectional BERT the caption loss is met by copying the next token, and the
 * decoder learned nothing to caption with (every held-out record got the same caption); causal
 * text states are mean-pooled.
 */
public final class DemoModel {

    /** Width of every tower and of the decoder. */
    static final int WIDTH = 128;
    /** Tokens per report; the longest synthetic report has about 30. */
    static final int CONTEXT_LENGTH = 48;

    private DemoModel() {}

    /** The architecture for a text vocabulary of {@code vocabularySize} tokens. */
    public static CocaConfig config(int vocabularySize, int ecgLayers) {
        return CocaConfig.parse(String.format(Locale.ROOT, """
                {"embed_dim": %1$d,
                 "ecg_cfg": {"seq_length": 5000, "lead_num": 12, "layers": %4$d, "width": %1$d, "head_width": 32,
                             "patch_size": 100},
                 "text_cfg": {"hf_pooler_type": "mean_pooler", "vocab_size": %2$d, "width": %1$d, "layers": 1,
                              "heads": 4, "intermediate": %3$d, "max_position": %5$d, "context_length": %5$d,
                              "causal": true},
                 "multimodal_cfg": {"context_length": %5$d, "width": %1$d, "heads": 4, "layers": 1},
                 "custom_text": true}
                """, WIDTH, vocabularySize, 2 * WIDTH, ecgLayers, CONTEXT_LENGTH));
    }

    /**
     * open_clip-style training settings: AdamW, linear warmup over the first 5% of the steps
     * then cosine decay, gradients clipped to norm 1, no checkpoints until the end.
     */
    public static TrainConfig training(double lr, int epochs, int batchSize, int stepsPerEpoch, long seed) {
        int warmup = Math.max(1, epochs * stepsPerEpoch / 20);
        return TrainConfig.parse(String.format(Locale.ROOT, """
                {"lr": %s, "wd": 0.1, "warmup": %d, "epochs": %d, "batch_size": %d, "grad_clip_norm": 1.0,
                 "lock_text": false, "seed": %d, "log_every_n_steps": 25, "save_frequency": 0, "keep_checkpoints": 1}
                """, Double.toString(lr), warmup, epochs, batchSize, seed), "demo training configuration");
    }
}
