package org.ecgchat.io.wfdb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The text conventions of header notes, parsed as WFDB's get_ann_table parses them. */
class MitAnnotationFormatTest {

    @Test
    void definitionIsCodeMnemonicAndTheRestAfterOneSeparator() {
        assertThat(MitAnnotationFormat.parseDefinition("15 c calibration pulse\n"))
                .isEqualTo(new AnnotationCode(15, "c", "calibration pulse\n"));
        assertThat(MitAnnotationFormat.parseDefinition("+7\tq  two spaces"))
                .isEqualTo(new AnnotationCode(7, "q", " two spaces"));
        assertThat(MitAnnotationFormat.parseDefinition("  42   CAL")).isEqualTo(new AnnotationCode(42, "CAL", null));
        assertThat(MitAnnotationFormat.parseDefinition("42 CAL ")).isEqualTo(new AnnotationCode(42, "CAL", ""));
        assertThat(MitAnnotationFormat.parseDefinition("0x1 hex")).isEqualTo(new AnnotationCode(0, "hex", null)); // strtol stops at 'x'
        // strtol saturates and C keeps the low 32 bits of the long: 2^32+1 defines code 1
        assertThat(MitAnnotationFormat.parseDefinition("4294967297 Z")).isEqualTo(new AnnotationCode(1, "Z", null));
    }

    @Test
    void notesThatDefineNothing() {
        assertThat(MitAnnotationFormat.parseDefinition("gqrs -r 100")).isNull();
        assertThat(MitAnnotationFormat.parseDefinition("50 X beyond ACMAX")).isNull();
        assertThat(MitAnnotationFormat.parseDefinition("-1 X negative")).isNull();
        assertThat(MitAnnotationFormat.parseDefinition("12")).isNull();
        assertThat(MitAnnotationFormat.parseDefinition("   ")).isNull();
        assertThat(MitAnnotationFormat.parseDefinition("99999999999999999999999 X")).isNull(); // LONG_MAX -> int -1
    }

    @Test
    void definitionTextIsWhatPutAnnTableWrites() {
        assertThat(MitAnnotationFormat.definitionText(new AnnotationCode(42, "CAL", "Calibration"))).isEqualTo("42 CAL Calibration");
        assertThat(MitAnnotationFormat.definitionText(new AnnotationCode(42, "CAL", null))).isEqualTo("42 CAL");
        assertThat(MitAnnotationFormat.definitionText(new AnnotationCode(42, "CAL", ""))).isEqualTo("42 CAL ");
    }

    @Test
    void timeResolutionIsTheLongestNumberAfterThePrefix() {
        assertThat(MitAnnotationFormat.parseTimeResolution("## time resolution: 500")).isEqualTo(500);
        assertThat(MitAnnotationFormat.parseTimeResolution("## time resolution: 62.4725 Hz")).isEqualTo(62.4725);
        assertThat(MitAnnotationFormat.parseTimeResolution("## time resolution:   1e3x")).isEqualTo(1000);
        assertThat(MitAnnotationFormat.parseTimeResolution("## time resolution: 2e")).isEqualTo(2);
        assertThat(MitAnnotationFormat.parseTimeResolution("## time resolution: fast")).isNaN();
        assertThat(MitAnnotationFormat.parseTimeResolution("## time resolution: ")).isNaN();
    }
}
