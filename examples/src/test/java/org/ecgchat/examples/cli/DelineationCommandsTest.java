package org.ecgchat.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgchat.io.delineate.BeatComparison;
import org.ecgchat.io.delineate.WaveformFeatures;
import org.ecgchat.io.wfdb.Annotation;
import org.ecgchat.io.wfdb.Annotations;
import org.ecgchat.io.wfdb.Wfdb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ecg-chat wfep} and {@code ecg-chat beats} on LUDB record 1 (12 leads, 10 s, 500 Hz). */
class DelineationCommandsTest {



    private static Path ludb() {
        String shared = System.getProperty("ecgchat.shared");
        Path record = shared == null ? null : Path.of(shared, "wfdb-corpus/egm/tests/testthat/ludb-ecg");
        assumeTrue(record != null && Files.exists(record.resolveSibling("ludb-ecg.hea")),
                "LUDB record not found (ecgchat.shared=" + shared + "); skipping");
        return record;
    }

    @Test
    void wfepPrintsTheFeaturesOfLeadII() throws IOException {
        Path record = ludb();
        CliRun r = CliRun.of("wfep", record.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        WaveformFeatures expected = WaveformFeatures.of(Wfdb.read(record).physical(1), 500);
        assertThat(r.out()).isEqualTo(expected.render() + System.lineSeparator());
        assertThat(r.out()).matches(" RR: \\d+ PR: \\d+ QRS: \\d+ QT/QTc: \\d+/\\d+ P/R/T Wave: \\d+/\\d+/\\d+\\R");
        // the cardiologists' R peaks in lead II: 662 ... 3969 over 5 intervals at 500 Hz = 1322.8 ms
        assertThat(expected.rr()).isBetween(1318, 1327);
        CliRun json = CliRun.of("wfep", record.toString(), "--lead", "v5", "--json");
        assertThat(json.out()).startsWith("{\"RR_Interval\":");
    }

    @Test
    void wfepNamesTheLeadsWhenTheRequestedOneIsMissing() {
        CliRun r = CliRun.of("wfep", ludb().toString(), "--lead", "MLII");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no lead 'MLII'").contains("[i, ii, iii, avr, avl, avf, v1, v2, v3, v4, v5, v6]");
    }

    @Test
    void beatsWritesAnAnnotationFileThatRdannAndBxbRead(@TempDir Path dir) throws IOException {
        Path source = ludb();
        for (String ext : List.of("hea", "dat", "ii")) {
            Files.copy(source.resolveSibling("ludb-ecg." + ext), dir.resolve("ludb-ecg." + ext));
        }
        Path record = dir.resolve("ludb-ecg");
        CliRun r = CliRun.of("beats", "-r", record.toString(), "--lead", "II", "-o", "qrs");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("lead ii (signal 1)").contains("ludb-ecg.qrs");

        List<Annotation> beats = Annotations.read(record, "qrs");
        assertThat(beats).allSatisfy(a -> {
            assertThat(a.mnemonic()).isEqualTo("N");
            assertThat(a.chan()).isEqualTo(1);
        });
        // every beat the cardiologists marked in lead II is found, and nothing else within their span
        List<Annotation> reference = Annotations.read(record, "ii").stream().filter(Annotation::isBeat).toList();
        List<Annotation> inSpan = beats.stream().filter(b -> b.sample() >= reference.get(0).sample() - 75
                && b.sample() <= reference.get(reference.size() - 1).sample() + 75).toList();
        BeatComparison.Result bxb = BeatComparison.compare(reference, inSpan, BeatComparison.Window.wholeRecord(500, 5000), 500);
        assertThat(bxb.sensitivity()).isEqualTo(1.0);
        assertThat(bxb.positivePredictivity()).isEqualTo(1.0);

        RdannCommandTest.Run rdann = RdannCommandTest.run("-r", record.toString(), "-a", "qrs");
        assertThat(rdann.exit()).isZero();
        assertThat(new String(rdann.out(), StandardCharsets.ISO_8859_1).lines()).hasSize(beats.size())
                .allMatch(line -> line.matches("\\s+\\d+:\\d\\d\\.\\d{3}\\s+\\d+\\s+N\\s+0\\s+1\\s+0"));
    }

    @Test
    void beatsWithWavesWritesLudbStyleBoundaries(@TempDir Path dir) throws IOException {
        Path source = ludb();
        for (String ext : List.of("hea", "dat")) {
            Files.copy(source.resolveSibling("ludb-ecg." + ext), dir.resolve("ludb-ecg." + ext));
        }
        Path record = dir.resolve("ludb-ecg");
        assertThat(CliRun.of("beats", "-r", record.toString(), "--lead", "ii", "-o", "wav", "--waves").exit()).isZero();
        String symbols = String.join("", Annotations.read(record, "wav").stream().map(Annotation::mnemonic).toList());
        assertThat(symbols).contains("(p)(N)(t)(p)(N)(t)");
        assertThat(symbols.replaceAll("[^N]", "")).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void beatsRejectsABadAnnotatorNameBeforeReading() {
        CliRun r = CliRun.of("beats", "-r", "/nonexistent/rec", "-o", "a/b");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("annotator");
    }
}
