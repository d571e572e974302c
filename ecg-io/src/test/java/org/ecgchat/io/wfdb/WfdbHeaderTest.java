package org.ecgchat.io.wfdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every field of the header grammar is read as WFDB C reads it. */
class WfdbHeaderTest {
    @TempDir
    Path dir;

    private static WfdbHeader parse(String text) throws Exception {
        return HeaderParser.parse(Path.of("t.hea"), "t", text.getBytes(StandardCharsets.ISO_8859_1)).header();
    }

    @Test
    void mitBih100() throws Exception {
        WfdbHeader h = Wfdb.readHeader(Corpus.sample("100"));
        assertThat(h.recordName()).isEqualTo("100");
        assertThat(h.samplingFrequency()).isEqualTo(360);
        assertThat(h.counterFrequency()).isEqualTo(360);
        assertThat(h.length()).hasValue(650000);
        assertThat(h.baseTime()).isEmpty();
        assertThat(h.signalNames()).containsExactly("MLII", "V5");
        SignalSpec s = h.signals().get(0);
        assertThat(s.fileName()).isEqualTo("100.dat");
        assertThat(s.format()).isEqualTo(212);
        assertThat(s.gain()).isEqualTo(200);
        assertThat(s.units()).isNull();
        assertThat(s.unitsOrDefault()).isEqualTo("mV");
        assertThat(s.adcResolution()).isEqualTo(11);
        assertThat(s.adcZero()).isEqualTo(1024);
        assertThat(s.baseline()).isEqualTo(1024);
        assertThat(s.initialValue()).isEqualTo(995);
        assertThat(s.checksum()).isEqualTo(OptionalInt.of(-22131));
        assertThat(s.blockSize()).isZero();
        // the comment before the record line is not an info string; the blank line is skipped
        assertThat(h.comments()).containsExactly(" 69 M 1085 1629 x1", " Aldomet, Inderal");
    }

    @Test
    void formatSuffixesGainBaselineAndUnits() throws Exception {
        WfdbHeader h = parse("t 3 125 75000 17:27:45 15/08/1994\n"
                + "t.dat 212x4 2963.77/mV 12 0 67 -11266 0 MCL1 \n"
                + "t.dat 212 12.84(-1605)/mmHg 12 0 -943 -23651 0 ABP\n"
                + "u.dat 212:4+24 2000 12 0 -304 6310 0 RESP\n");
        assertThat(h.signals().get(0).samplesPerFrame()).isEqualTo(4);
        assertThat(h.signals().get(0).description()).isEqualTo("MCL1 ");
        assertThat(h.signals().get(1).baseline()).isEqualTo(-1605);
        assertThat(h.signals().get(1).units()).isEqualTo("mmHg");
        assertThat(h.signals().get(2).skew()).isEqualTo(4);
        assertThat(h.signals().get(2).byteOffset()).isEqualTo(24);
        assertThat(h.baseTime()).contains(LocalTime.of(17, 27, 45));
        assertThat(h.baseDate()).contains(LocalDate.of(1994, 8, 15));
    }

    @Test
    void defaultsForShortSignalLines() throws Exception {
        WfdbHeader h = parse("t 2 48000\nt.dat 24 2.4011e-11/nV\nt.dat 24\n");
        SignalSpec s = h.signals().get(0);
        assertThat(h.length()).isEmpty();
        assertThat(s.gain()).isEqualTo(2.4011e-11);
        assertThat(s.adcResolution()).isEqualTo(12);
        assertThat(s.checksum()).isEmpty();
        assertThat(s.description()).isEqualTo("record t, signal 0");
        assertThat(h.signals().get(1).gain()).isZero();
        assertThat(h.signals().get(1).effectiveGain()).isEqualTo(200);
    }

    @Test
    void counterFrequencyAndBaseCounter() throws Exception {
        assertThat(Wfdb.readHeader(Corpus.path("ecg-image-kit/QT_data/sel100")).counterFrequency()).isEqualTo(360);
        WfdbHeader h = parse("t 1 0.0166666666667/125(3) 72 10:44:18.529 04/05/2704\nt.dat 16 10/bpm 16 0 1013 29319 0 HR\n");
        assertThat(h.samplingFrequency()).isEqualTo(0.0166666666667);
        assertThat(h.counterFrequency()).isEqualTo(125);
        assertThat(h.baseCounter()).isEqualTo(3);
        assertThat(h.baseTime()).contains(LocalTime.of(10, 44, 18, 529_000_000));
        assertThat(h.baseDate()).contains(LocalDate.of(2704, 5, 4));
    }

