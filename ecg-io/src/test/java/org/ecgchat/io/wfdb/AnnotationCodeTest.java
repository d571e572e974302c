package org.ecgchat.io.wfdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The standard table is WFDB's (ecgcodes.h, annstr/anndesc in annot.c, isqrs in ecgmap.h). */
class AnnotationCodeTest {

    @Test
    void standardCodesHaveWfdbMnemonicsAndDescriptions() {
        assertThat(AnnotationCode.standard(1)).isEqualTo(new AnnotationCode(1, "N", "Normal beat"));
        assertThat(AnnotationCode.PVC).isEqualTo(new AnnotationCode(5, "V", "Premature ventricular contraction"));
        assertThat(AnnotationCode.NOTE).isEqualTo(new AnnotationCode(22, "\"", "Comment annotation"));
        assertThat(AnnotationCode.RHYTHM.mnemonic()).isEqualTo("+");
        assertThat(AnnotationCode.WFON.mnemonic()).isEqualTo("(");
        assertThat(AnnotationCode.WFOFF.mnemonic()).isEqualTo(")");
        assertThat(AnnotationCode.RONT).isEqualTo(new AnnotationCode(41, "r", "R-on-T premature ventricular contraction"));
        assertThat(AnnotationCode.NOTQRS).isEqualTo(new AnnotationCode(0, " ", ""));
        assertThat(AnnotationCode.standard(15)).isEqualTo(new AnnotationCode(15, "[15]", null));
        assertThat(AnnotationCode.standard(42)).isEqualTo(new AnnotationCode(42, "[42]", null));
        assertThat(AnnotationCode.standard(58)).isEqualTo(new AnnotationCode(58, "[58]", null));
        assertThatThrownBy(() -> AnnotationCode.standard(59)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mnemonicsAreLookedUpAmongTheLegalCodes() {
        IntStream.rangeClosed(1, AnnotationCode.ACMAX).forEach(c ->
                assertThat(AnnotationCode.forMnemonic(AnnotationCode.standard(c).mnemonic())).contains(AnnotationCode.standard(c)));
        assertThat(AnnotationCode.forMnemonic(" ")).isEmpty();
        assertThat(AnnotationCode.forMnemonic("CAL")).isEmpty();
    }

    @Test
    void beatsAreTheQrsCodes() {
        assertThat(IntStream.rangeClosed(0, AnnotationCode.MAX_CODE).filter(c -> AnnotationCode.standard(c).isBeat()).boxed())
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 25, 30, 31, 34, 35, 38, 41);
        assertThat(new AnnotationCode(42, "CAL", "Calibration").isStandard()).isFalse();
        assertThat(new AnnotationCode(1, "N", "Normal beat").isStandard()).isTrue();
    }
}
