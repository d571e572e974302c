package org.ecgchat.eval.zeroshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgchat.eval.EvalInputException;
import org.ecgchat.eval.classification.ClassificationEvaluator;
import org.ecgchat.eval.classification.Metric;
import org.ecgchat.eval.classification.MultiLabelData;
import org.ecgchat.io.dataset.LabelSets;
import org.junit.jupiter.api.Test;

/** CKEPE prompt lookup on the shipped files and the zero-shot scoring rule. */
class ZeroShotClassifierTest {

    static Path metadata() {
        String shared = System.getProperty("ecgchat.shared");
        assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "ecgchat-metadata")),
                "../shared/ecgchat-metadata not available (system property ecgchat.shared); skipping");
        return Path.of(shared, "ecgchat-metadata");
    }

    @Test
    void keyRemovesUnderscoresAndLowerCaseSuffixOnly() {
        assertThat(CkepePrompts.key("NST_")).isEqualTo("NST");
        assertThat(CkepePrompts.key("_AVB")).isEqualTo("AVB");
        assertThat(CkepePrompts.key("PRC(S)")).isEqualTo("PRC(S)");
        assertThat(CkepePrompts.key("PVC(s)")).isEqualTo("PVC");
    }

    @Test
    void everyLabelOfEverySetHasAPrompt() throws Exception {
        Path dir = metadata();
        CkepePrompts prompts = CkepePrompts.load(dir.resolve("prompts/CKEPE_prompt.json"));
        LabelSets sets = LabelSets.read(dir.resolve("zero_shot_classes.json"));
        assertThat(sets.names()).containsExactly("ptbxl_super_class", "ptbxl_sub_class", "ptbxl_form",
                "ptbxl_rhythm", "cpsc2018");
        assertThat(sets.get("ptbxl_super_class").labels()).containsExactly("CD", "HYP", "MI", "NORM", "STTC");
        for (String set : sets.names()) {
            assertThat(prompts.promptsFor(sets.get(set).labels())).allSatisfy(p -> assertThat(p).isNotBlank());
        }
        assertThat(prompts.promptFor("NORM")).startsWith("normal ECG, normal electrocardiogram");
        assertThatThrownBy(() -> prompts.promptFor("XYZ_")).isInstanceOf(EvalInputException.class)
                .hasMessageContaining("no prompt for label 'XYZ_' (key 'XYZ')");
        assertThatThrownBy(() -> sets.get("mimic")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no label set 'mimic'");
    }

    @Test
    void scoresAreSigmoidOfScaledCosine() {
        double[][] ecg = {{3, 4}, {1, 0}};
        double[][] cls = {{1, 0}, {0, 2}};
        double scale = 1 / 0.07;
        double[][] s = ZeroShotClassifier.scores(ecg, cls, scale, true);
        // cos([3,4],[1,0]) = 0.6, cos([3,4],[0,1]) = 0.8
        assertThat(s[0][0]).isCloseTo(1 / (1 + Math.exp(-scale * 0.6)), within(1e-15));
        assertThat(s[0][1]).isCloseTo(1 / (1 + Math.exp(-scale * 0.8)), within(1e-15));
        assertThat(s[1][1]).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void runScoresPromptsAndBuildsTheTable() {
        CkepePrompts prompts = CkepePrompts.fromJson(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("AFIB", "atrial fibrillation").put("NST", "non-specific ST changes"), "inline");
        List<String> labels = List.of("AFIB", "NST_");
        List<String> seen = new java.util.ArrayList<>();
        TextEncoder encoder = texts -> {
            seen.addAll(texts);
            return new double[][] {{1, 0}, {0, 1}};
        };
        double[][] ecg = {{2, 0.1}, {0.1, 2}, {1, 1.2}};
        double[][] truth = {{1, 0}, {0, 1}, {0, 1}};
        ZeroShotResult r = ZeroShotClassifier.run(labels, prompts, encoder, ecg, truth, 10,
                ClassificationEvaluator.defaults());
        assertThat(seen).containsExactly("atrial fibrillation", "non-specific ST changes");
        assertThat(r.report().macro(Metric.AUROC).value().getAsDouble()).isEqualTo(1.0);
        assertThat(r.report()).isEqualTo(ClassificationEvaluator.defaults()
                .evaluate(MultiLabelData.fromRows(labels, r.scores(), truth)));
    }
}
