package org.ecgchat.coca.caption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Caption settings: open_clip's defaults, JSON with its argument names, validation naming the field. */
class CaptionSettingsTest {

    @Test
    void defaultsAreOpenClips() {
        CaptionSettings d = CaptionSettings.defaults();
        assertThat(d.strategy()).isEqualTo(CaptionSettings.Strategy.BEAM_SEARCH);
        assertThat(d.seqLen()).isEqualTo(30);
        assertThat(d.minSeqLen()).isEqualTo(5);
        assertThat(d.temperature()).isEqualTo(1.0);
        assertThat(d.topK()).isEqualTo(1);
        assertThat(d.topP()).isEqualTo(0.1);
        assertThat(d.numBeams()).isEqualTo(6);
        assertThat(d.numBeamGroups()).isEqualTo(3);
        assertThat(d.repetitionPenalty()).isEqualTo(1.0);
        assertThat(d.fixedOutputLength()).isFalse();
    }

    @Test
    void jsonRoundTripsAndAbsentFieldsKeepTheDefaults() {
        CaptionSettings s = CaptionSettings.parse("{\"generation_type\": \"top_p\", \"top_p\": 0.8, \"seq_len\": 40}", "s.json");
        assertThat(s).isEqualTo(CaptionSettings.defaults().toBuilder().strategy(CaptionSettings.Strategy.TOP_P)
                .topP(0.8).seqLen(40).build());
        assertThat(CaptionSettings.parse(s.toJson(), "again")).isEqualTo(s);
        assertThat(s.toJson()).contains("\"generation_type\" : \"top_p\"", "\"num_beam_groups\" : 3");
    }

    @Test
    void badValuesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> CaptionSettings.parse("{\"seq_len\": 5}", "s.json"))
                .hasMessageContaining("s.json").hasMessageContaining("seq_len (5) must be larger than min_seq_len (5)");
        assertThatThrownBy(() -> CaptionSettings.parse("{\"num_beams\": 4, \"num_beam_groups\": 3}", "s.json"))
                .hasMessageContaining("num_beam_groups (3) must divide num_beams (4)");
        assertThatThrownBy(() -> CaptionSettings.parse("{\"top_k\": 0}", "s.json")).hasMessageContaining("top_k");
        assertThatThrownBy(() -> CaptionSettings.parse("{\"temperature\": 0}", "s.json")).hasMessageContaining("temperature");
        assertThatThrownBy(() -> CaptionSettings.parse("{\"beams\": 4}", "s.json")).hasMessageContaining("beams");
        assertThatThrownBy(() -> CaptionSettings.defaults().toBuilder().topP(1.5).build()).hasMessageContaining("top_p");
    }
}
