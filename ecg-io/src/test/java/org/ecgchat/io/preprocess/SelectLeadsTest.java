package org.ecgchat.io.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SelectLeadsTest {

    private final EcgSignal ecg = new EcgSignal(new double[][] {{1, 1}, {2, 2}, {3, 3}}, 500,
            List.of("I", "II", "AVR"));

    @Test
    void selectsAndReordersByNameIgnoringCase() {
        EcgSignal out = new SelectLeads(List.of("aVR", "I")).apply(ecg);
        assertThat(out.leadNames()).containsExactly("aVR", "I");
        assertThat(out.samples()[0]).containsExactly(3, 3);
        assertThat(out.samples()[1]).containsExactly(1, 1);
    }

    @Test
    void aMissingLeadIsNamedWithTheLeadsThatExist() {
        assertThatThrownBy(() -> new SelectLeads(List.of("II", "V1")).apply(ecg))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'V1'").hasMessageContaining("[I, II, AVR]");
    }

    @Test
    void worksOnFloatLeadsThroughTheChain() {
        Preprocessor p = Preprocessor.fromJson("[{\"type\":\"select_leads\",\"leads\":[\"ii\"]},{\"type\":\"clean\"}]");
        float[][] out = p.apply(new float[][] {{1f}, {Float.NaN}, {3f}}, 500, ecg.leadNames());
        assertThat(out).hasDimensions(1, 1);
        assertThat(out[0][0]).isZero();
    }
}
