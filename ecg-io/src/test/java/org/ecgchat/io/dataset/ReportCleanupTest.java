package org.ecgchat.io.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The original's report clean-up, quirks included. */
class ReportCleanupTest {

    @Test
    void ptbXlReplacementsInTheOriginalsOrder() {
        assertThat(ReportCleanup.ptbXl("sinus rhythm normal ekg 4.46 unconfirmed report")).isEqualTo("sinus rhythm normal ecg ");
        assertThat(ReportCleanup.ptbXl("normales ekg")).isEqualTo("ecg");
        assertThat(ReportCleanup.ptbXl("old infarct age undetermined")).isEqualTo("old infarct");
    }

    @Test
    void mimicJoinsDropsAndExpandsAsTheOriginal() {
        assertThat(ReportCleanup.mimic(Arrays.asList("Sinus rhythm", null, "", "LBBB", "PAC(s)", "pacs --- ***"),
                ReportCleanup.Style.ORIGINAL))
                .isEqualTo("sinus rhythm light bundle branch block atrial premature complex atrial premature complex  ");
        assertThat(ReportCleanup.mimic(Arrays.asList("LBBB", "Premature atrial complexes"), ReportCleanup.Style.CORRECTED))
                .isEqualTo("left bundle branch block premature atrial complexes");
        assertThat(ReportCleanup.mimic(Arrays.asList("Lead(s) unsuitable for analysis: V1"), ReportCleanup.Style.ORIGINAL))
                .isEmpty();
    }
}
