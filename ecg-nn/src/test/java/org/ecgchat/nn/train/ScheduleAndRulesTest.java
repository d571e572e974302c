package org.ecgchat.nn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;
import org.ecgchat.nn.layers.BertModel;
import org.ecgchat.nn.layers.Activation;
import org.ecgchat.nn.layers.Parameter;
import org.junit.jupiter.api.Test;

/**
 * open_clip's learning-rate schedules (values computed with the formulas of open_clip's
 * {@code training/scheduler.py} in Python), its weight-decay exclusion rule and its text-tower lock.
 */
class ScheduleAndRulesTest {

    @Test
    void cosineScheduleMatchesOpenClip() {
        double[] expected = {0.0003333333333333333, 0.0006666666666666666, 0.001, 0.001, 0.0009504844339512095,
            0.0008117449009293667, 0.0006112604669781573, 0.00038873953302184284, 0.0001882550990706333,
            4.9515566048790485e-05};
        LrSchedule s = LrSchedule.cosine(1e-3, 3, 10);
        for (int i = 0; i < expected.length; i++) {
            assertThat(s.lr(i)).as("step %d", i).isCloseTo(expected[i], within(1e-15));
        }
        assertThat(s.lr(10)).isZero();
    }

    @Test
    void constantWithCooldownMatchesOpenClip() {
        double[] expected = {0.0005, 0.001, 0.001, 0.001, 0.001, 0.001, 0.001, 0.000566875, 0.0002575, 7.1875e-05};
        LrSchedule s = LrSchedule.constantWithCooldown(1e-3, 2, 10, 4, 2.0, 1e-5);
        for (int i = 0; i < expected.length; i++) {
            assertThat(s.lr(i)).as("step %d", i).isCloseTo(expected[i], within(1e-15));
        }
        assertThat(LrSchedule.constant(1e-3, 4).lr(1)).isCloseTo(5e-4, within(1e-18));
        assertThat(LrSchedule.constant(1e-3, 0).lr(0)).isEqualTo(1e-3);
        assertThatThrownBy(() -> LrSchedule.cosine(1e-3, -1, 10)).hasMessageContaining("warmup");
        assertThatThrownBy(() -> LrSchedule.constantWithCooldown(1e-3, 0, 10, 11, 1, 0)).hasMessageContaining("cooldown");
    }

    @Test
    void openClipDecayRuleExcludesVectorsNormsBiasesAndLogitScale() {
        DecayRule rule = DecayRule.OPEN_CLIP;
        assertThat(rule.decays(Parameter.of("ecg.transformer.resblocks.0.attn.in_proj_weight", 192, 64))).isTrue();
        assertThat(rule.decays(Parameter.of("ecg.positional_embedding", 11, 64))).isTrue();
        assertThat(rule.decays(Parameter.of("ecg.class_embedding", 64))).isFalse();
        assertThat(rule.decays(Parameter.of("ecg.ln_post.weight", 64))).isFalse();
        assertThat(rule.decays(Parameter.of("text.transformer.encoder.layer.0.output.LayerNorm.weight", 64))).isFalse();
        assertThat(rule.decays(Parameter.of("logit_scale"))).isFalse();
        // open_clip matches substrings: a matrix named like a norm is excluded too
        assertThat(rule.decays(Parameter.of("ecg.ln_custom.weight", 4, 4))).isFalse();
        DecayRule everything = new DecayRule(0, List.of());
        assertThat(everything.decays(Parameter.of("logit_scale"))).isTrue();
        assertThatThrownBy(() -> new DecayRule(2, List.of(""))).hasMessageContaining("empty");
    }

    private static List<String> bertNames(int layers) {
        return new BertModel("text.transformer", 10, 8, 2, 4, layers, 2, 8, 1e-12, Activation.GELU).parameters()
                .stream().map(Parameter::name).toList();
    }

    @Test
    void fullTextLockFreezesEveryBertTensorButKeepsLayerNormsByDefault() {
        List<String> names = bertNames(2);
        BertLock lock = new BertLock("text.transformer", 2, 0, false);
        List<String> trainable = names.stream().filter(lock.negate()).toList();
        assertThat(trainable).allMatch(n -> n.contains(".LayerNorm."));
        assertThat(trainable).hasSize(2 * (1 + 2 * 2));
        assertThat(lock.test("text.proj.weight")).isFalse();
        assertThat(lock.test("text_decoder.resblocks.0.ln_1.weight")).isFalse();
        BertLock all = new BertLock("text.transformer", 2, 0, true);
        assertThat(names).allMatch(all);
    }

    @Test
    void partialTextLockUnlocksTheLastLayers() {
        List<String> names = bertNames(3);
        BertLock lock = new BertLock("text.transformer", 3, 1, true);
        assertThat(names.stream().filter(lock.negate()))
                .allMatch(n -> n.startsWith("text.transformer.encoder.layer.2."))
                .hasSize(16);
        BertLock two = new BertLock("text.transformer", 3, 2, true);
        assertThat(names.stream().filter(two)).noneMatch(n -> n.contains("layer.1.") || n.contains("layer.2."));
        assertThat(two.test("text.transformer.embeddings.word_embeddings.weight")).isTrue();
        // unlocking more modules than exist (embeddings + 3 layers) leaves everything trainable, as Python's [:-n]
        assertThat(names.stream().filter(new BertLock("text.transformer", 3, 4, true))).isEmpty();
        assertThat(IntStream.range(0, 3).mapToObj(i -> "text.transformer.encoder.layer." + i + ".output.LayerNorm.bias")
                .filter(new BertLock("text.transformer", 3, 1, false))).isEmpty();
    }
}