    @Test
    void multiSegmentVariableLayout() throws Exception {
        WfdbHeader h = Wfdb.readHeader(Corpus.sample("multi-segment/p000878/p000878-2137-10-26-16-57"));
        assertThat(h.isMultiSegment()).isTrue();
        assertThat(h.isVariableLayout()).isTrue();
        assertThat(h.numberOfSegments()).isEqualTo(36);
        assertThat(h.segments().get(1)).isEqualTo(new SegmentSpec("~", 3750));
        assertThat(h.segments().get(1).isNull()).isTrue();
        assertThat(h.length()).hasValue(52725000);
        assertThat(h.baseDate()).contains(LocalDate.of(2137, 10, 26));
        assertThat(h.numberOfSignals()).isEqualTo(4);
    }

    @Test
    void latin1UnitsAreRead() throws Exception {
        WfdbHeader h = Wfdb.readHeader(Corpus.sample("test_generator_2"));
        assertThat(h.signals().get(8).units()).isEqualTo("\u00b0");
        assertThat(h.signals().get(0).units()).isEqualTo("uV");
    }

    @Test
    void metadataFromComments() throws Exception {
        assertThat(Wfdb.readHeader(Corpus.path("ecg-image-kit/12lead/JS00001")).metadata())
                .containsEntry("Age", "85").containsEntry("Dx", "164889003,59118001,164934002");
        assertThat(Wfdb.readHeader(Corpus.sample("test01_00s")).metadata())
                .containsEntry("age", "25").containsEntry("sex", "M").containsEntry("diagnoses", "(none)");
        assertThat(Wfdb.readHeader(Corpus.sample("s0010_re")).metadata())
                .containsEntry("age", "81").containsEntry("Diagnose", "");
    }

    @Test
    void headersWrittenByWfdbCRoundTripByteForByte() throws Exception {
        Path expected = Corpus.path("wfdb-c/checkpkg/expected");
        for (String name : new String[] {"100w", "wfd", "wfd00001", "wfd00002", "snip", "100x", "xform", "100z", "test"}) {
            Path file = expected.resolve(name + ".hea");
            HeaderParser.Parsed parsed = HeaderParser.parse(file, name, Files.readAllBytes(file));
            assertThat(HeaderWriter.format(parsed.header(), parsed.declaredSignals())).as(name).isEqualTo(Files.readString(file, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void malformedFieldsNameLineAndField() {
        assertThatThrownBy(() -> parse("t 1 250 1000\nt.dat 16 abc/mV\n"))
                .isInstanceOf(WfdbFormatException.class).hasMessageContaining("line 2, gain");
        assertThatThrownBy(() -> parse("t 1 250 1000\nt.dat 17\n"))
                .isInstanceOf(WfdbFormatException.class).hasMessageContaining("unsupported signal format 17");
        assertThatThrownBy(() -> parse("t 2 250 1000\nt.dat 16\n"))
                .isInstanceOf(WfdbFormatException.class).hasMessageContaining("1 of 2 signal lines");
        assertThatThrownBy(() -> parse("t 1 -250\n"))
                .isInstanceOf(WfdbFormatException.class).hasMessageContaining("sampling frequency");
        assertThatThrownBy(() -> parse("# only a comment\n"))
                .isInstanceOf(WfdbFormatException.class).hasMessageContaining("no record line");
        assertThatThrownBy(() -> HeaderParser.parse(Path.of("t.hea"), "t", new byte[] {'t', ' ', '1', 0, 1, 2}))
                .isInstanceOf(WfdbFormatException.class).hasMessageContaining("control character");
    }

    @Test
    void missingHeaderIsNamed() {
        assertThatThrownBy(() -> Wfdb.readHeader(dir.resolve("nothing")))
                .isInstanceOf(WfdbMissingFileException.class).hasMessageContaining("nothing.hea");
    }
}
