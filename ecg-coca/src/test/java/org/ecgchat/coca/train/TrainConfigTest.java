package org.ecgchat.coca.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.ecgchat.coca.CocaConfig;
import org.ecgchat.nn.layers.Parameter;
import org.ecgchat.coca.CocaModel;
import org.junit.jupiter.api.Test;

/** The training configuration: open_clip's names and defaults, ECG-Chat's recipe, refusal of bad fields. */
class TrainConfigTest {

    @Test
    void absentFieldsTakeOpenClipDefaults() {
        TrainConfig d = TrainConfig.defaults();
        assertThat(d.lr()).isEqualTo(5e-4);
        assertThat(d.wd()).isEqualTo(0.2);
        assertThat(d.beta1()).isEqualTo(0.9);
        assertThat(d.beta2()).isEqualTo(0.98);
        assertThat(d.eps()).isEqualTo(1e-6);
        assertThat(d.warmup()).isEqualTo(10000);
        assertThat(d.epochs()).isEqualTo(32);
        assertThat(d.batchSize()).isEqualTo(64);
        assertThat(d.accumFreq()).isEqualTo(1);
        assertThat(d.gradClipNorm()).isNull();
        assertThat(d.lrScheduler()).isEqualTo("cosine");
        assertThat(d.lockText()).isFalse();
        assertThat(d.lockTextFreezeLayerNorm()).isFalse();
        assertThat(d.cocaContrastiveLossWeight()).isEqualTo(1.0);
        assertThat(d.cocaCaptionLossWeight()).isEqualTo(2.0);
        assertThat(d.seed()).isZero();
        assertThat(d.wdExclude()).containsExactly("bn", "ln", "bias", "logit_scale");
    }

    @Test
    void ecgChatRecipe() {
        TrainConfig c = TrainConfig.ecgChat();
        assertThat(c.lr()).isEqualTo(1e-4);
        assertThat(c.wd()).isEqualTo(0.1);
        assertThat(c.gradClipNorm()).isEqualTo(0.5);
        assertThat(c.batchSize()).isEqualTo(96);
        assertThat(c.epochs()).isEqualTo(20);
        assertThat(c.lockText()).isTrue();
        List<String> frozen = CocaModel.parametersOf(CocaConfig.ecgChat()).stream().map(Parameter::name)
                .filter(c.frozen(CocaConfig.ecgChat())).toList();
        assertThat(frozen).isNotEmpty().allMatch(n -> n.startsWith("text.transformer.") && !n.contains("LayerNorm"));
    }

    @Test
    void jsonRoundTripKeepsEveryField() {
        TrainConfig c = TrainConfig.parse("""
                {"lr": 3e-4, "lr_scheduler": "const-cooldown", "epochs_cooldown": 2, "epochs": 5,
                 "lock_text": true, "lock_text_unlocked_layers": 2, "wd_exclude": ["bias"], "save_every_n_steps": 50}
                """);
        assertThat(TrainConfig.parse(c.toJson())).isEqualTo(c);
        assertThat(c.toJson()).contains("\"lock_text_unlocked_layers\" : 2", "\"batch_size\" : 64");
    }

    @Test
    void schedulesFollowTheStepsOfTheRun() {
        TrainConfig c = TrainConfig.parse("{\"lr\": 1e-3, \"warmup\": 3, \"epochs\": 2}");
        assertThat(c.schedule(5).lr(0)).isCloseTo(1e-3 / 3, within(1e-15));
        assertThat(c.schedule(5).lr(3)).isEqualTo(1e-3);
        assertThat(c.schedule(5).lr(10)).isZero();
        TrainConfig cool = TrainConfig.parse(
                "{\"lr\": 1e-3, \"warmup\": 0, \"epochs\": 4, \"lr_scheduler\": \"const-cooldown\", \"epochs_cooldown\": 1}");
        assertThat(cool.schedule(10).lr(29)).isEqualTo(1e-3);
        assertThat(cool.schedule(10).lr(35)).isCloseTo(0.5e-3, within(1e-15));
    }

    @Test
    void badFieldsAreNamed() {
        assertThatThrownBy(() -> TrainConfig.parse("{\"learning_rate\": 1}"))
                .hasMessageContaining("learning_rate");
        assertThatThrownBy(() -> TrainConfig.parse("{\"lr\": -1}")).hasMessageContaining("lr must be");
        assertThatThrownBy(() -> TrainConfig.parse("{\"beta2\": 1.0}")).hasMessageContaining("beta2");
        assertThatThrownBy(() -> TrainConfig.parse("{\"accum_freq\": 0}")).hasMessageContaining("accum_freq");
        assertThatThrownBy(() -> TrainConfig.parse("{\"grad_clip_norm\": 0}")).hasMessageContaining("grad_clip_norm");
        assertThatThrownBy(() -> TrainConfig.parse("{\"lr_scheduler\": \"step\"}")).hasMessageContaining("lr_scheduler");
        assertThatThrownBy(() -> TrainConfig.parse("{\"lr_scheduler\": \"const-cooldown\"}"))
                .hasMessageContaining("epochs_cooldown");
        assertThatThrownBy(() -> TrainConfig.parse("{\"wd_exclude\": [\"\"]}")).hasMessageContaining("empty");
        assertThatThrownBy(() -> TrainConfig.parse("{\"epochs\": \"many\"}", "run.json"))
                .hasMessageContaining("run.json").hasMessageContaining("line 1");
    }
}
