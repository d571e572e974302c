package org.ecgchat.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** {@code ecg-chat rdsamp} and {@code ecg-chat info} print exactly what WFDB C 10.7 prints. */
class WfdbCommandsTest {



    private static Path corpus(String relative) {
        String shared = System.getProperty("ecgchat.shared");
        Path root = shared == null ? null : Path.of(shared, "wfdb-corpus");
        assumeTrue(root != null && Files.isDirectory(root), "WFDB corpus not found; skipping");
        return root.resolve(relative);
    }

    private static String text(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
            StringBuilder sb = new StringBuilder();
            for (String line; (line = r.readLine()) != null; ) {
                sb.append(line).append('\n');
            }
            return sb.toString();
        }
    }

    @Test
    void rdsampPhysicalWithHeadings() throws Exception {
        CliRun r = CliRun.of("rdsamp", "-r", corpus("wfdb-c/data/100s").toString(), "-f", "10", "-t", "11", "-p", "-v");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo(text(corpus("wfdb-c/checkpkg/expected/rdsamp.out")));
    }

    @Test
    void rdsampHighPrecision12Lead() throws Exception {
        CliRun r = CliRun.of("rdsamp", "-r", corpus("egm/tests/testthat/ludb-ecg").toString(), "-P", "-v");
        assertThat(r.out()).isEqualTo(text(corpus("regenerated-wfdb-c-10.7.0/extra/ludb-ecg-physical.txt.gz")));
    }

    @Test
    void rdsampDigitalSubsetOfMultiSegmentRecord() throws Exception {
        CliRun r = CliRun.of("rdsamp", "-r", corpus("wfdb-c/checkpkg/input/237s").toString(),
                "-s", "1", "2", "0", "3", "-f", "9:19:45", "-t", "9:20:45", "-v", "-H");
        assertThat(r.out()).isEqualTo(text(corpus(
                "regenerated-wfdb-c-10.7.0/extra/wfdb-c-237s-xformwindow-highres-digital.txt.gz")));
    }

    @Test
    void infoPrintsWfdbdesc() throws Exception {
        CliRun r = CliRun.of("info", corpus("wfdb-c/data/100s").toString());
        String expected = text(corpus("wfdb-c/checkpkg/expected/wfdbdesc.out"))
                .replace("Record 100s\n", "Record " + corpus("wfdb-c/data/100s") + "\n");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo(expected);
    }

    @Test
    void errorsNameTheFileAndExitWith2() {
        CliRun r = CliRun.of("rdsamp", "-r", "no/such/record");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no/such/record.hea").contains("does not exist");
        CliRun s = CliRun.of("info", "no/such/record");
        assertThat(s.exit()).isEqualTo(2);
    }

    @Test
    void unknownSignalIsReported() throws Exception {
        CliRun r = CliRun.of("rdsamp", "-r", corpus("wfdb-c/data/100s").toString(), "-s", "V7");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("can't read signal 'V7'");
    }
}
