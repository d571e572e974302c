package org.ecgchat.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.ecgchat.eval.zeroshot.CkepePrompts;
import org.ecgchat.io.synth.Condition;
import org.ecgchat.io.synth.Diagnosis;
import org.junit.jupiter.api.Test;

class ConditionPromptsTest {

    static DemoRecord record(String id, Condition... conditions) {
        Diagnosis d = Diagnosis.of(conditions[0], Arrays.copyOfRange(conditions, 1, conditions.length));
        return new DemoRecord(id, Integer.parseInt(id), Path.of(id), "report " + id, d);
    }

    @Test
    void everyConditionIsAClassWithAPromptInTheReportsWords() {
        assertThat(ConditionPrompts.labels()).containsExactly("SR", "SBRAD", "STACH", "AFIB", "1AVB", "CLBBB", "CRBBB",
                "STE_", "STD_", "PVC", "LVOLT");
        CkepePrompts prompts = ConditionPrompts.prompts();
        List<String> texts = prompts.promptsFor(ConditionPrompts.labels());
        assertThat(texts).hasSize(11).doesNotHaveDuplicates();
        assertThat(prompts.promptFor("CLBBB")).isEqualTo("left bundle branch block.");
        assertThat(prompts.promptFor("SR")).isEqualTo("sinus rhythm.");
        assertThat(prompts.promptFor("STE_")).contains("st segments are elevated");
        assertThat(prompts.asMap()).hasSize(11);
    }

    @Test
    void truthMarksEachConditionOfEachRecord() {
        List<DemoRecord> records = List.of(record("1", Condition.ATRIAL_FIBRILLATION, Condition.LEFT_BUNDLE_BRANCH_BLOCK),
                record("2", Condition.NORMAL_SINUS_RHYTHM));
        double[][] truth = ConditionPrompts.truth(records);
        assertThat(truth[0]).containsExactly(0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0);
        assertThat(truth[1]).containsExactly(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void captionedRecordsCoverTheConditionsFirst() {
        List<DemoRecord> test = List.of(record("1", Condition.NORMAL_SINUS_RHYTHM),
                record("2", Condition.NORMAL_SINUS_RHYTHM, Condition.FIRST_DEGREE_AV_BLOCK),
                record("3", Condition.NORMAL_SINUS_RHYTHM),
                record("4", Condition.ATRIAL_FIBRILLATION),
                record("5", Condition.SINUS_BRADYCARDIA));
        // SR -> 0, SBRAD -> 4, AFIB -> 3, 1AVB -> 1; then the rest in order
        assertThat(Demo.captionedRecords(test, 3)).containsExactly(0, 4, 3);
        assertThat(Demo.captionedRecords(test, 5)).containsExactly(0, 4, 3, 1, 2);
        assertThat(Demo.captionedRecords(test, 9)).containsExactly(0, 4, 3, 1, 2);
        assertThat(Demo.captionedRecords(test, 0)).isEmpty();
    }
}
