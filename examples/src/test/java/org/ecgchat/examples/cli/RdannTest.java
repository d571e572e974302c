package org.ecgchat.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** {@code ecg-chat rdann} prints what WFDB C's rdann prints, byte for byte. */
class RdannTest {

    private static Path corpus() {
        String shared = System.getProperty("ecgchat.shared");
        Path root = shared == null ? null : Path.of(shared, "wfdb-corpus");
        assumeTrue(root != null && Files.isDirectory(root),
                "../shared/wfdb-corpus is absent (ecgchat.shared=" + shared + "); skipping");
        return root;
    }

    /** Record, annotator, and rdann's output for {@code rdann -r RECORD -a ANNOTATOR}. */
    static Stream<Arguments> references() {
        Path root = corpus();
        String py = "wfdb-python/sample-data/";
        String extra = "regenerated-wfdb-c-10.7.0/extra/";
        List<Arguments> cases = new ArrayList<>(List.of(
                Arguments.of(py + "100", "atr", "wfdb-python/tests/target-output/ann-1"),
                Arguments.of(py + "12726", "anI", "wfdb-python/tests/target-output/ann-2"),
                Arguments.of(py + "1003", "atr", "wfdb-python/tests/target-output/ann-3"),
                Arguments.of("wfdb-c/data/100s", "atr", "wfdb-c/checkpkg/expected/rdann.out"),
                Arguments.of(py + "03700181", "gqrsh", extra + "03700181.gqrsh.rdann.txt"),
                Arguments.of(py + "03700181", "gqrsl", extra + "03700181.gqrsl.rdann.txt"),
                Arguments.of(py + "03700181", "sqrs", extra + "03700181.sqrs.rdann.txt"),
                Arguments.of(py + "100", "qrs", extra + "100.qrs.rdann.txt"),
                Arguments.of(py + "12726", "wabp", extra + "12726.wabp.rdann.txt"),
                Arguments.of(py + "12726", "wqrs", extra + "12726.wqrs.rdann.txt"),
                Arguments.of(py + "huge", "qrs", extra + "huge.qrs.rdann.txt")));
        for (String lead : List.of("i", "ii", "iii", "avr", "avl", "avf", "v1", "v2", "v3", "v4", "v5", "v6")) {
            cases.add(Arguments.of("egm/tests/testthat/ludb-ecg", lead, extra + "ludb-ecg." + lead + ".rdann.txt"));
        }
        return cases.stream().map(a -> Arguments.of(root.resolve((String) a.get()[0]).toString(), a.get()[1],
                root.resolve((String) a.get()[2])));
    }

    @ParameterizedTest(name = "rdann -r {0} -a {1}")
    @MethodSource("references")
    void printsWhatWfdbRdannPrints(String record, String annotator, Path reference) throws IOException {
        assertThat(run("-r", record, "-a", annotator)).isEqualTo(Files.readAllBytes(reference));
    }

    @Test
    void typeChanNumAndSubtypeFiltersKeepTheMatchingLines() throws IOException {
        Path root = corpus();
        String r100 = root.resolve("wfdb-python/sample-data/100").toString();
        List<String> atr = lines(root.resolve("wfdb-python/tests/target-output/ann-1"));
        assertThat(text(run("-r", r100, "-a", "atr", "-p", "V", "A"))).isNotEmpty().containsExactlyElementsOf(
                atr.stream().filter(l -> field(l, 4).matches("[VA]")).toList());

        List<String> qrs = lines(root.resolve("regenerated-wfdb-c-10.7.0/extra/100.qrs.rdann.txt"));
        assertThat(text(run("-r", r100, "-a", "qrs", "-n", "100"))).isNotEmpty().containsExactlyElementsOf(
                qrs.stream().filter(l -> field(l, 1).equals("100")).toList());

        String r12726 = root.resolve("wfdb-python/sample-data/12726").toString();
        List<String> wqrs = lines(root.resolve("regenerated-wfdb-c-10.7.0/extra/12726.wqrs.rdann.txt"));
        for (String c : List.of("0", "1")) {
            assertThat(text(run("-r", r12726, "-a", "wqrs", "-c", c))).isNotEmpty().containsExactlyElementsOf(
                    wqrs.stream().filter(l -> field(l, 2).equals(c)).toList());
        }
        assertThat(text(run("-r", r12726, "-a", "wqrs", "-s", "0"))).hasSize(wqrs.size());
    }

