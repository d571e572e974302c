package org.ecgchat.io.wfdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ecgchat.io.wfdb.AnnotationReaderTest.words;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AnnotationWriterTest {

    @TempDir
    Path dir;

    /** Corpus files written by WFDB's putann whose content WFDB would write again unchanged. */
    static Stream<String> wfdbWrittenFiles() {
        List<String> files = new ArrayList<>(List.of(
                "wfdb-python/sample-data/1003.atr",          // custom type definitions
                "wfdb-python/sample-data/03700181.sqrs",     // time resolution note
                "wfdb-python/sample-data/12726.wqrs",        // aux on every beat, chan 1
                "wfdb-python/sample-data/huge.qrs",          // five SKIPs to sample 10^10
                "wfdb-c/checkpkg/expected/100s.mix",
                "wfdb-c/checkpkg/expected/100s.mrg",
                "wfdb-c/checkpkg/expected/100s.qrs",
                "wfdb-c/checkpkg/expected/100s.wqrs",
                "wfdb-c/checkpkg/expected/100s.wra",
                "wfdb-c/checkpkg/expected/snip.atr",
                "wfdb-c/checkpkg/expected/xform.wabp"));
        for (String lead : List.of("i", "ii", "iii", "avr", "avl", "avf", "v1", "v2", "v3", "v4", "v5", "v6")) {
            files.add("egm/tests/testthat/ludb-ecg." + lead);
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wfdbWrittenFiles")
    void rewritesWfdbWrittenFilesByteForByte(String name) throws IOException {
        Path source = Corpus.root().resolve(name);
        Path copy = dir.resolve("copy");
        AnnotationWriter.writeFile(copy, AnnotationReader.readFile(source));
        assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(source));
    }

    /**
     * The other corpus files change on rewriting, exactly where WFDB would change them too: a NUL
     * inside aux text (100.atr, 100s.atr, 100a.atr, 100x.atr, 03700181.gqrsh), chan stored as 1023
     * (12726.anI), a time-0 note that is not a definition (100.qrs, 03700181.gqrsl), definitions
     * without the start and end markers (12726.wabp). What a reader sees stays the same.
     */
    @Test
    void rewritingAnyCorpusFileReadsBackTheSame() throws IOException {
        for (Path source : AnnotationCorpus.allAnnotationFiles()) {
            AnnotationFile original = AnnotationReader.readFile(source);
            Path copy = dir.resolve("copy");
            AnnotationWriter.writeFile(copy, original);
            assertThat(AnnotationReader.readFile(copy)).as(source.toString()).isEqualTo(original);
        }
    }

    @Test
    void matchesWrannOutputInCheckpkg() throws IOException {
        // checkpkg: rdann -r 100s -a atr > rdann.out; wrann -r 100s -a wra < rdann.out (at 360 ticks/s)
        Path root = Corpus.root();
        AnnotationFile atr = AnnotationReader.readFile(root.resolve("wfdb-c/data/100s.atr"));
        Annotations.writeFile(dir.resolve("100s"), "wra",
                new AnnotationFile(atr.annotations(), atr.definitions(), OptionalDouble.of(360)));
        assertThat(Files.readAllBytes(dir.resolve("100s.wra")))
                .isEqualTo(Files.readAllBytes(root.resolve("wfdb-c/checkpkg/expected/100s.wra")));
    }

    @Test
    void randomAnnotationFilesSurviveWriteThenRead() throws IOException {
        SplittableRandom random = new SplittableRandom(20250611);
        for (int trial = 0; trial < 200; trial++) {
            AnnotationFile original = randomFile(random);
            Path file = dir.resolve("random.ann");
            AnnotationWriter.writeFile(file, original);
            assertThat(AnnotationReader.readFile(file)).as("trial %d", trial).isEqualTo(original);
        }
    }

    @Test
    void encodesStepsAsWfdbPutannDoes() throws IOException {
        Path file = dir.resolve("steps.ann");
        AnnotationWriter.writeFile(file, new AnnotationFile(List.of(
                Annotation.of(1023, AnnotationCode.NORMAL),             // fits a word
                Annotation.of(2047, AnnotationCode.NORMAL),             // a step of 1024 needs a SKIP
                Annotation.of(2047, AnnotationCode.NOTQRS),             // null annotation: SKIP -1, then step 1
                Annotation.of(2000, AnnotationCode.PVC)),               // backward: SKIP -47
                List.of(), OptionalDouble.empty()));
        assertThat(Files.readAllBytes(file)).isEqualTo(words(
                1 << 10 | 1023,
                59 << 10, 0, 1024, 1 << 10,
                59 << 10, 0xFFFF, 0xFFFF, 1,
                59 << 10, 0xFFFF, 0xFFD1, 5 << 10,
                0));
    }

    @Test
    void firstAnnotationThatLooksLikeAHeaderNoteIsKept() throws IOException {
        AnnotationFile notes = new AnnotationFile(List.of(
                Annotation.of(0, AnnotationCode.NOTE, "recording started"),
                Annotation.of(0, AnnotationCode.NOTE),
                Annotation.of(10, AnnotationCode.NORMAL)), List.of(), OptionalDouble.empty());
        Path file = dir.resolve("notes.ann");
        AnnotationWriter.writeFile(file, notes);
        assertThat(AnnotationReader.readFile(file)).isEqualTo(notes);

        AnnotationFile startsWithNull = new AnnotationFile(List.of(Annotation.of(5, AnnotationCode.NOTQRS)),
                List.of(), OptionalDouble.empty());
        AnnotationWriter.writeFile(file, startsWithNull);
        assertThat(AnnotationReader.readFile(file)).isEqualTo(startsWithNull);
    }

    @Test
    void facadeSortsIntoWfdbOrderAndDeclaresCustomTypes() throws IOException {
        AnnotationCode cal = new AnnotationCode(42, "CAL", "Calibration");
        List<Annotation> unsorted = List.of(
                Annotation.of(900, AnnotationCode.NORMAL),
                new Annotation(300, cal, 0, 1, 0, null),
                new Annotation(300, AnnotationCode.PVC, 0, 0, 0, null),
                Annotation.of(100, AnnotationCode.RHYTHM, "(AFIB"));
        Annotations.write(dir.resolve("rec"), "test", unsorted);

        assertThat(Annotations.read(dir.resolve("rec"), "test")).containsExactly(
                unsorted.get(3), unsorted.get(2), unsorted.get(1), unsorted.get(0));
        assertThat(Annotations.readFile(dir.resolve("rec"), "test").definitions()).containsExactly(cal);
    }

    @Test
    void emptyFileHoldsOnlyTheEndWord() throws IOException {
        Path file = dir.resolve("empty.ann");
        AnnotationWriter.writeFile(file, new AnnotationFile(List.of(), List.of(), OptionalDouble.empty()));
        assertThat(Files.readAllBytes(file)).isEqualTo(new byte[2]);
        assertThat(AnnotationReader.readFile(file).annotations()).isEmpty();
    }

    @Test
    void rejectsWhatTheFormatCannotHold() throws IOException {
        AnnotationCode cal = new AnnotationCode(42, "CAL", "Calibration");
        try (AnnotationWriter w = AnnotationWriter.create(dir.resolve("bad.ann"))) {
            assertThatThrownBy(() -> w.write(Annotation.of(5, cal)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CAL");
            assertThatThrownBy(() -> w.write(Annotation.of(Long.MAX_VALUE, AnnotationCode.NORMAL)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> AnnotationWriter.create(dir.resolve("bad.ann"),
                List.of(new AnnotationCode(43, "two words", null)), OptionalDouble.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two words");
        assertThatThrownBy(() -> AnnotationWriter.create(dir.resolve("bad.ann"),
                List.of(new AnnotationCode(43, "X", "x".repeat(300))), OptionalDouble.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("255");
        assertThatThrownBy(() -> Annotation.of(1, AnnotationCode.NOTE, "a".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Annotation.of(1, AnnotationCode.NOTE, "snow \u2603"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+2603");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void nothingIsLeftBehindWithoutFinishAndFinishReplacesAtomically() throws IOException {
        Path file = dir.resolve("out.qrs");
        Files.writeString(file, "old");
        try (AnnotationWriter w = AnnotationWriter.create(file)) {
            w.write(Annotation.of(1, AnnotationCode.NORMAL));
            // no finish(): an exception would leave the try block here
        }
        assertThat(Files.readString(file)).isEqualTo("old");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file); // the temporary file is gone
        }
        try (AnnotationWriter w = AnnotationWriter.create(file)) {
            w.write(Annotation.of(1, AnnotationCode.NORMAL));
            w.finish();
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(words(1 << 10 | 1, 0));
        // the file gets the permissions of any new file here, not a temporary file's owner-only ones
        Path plain = Files.createFile(dir.resolve("plain"));
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
        }
        Annotations.write(dir.resolve("sub/dir/rec"), "qrs", List.of(Annotation.of(1, AnnotationCode.NORMAL)));
        assertThat(dir.resolve("sub/dir/rec.qrs")).exists(); // missing directories are created
    }

    @Test
    void timeResolutionIsWrittenAsCPrintfG12AndReadBack() throws IOException {
        for (double f : new double[] {360, 62.4725, 1.0 / 3, 1e15}) {
            Path file = dir.resolve("res.ann");
            AnnotationWriter.writeFile(file, new AnnotationFile(List.of(Annotation.of(1, AnnotationCode.NORMAL)),
                    List.of(), OptionalDouble.of(f)));
            AnnotationFile back = AnnotationReader.readFile(file);
            assertThat(back.timeResolution().getAsDouble()).isCloseTo(f, org.assertj.core.api.Assertions.within(f * 1e-12));
        }
        assertThat(MitAnnotationFormat.timeResolutionText(62.4725)).isEqualTo("## time resolution: 62.4725");
        assertThat(MitAnnotationFormat.timeResolutionText(1.0 / 3)).isEqualTo("## time resolution: 0.333333333333");
        assertThat(MitAnnotationFormat.timeResolutionText(1e15)).isEqualTo("## time resolution: 1e+15");
    }

    static AnnotationFile randomFile(SplittableRandom random) {
        List<AnnotationCode> definitions = new ArrayList<>();
        if (random.nextBoolean()) {
            definitions.add(new AnnotationCode(42, "CAL", random.nextBoolean() ? "Calibration" : null));
            definitions.add(new AnnotationCode(15, "c", ""));
        }
        OptionalDouble resolution = random.nextInt(3) == 0 ? OptionalDouble.of(500) : OptionalDouble.empty();
        int n = random.nextInt(1, 60);
        List<Annotation> annotations = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < n; i++) {
            t += switch (random.nextInt(6)) {
                case 0 -> 0;
                case 1 -> random.nextLong(1024, 1L << 34);         // SKIPs, several beyond 2^31
                case 2 -> -random.nextLong(0, 1L << 32);           // backward, across 2^31
                default -> random.nextLong(1, 1024);
            };
            int code = random.nextInt(0, AnnotationCode.MAX_CODE + 1);
            AnnotationCode type = definitions.stream().filter(d -> d.code() == code).findFirst()
                    .orElse(AnnotationCode.standard(code));
            String aux = switch (random.nextInt(4)) {
                case 0 -> null;
                case 1 -> "";
                default -> randomAux(random);
            };
            annotations.add(new Annotation(t, type, random.nextInt(-128, 128), random.nextInt(0, 256),
                    random.nextInt(-128, 128), aux));
        }
        return new AnnotationFile(annotations, definitions, resolution);
    }

    private static String randomAux(SplittableRandom random) {
        char[] text = new char[random.nextInt(1, 256)];
        for (int i = 0; i < text.length; i++) {
            text[i] = (char) random.nextInt(1, 256);
        }
        return new String(text);
    }
}
