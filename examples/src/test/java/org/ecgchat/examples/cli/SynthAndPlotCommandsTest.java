package org.ecgchat.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ecg-chat synth} writes a PTB-XL-style dataset; {@code ecg-chat plot} prints records of any layout. */
class SynthAndPlotCommandsTest {

    @TempDir
    Path dir;

    @Test
    void synthWritesAPtbXlDatasetAndPlotPrintsItsRecords() throws IOException {
        Path out = dir.resolve("synthetic");
        CliRun r = CliRun.of("synth", "--out", out.toString(), "--records", "12", "--seed", "3",
                "--threads", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("wrote 12 records of ").contains(out.toString());
        assertThat(out.resolve("ptbxl_database.csv")).exists();
        assertThat(out.resolve("scp_statements.csv")).exists();
        assertThat(out.resolve("records500/00000/00012_hr.hea")).exists();
        assertThat(out.resolve("records100/00000/00012_lr.dat")).exists();

        Path png = dir.resolve("ecg.png");
        r = CliRun.of("plot", out.resolve("records500/00000/00001_hr").toString(), "-o", png.toString(),
                "--dpi", "100");
        assertThat(r.exit()).as(r.err()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo((int) Math.round(297 / 25.4 * 100));

        Path svg = dir.resolve("ecg.svg");
        r = CliRun.of("plot", out.resolve("records100/00000/00002_lr").toString(), "-o", svg.toString(),
                "--note", "100 Hz version");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(svg)).startsWith("<?xml").contains("100 Hz version", ">aVF<");
    }

    @Test
    void synthWithoutLowRateLeavesFilenameLrEmpty() throws IOException {
        Path out = dir.resolve("hr-only");
        CliRun r = CliRun.of("synth", "--out", out.toString(), "--records", "3", "--no-lr", "--clean");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(out.resolve("records100")).doesNotExist();
        List<String> lines = Files.readAllLines(out.resolve("ptbxl_database.csv"));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).endsWith(",,records500/00000/00001_hr");
    }

    @Test
    void badArgumentsAreReportedWithTheReason() {
        CliRun r = CliRun.of("synth", "--out", dir.toString(), "--records", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("number of records must lie in 1..99999, got 0");

        r = CliRun.of("plot", dir.resolve("nothing").toString(), "-o", dir.resolve("x.png").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("ecg-chat plot: ").contains("nothing");
        assertThat(dir.resolve("x.png")).doesNotExist();
    }

    @Test
    void plotPrintsOtherRecordsOneStripPerSignalFromAnyStart() {
        String shared = System.getProperty("ecgchat.shared");
        Path mitbih = shared == null ? null : Path.of(shared, "wfdb-corpus", "wfdb-c", "data", "100s");
        assumeTrue(mitbih != null && Files.exists(Path.of(mitbih + ".hea")), "WFDB corpus not found; skipping");
        Path png = dir.resolve("100s.png");
        CliRun r = CliRun.of("plot", mitbih.toString(), "--start", "20", "-o", png.toString(),
                "--dpi", "100");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(png).exists();
        r = CliRun.of("plot", mitbih.toString(), "--start", "600", "-o", png.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--start 600.0 s lies outside").contains("which lasts 60.000 s");
    }
}