    @Test
    void fromAndToSelectBySampleTimeAndCount() throws IOException {
        Path root = corpus();
        String r100 = root.resolve("wfdb-python/sample-data/100").toString();
        List<String> atr = lines(root.resolve("wfdb-python/tests/target-output/ann-1"));
        // -f 10 (seconds): from sample 3600 on; -t s7200: up to sample 7200 inclusive
        assertThat(text(run("-r", r100, "-a", "atr", "-f", "10", "-t", "s7200"))).containsExactlyElementsOf(
                atr.stream().filter(l -> sample(l) >= 3600 && sample(l) <= 7200).toList());
        assertThat(text(run("-r", r100, "-a", "atr", "-f", "0:10", "-t", "0:20"))).containsExactlyElementsOf(
                atr.stream().filter(l -> sample(l) >= 3600 && sample(l) <= 7200).toList());
        // -f a5 skips five annotations, -t a8 stops after the eighth
        assertThat(text(run("-r", r100, "-a", "atr", "-f", "a5", "-t", "a8"))).containsExactlyElementsOf(atr.subList(5, 8));
        // -t b3 stops after the third beat (the rhythm label before it is no beat)
        assertThat(text(run("-r", r100, "-a", "atr", "-t", "b3"))).containsExactlyElementsOf(atr.subList(0, 4));
    }

    @Test
    void fromTimeZeroRewindsToTheHeaderNotesAsWfdbDoes() throws IOException {
        // iannsettime(0) rewinds the file, so rdann -f 0 also lists the notes getann consumed at open
        Path root = corpus();
        String r1003 = root.resolve("wfdb-python/sample-data/1003").toString();
        StringBuilder expected = new StringBuilder();
        for (String note : List.of("## annotation type definitions", "15 c calibration pulse\n", "17 # pressure line flushed\n",
                "20 x signal source change\n", "21 w wedge recording (PCW)\n", "23 * pop test\n", "24 z zero pressure\n",
                "## end of definitions")) {
            expected.append("    0:00.000        0     \"    0    0    0\t").append(note).append('\n');
        }
        expected.append("    0:00.000        0          0    0    0\n");
        expected.append(Files.readString(root.resolve("wfdb-python/tests/target-output/ann-3"), StandardCharsets.ISO_8859_1));
        assertThat(new String(run("-r", r1003, "-a", "atr", "-f", "0"), StandardCharsets.ISO_8859_1))
                .isEqualTo(expected.toString());
    }

    @Test
    void headingsAndAlternativeTimeColumns() throws IOException {
        Path root = corpus();
        String r100 = root.resolve("wfdb-python/sample-data/100").toString();
        assertThat(text(run("-r", r100, "-a", "atr", "-v", "-t", "a1"))).containsExactly(
                "      Time   Sample #  Type  Sub Chan  Num\tAux",
                "    0:00.050       18     +    0    0    0\t(N");
        assertThat(text(run("-r", r100, "-a", "atr", "-x", "-t", "a1"))).containsExactly(
                "    0.050   0.00083 0.0000139     +    0    0    0\t(N");
        String r12726 = root.resolve("wfdb-python/sample-data/12726").toString();
        assertThat(text(run("-r", r12726, "-a", "wabp", "-v", "-e", "-t", "a1"))).containsExactly(
                "Elapsed time  Sample #  Type  Sub Chan  Num\tAux",
                "    0:00.432      108     ?    0    0    0\t110.6/49.7");
        assertThat(text(run("-r", r12726, "-a", "wabp", "-v", "-t", "a1")).get(0)).isEqualTo(
                "      Time     Sample #  Type  Sub Chan  Num\tAux");
        String r03700181 = root.resolve("wfdb-python/sample-data/03700181").toString();
        assertThat(text(run("-r", r03700181, "-a", "sqrs", "-v", "-t", "a1")).get(0)).isEqualTo(
                "      Time       Date     Sample #  Type  Sub Chan  Num\tAux");
    }

    @Test
    void isACommandOfEcgChat() {
        assertThat(EcgChat.commandLine().getSubcommands()).containsKey("rdann");
    }

    @Test
    void badInputGivesAMessageAndAnExitStatus() throws IOException {
        Path root = corpus();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new CommandLine(new Rdann(out, new PrintStream(err, true, StandardCharsets.UTF_8)))
                .execute("-r", root.resolve("wfdb-python/sample-data/100").toString(), "-a", "nosuch");
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("100.nosuch");
        assertThat(out.size()).isZero();
    }

    private static byte[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new CommandLine(new Rdann(out, new PrintStream(err, true, StandardCharsets.UTF_8))).execute(args);
        assertThat(status).as("rdann %s: %s", String.join(" ", args), err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toByteArray();
    }

    private static List<String> text(byte[] output) {
        String s = new String(output, StandardCharsets.ISO_8859_1);
        return s.isEmpty() ? List.of() : List.of(s.split("\n", -1)).subList(0, s.split("\n", -1).length - 1);
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
    }

    private static long sample(String rdannLine) {
        return Long.parseLong(field(rdannLine, 5));
    }

    /** Field k of an rdann line counted from the end of its columns: 1 num, 2 chan, 3 sub, 4 type, 5 sample. */
    private static String field(String rdannLine, int k) {
        int tab = rdannLine.indexOf('\t');
        String[] f = (tab < 0 ? rdannLine : rdannLine.substring(0, tab)).strip().split("\\s+");
        return f[f.length - k];
    }
}
