package org.ecgchat.io.wfdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The annotation files of the shared WFDB corpus ({@link Corpus}) and the {@code rdann} outputs
 * WFDB C made from them.
 */
final class AnnotationCorpus {

    /** An annotation file, its record's sampling frequency, and rdann's output for it. */
    record Case(String name, Path record, String annotator, double samplingFrequency, Path rdannOutput) {
        Path annotationFile() {
            return Annotations.file(record, annotator);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** One line of rdann's default output. */
    record RdannLine(String time, long sample, String mnemonic, int subtype, int chan, int num, String aux) {}

    private static final Pattern LINE = Pattern.compile("^(.*\\S)\\s+(-?\\d+)\\s+(\\S+)\\s+(-?\\d+)\\s+(-?\\d+)\\s+(-?\\d+)$");

    private AnnotationCorpus() {}

    /** Every annotation file of the corpus that has an rdann reference output. */
    static Stream<Case> cases() {
        Path root = Corpus.root();
        Path py = root.resolve("wfdb-python/sample-data");
        Path target = root.resolve("wfdb-python/tests/target-output");
        Path extra = root.resolve("regenerated-wfdb-c-10.7.0/extra");
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("ann-1 (100.atr)", py.resolve("100"), "atr", 360, target.resolve("ann-1")));
        cases.add(new Case("ann-2 (12726.anI)", py.resolve("12726"), "anI", 250, target.resolve("ann-2")));
        cases.add(new Case("ann-3 (1003.atr)", py.resolve("1003"), "atr", 360, target.resolve("ann-3")));
        cases.add(new Case("checkpkg rdann.out (100s.atr)", root.resolve("wfdb-c/data/100s"), "atr", 360,
                root.resolve("wfdb-c/checkpkg/expected/rdann.out")));
        for (String lead : List.of("i", "ii", "iii", "avr", "avl", "avf", "v1", "v2", "v3", "v4", "v5", "v6")) {
            cases.add(new Case("LUDB " + lead, root.resolve("egm/tests/testthat/ludb-ecg"), lead, 500,
                    extra.resolve("ludb-ecg." + lead + ".rdann.txt")));
        }
        for (String a : List.of("gqrsh", "gqrsl", "sqrs")) {
            cases.add(new Case("03700181." + a, py.resolve("03700181"), a, 125, extra.resolve("03700181." + a + ".rdann.txt")));
        }
        cases.add(new Case("100.qrs", py.resolve("100"), "qrs", 360, extra.resolve("100.qrs.rdann.txt")));
        cases.add(new Case("12726.wabp", py.resolve("12726"), "wabp", 250, extra.resolve("12726.wabp.rdann.txt")));
        cases.add(new Case("12726.wqrs", py.resolve("12726"), "wqrs", 250, extra.resolve("12726.wqrs.rdann.txt")));
        cases.add(new Case("huge.qrs", py.resolve("huge"), "qrs", 250, extra.resolve("huge.qrs.rdann.txt")));
        return cases.stream();
    }

    /** Every MIT annotation file in the corpus, reference output or not. */
    static List<Path> allAnnotationFiles() throws IOException {
        Path root = Corpus.root();
        List<Path> files = new ArrayList<>();
        cases().forEach(c -> files.add(c.annotationFile()));
        Path expected = root.resolve("wfdb-c/checkpkg/expected");
        for (String f : List.of("100s.mix", "100s.mrg", "100s.qrs", "100s.wqrs", "100s.wra", "100x.atr", "snip.atr", "xform.wabp")) {
            files.add(expected.resolve(f));
        }
        files.add(root.resolve("wfdb-c/data/100a.atr"));
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new IOException("corpus file missing: " + f);
            }
        }
        return files;
    }

    /** Parses rdann's default output (time, sample, type, sub, chan, num, tab and aux). */
    static List<RdannLine> parseRdann(Path output) throws IOException {
        List<RdannLine> lines = new ArrayList<>();
        for (String line : Files.readAllLines(output, StandardCharsets.ISO_8859_1)) {
            int tab = line.indexOf('\t');
            String head = tab < 0 ? line : line.substring(0, tab);
            Matcher m = LINE.matcher(head);
            if (!m.matches()) {
                throw new IOException("unexpected rdann line in " + output + ": " + line);
            }
            lines.add(new RdannLine(m.group(1).strip(), Long.parseLong(m.group(2)), m.group(3),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)),
                    tab < 0 ? null : line.substring(tab + 1)));
        }
        return lines;
    }
}
