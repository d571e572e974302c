package org.ecgchat.io.wfdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Rdann} prints what WFDB C's rdann prints, byte for byte, for each of its options. */
class RdannTest {

    static Stream<AnnotationCorpus.Case> references() {
        return AnnotationCorpus.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void printsWhatWfdbRdannPrints(AnnotationCorpus.Case c) throws IOException {
        assertThat(run("-r", c.record().toString(), "-a", c.annotator())).isEqualTo(Files.readAllBytes(c.rdannOutput()));
    }

    @Test
    void typeChanNumAndSubtypeFiltersKeepTheMatchingLines() throws IOException {
        Path root = Corpus.root();
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
        Path root = Corpus.root();
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
        Path root = Corpus.root();
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
        Path root = Corpus.root();
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
    void optionsThatCannotWorkAreRefused() {
        String r100 = Corpus.root().resolve("wfdb-python/sample-data/100").toString();
        assertThatThrownBy(() -> run("-r", r100, "-a", "atr", "-p", "CAL")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-p");
        assertThatThrownBy(() -> run("-r", r100, "-a", "atr", "-f", "a100000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> run("-r", r100, "-a", "atr", "-f", "2:00:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> run("-r", r100, "-a", "nosuch")).isInstanceOf(WfdbMissingFileException.class)
                .hasMessageContaining("100.nosuch");
    }

    /** Runs rdann with its command-line flags; the output bytes. */
    private static byte[] run(String... args) throws IOException {
        Path record = null;
        String annotator = null;
        String from = null;
        String to = null;
        List<String> types = new ArrayList<>();
        String chan = null;
        String num = null;
        String subtype = null;
        boolean elapsed = false;
        boolean units = false;
        boolean headings = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-r" -> record = Path.of(args[++i]);
                case "-a" -> annotator = args[++i];
                case "-f" -> from = args[++i];
                case "-t" -> to = args[++i];
                case "-p" -> {
                    while (i + 1 < args.length && !args[i + 1].startsWith("-")) {
                        types.add(args[++i]);
                    }
                }
                case "-c" -> chan = args[++i];
                case "-n" -> num = args[++i];
                case "-s" -> subtype = args[++i];
                case "-e" -> elapsed = true;
                case "-x" -> units = true;
                case "-v" -> headings = true;
                default -> throw new IllegalStateException("test uses an unknown flag " + args[i]);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Writer out = new OutputStreamWriter(bytes, StandardCharsets.ISO_8859_1);
        Rdann.write(new Rdann.Options(record, annotator, from, to, types, chan, num, subtype, elapsed, units, headings), out);
        return bytes.toByteArray();
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
