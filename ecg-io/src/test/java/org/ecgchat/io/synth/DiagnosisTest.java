package org.ecgchat.io.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosisTest {

    @Test
    void scpCodesFollowPtbXlOrderAndLikelihoods() {
        // PTB-XL record 1: {'NORM': 100.0, 'LVOLT': 0.0, 'SR': 0.0}
        assertThat(Diagnosis.parse("LVOLT").scpCodes()).containsExactly(
                java.util.Map.entry("NORM", 100.0), java.util.Map.entry("LVOLT", 0.0), java.util.Map.entry("SR", 0.0));
        assertThat(Diagnosis.parse("AFIB,PVC,STD").scpCodes().keySet())
                .containsExactly("NST_", "PVC", "STD_", "AFIB");
        assertThat(Diagnosis.parse("1AVB,CRBBB").scpCodes().keySet()).containsExactly("1AVB", "CRBBB", "SR");
        assertThat(Diagnosis.of(Condition.SINUS_TACHYCARDIA).scpCodes().keySet()).containsExactly("NORM", "STACH");
    }

    @Test
    void normalMeansSinusRhythmAtAnyRateAndNothingElseButLowVoltage() {
        assertThat(Diagnosis.parse("SBRAD").isNormal()).isTrue();
        assertThat(Diagnosis.parse("SR,LVOLT").isNormal()).isTrue();
        assertThat(Diagnosis.parse("AFIB").isNormal()).isFalse();
        assertThat(Diagnosis.parse("SR,PVC").isNormal()).isFalse();
    }

    @Test
    void parseAcceptsScpCodesAliasesAndEnumNamesAndDefaultsToSinusRhythm() {
        assertThat(Diagnosis.parse("lbbb").conditions())
                .containsExactlyInAnyOrder(Condition.LEFT_BUNDLE_BRANCH_BLOCK, Condition.NORMAL_SINUS_RHYTHM);
        assertThat(Diagnosis.parse("atrial-fibrillation+STE_").conditions())
                .containsExactlyInAnyOrder(Condition.ATRIAL_FIBRILLATION, Condition.ST_ELEVATION);
        assertThat(Diagnosis.parse("SBRAD,1AVB").toString()).isEqualTo("SBRAD+1AVB");
    }

    @Test
    void refusesContradictoryCombinationsWithAReason() {
        assertThatThrownBy(() -> Diagnosis.parse("AFIB,1AVB")).hasMessageContaining("P waves");
        assertThatThrownBy(() -> Diagnosis.parse("LBBB,STE")).hasMessageContaining("left bundle branch block");
        assertThatThrownBy(() -> Diagnosis.parse("SR,AFIB")).hasMessageContaining("RHYTHM");
        assertThatThrownBy(() -> Diagnosis.parse("LBBB,RBBB")).hasMessageContaining("VENTRICULAR_CONDUCTION");
        assertThatThrownBy(() -> new Diagnosis(EnumSet.of(Condition.PREMATURE_VENTRICULAR_COMPLEXES)))
                .hasMessageContaining("exactly one rhythm");
        assertThatThrownBy(() -> Condition.parse("WPW")).hasMessageContaining("unknown condition 'WPW'")
                .hasMessageContaining("AFIB");
    }

    @Test
    void withReplacesTheConditionOfTheSameGroup() {
        Diagnosis d = Diagnosis.parse("SR,STE").with(Condition.ST_DEPRESSION).with(Condition.SINUS_BRADYCARDIA);
        assertThat(d.conditions()).containsExactlyInAnyOrder(Condition.SINUS_BRADYCARDIA, Condition.ST_DEPRESSION);
    }

    @Test
    void leadListsAreWrittenAsReportsWriteThem() {
        List<Integer> leads = List.of(LeadField.I, LeadField.II, LeadField.AVF, LeadField.V4, LeadField.V5, LeadField.V6);
        assertThat(ReportWriter.leadList(leads, false)).isEqualTo("i, ii, avf, v4-6");
        assertThat(ReportWriter.leadList(leads, true)).isEqualTo("I, II, aVF, V4-V6");
        assertThat(ReportWriter.leadList(List.of(LeadField.V1, LeadField.V2, LeadField.V5), false)).isEqualTo("v1,2, v5");
    }
}
