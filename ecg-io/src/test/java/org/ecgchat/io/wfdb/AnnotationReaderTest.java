package org.ecgchat.io.wfdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AnnotationReaderTest {

    @TempDir
    Path dir;

    static java.util.stream.Stream<AnnotationCorpus.Case> corpus() {
        return AnnotationCorpus.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void readsEveryCorpusFileAsRdannListsIt(AnnotationCorpus.Case c) throws IOException {
        List<AnnotationCorpus.RdannLine> expected = AnnotationCorpus.parseRdann(c.rdannOutput());
        List<Annotation> actual = AnnotationReader.readFile(c.annotationFile()).inSamples(c.samplingFrequency());

        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            AnnotationCorpus.RdannLine e = expected.get(i);
            Annotation a = actual.get(i);
            String where = c + ", annotation " + i;
            assertThat(a.sample()).as(where).isEqualTo(e.sample());
            assertThat(a.mnemonic()).as(where).isEqualTo(e.mnemonic());
            assertThat(a.subtype()).as(where).isEqualTo(e.subtype());
            assertThat(a.chan()).as(where).isEqualTo(e.chan());
            assertThat(a.num()).as(where).isEqualTo(e.num());
            assertThat(a.aux()).as(where).isEqualTo(e.aux());
        }
    }

    @Test
    void skipsReachSampleTenToTheTen() throws IOException {
        Path root = Corpus.root();
        AnnotationFile huge = AnnotationReader.readFile(root.resolve("wfdb-python/sample-data/huge.qrs"));
        assertThat(huge.annotations()).containsExactly(Annotation.of(10_000_000_000L, AnnotationCode.NORMAL));
        assertThat(huge.definitions()).isEmpty();
        assertThat(huge.timeResolution()).isEmpty();
    }

    @Test
    void customTypeDefinitionsGiveTheirMnemonicsAndDescriptions() throws IOException {
        Path root = Corpus.root();
        try (AnnotationReader r = AnnotationReader.open(root.resolve("wfdb-python/sample-data/1003.atr"))) {
            assertThat(r.definitions()).containsExactly(
                    new AnnotationCode(15, "c", "calibration pulse\n"),
                    new AnnotationCode(17, "#", "pressure line flushed\n"),
                    new AnnotationCode(20, "x", "signal source change\n"),
                    new AnnotationCode(21, "w", "wedge recording (PCW)\n"),
                    new AnnotationCode(23, "*", "pop test\n"),
                    new AnnotationCode(24, "z", "zero pressure\n"));
            // 9 notes: start marker, 6 definitions, end marker, and the null annotation after them
            assertThat(r.headerNotes()).hasSize(9);
            assertThat(r.headerNotes().get(0).aux()).isEqualTo("## annotation type definitions");
            assertThat(r.headerNotes().get(8).type()).isEqualTo(AnnotationCode.NOTQRS);
            assertThat(r.read()).isEqualTo(Annotation.of(73, AnnotationCode.NORMAL, " "));
        }
        AnnotationFile wabp = AnnotationReader.readFile(root.resolve("wfdb-python/sample-data/12726.wabp"));
        AnnotationCode cal = new AnnotationCode(42, "CAL", "Calibration");
        assertThat(wabp.definitions()).containsExactly(cal);
        assertThat(wabp.annotations()).filteredOn(a -> a.code() == 42).isNotEmpty().allMatch(a -> a.type().equals(cal));
    }

    @Test
    void timeResolutionNoteScalesTimesToSamples() throws IOException {
        Path root = Corpus.root();
        AnnotationFile gqrsh = AnnotationReader.readFile(root.resolve("wfdb-python/sample-data/03700181.gqrsh"));
        assertThat(gqrsh.timeResolution()).isEqualTo(OptionalDouble.of(500));
        // The note after the header is data: it follows the null annotation that ends the header.
        Annotation first = gqrsh.annotations().get(0);
        assertThat(first).isEqualTo(Annotation.of(0, AnnotationCode.NOTE, "gqrs -H -r 03700181 -o gqrsh"));
        Annotation second = gqrsh.annotations().get(1);
        assertThat(second.sample()).isEqualTo(1062);
        assertThat(gqrsh.inSamples(125).get(1).sample()).isEqualTo(266); // 265.5 rounds up
    }

    @Test
    void facadeConvertsTicksToSamplesWithTheRecordHeader() throws IOException {
        // 03700181.gqrsh counts 500 ticks/s; the record's header says 125 frames/s
        List<Annotation> samples = Annotations.read(Corpus.sample("03700181"), "gqrsh");
        List<AnnotationCorpus.RdannLine> expected = AnnotationCorpus.parseRdann(
                Corpus.path("regenerated-wfdb-c-10.7.0/extra/03700181.gqrsh.rdann.txt"));
        assertThat(samples).extracting(Annotation::sample)
                .containsExactlyElementsOf(expected.stream().map(AnnotationCorpus.RdannLine::sample).toList());
        // without its header the ticks cannot be converted: say so rather than guess 250 Hz
        Path lonely = dir.resolve("lonely");
        Files.copy(Corpus.sample("03700181.gqrsh"), dir.resolve("lonely.gqrsh"));
        assertThatThrownBy(() -> Annotations.read(lonely, "gqrsh"))
                .isInstanceOf(WfdbMissingFileException.class).hasMessageContaining("lonely.hea");
    }

    @Test
    void auxTextEndsAtItsFirstNulByte() throws IOException {
        // 100s.atr stores "(N" as three bytes "(N\0"; WFDB programs see "(N".
        AnnotationFile f = AnnotationReader.readFile(Corpus.root().resolve("wfdb-c/data/100s.atr"));
        assertThat(f.annotations().get(0)).isEqualTo(Annotation.of(18, AnnotationCode.RHYTHM, "(N"));
    }

    @Test
    void pseudoAnnotationsSetSubtypeForOneAndChanNumForAllLater() throws IOException {
        byte[] file = words(
                1 << 10 | 5, 61 << 10 | 1023, 62 << 10 | 3, 60 << 10 | 200,   // N at 5, sub -1, chan 3, num 200 -> -56
                5 << 10 | 10,                                                // V at 15 keeps chan 3 and num -56
                0);
        List<Annotation> all = readAll(file);
        assertThat(all).containsExactly(
                new Annotation(5, AnnotationCode.NORMAL, -1, 3, -56, null),
                new Annotation(15, AnnotationCode.PVC, 0, 3, -56, null));
    }

    @Test
    void oddLengthAuxIsPaddedToAWord() throws IOException {
        byte[] file = bytes(words(28 << 10 | 7, 63 << 10 | 3), new byte[] {'(', 'A', 'B', 0}, words(1 << 10 | 1, 0));
        assertThat(readAll(file)).containsExactly(
                Annotation.of(7, AnnotationCode.RHYTHM, "(AB"), Annotation.of(8, AnnotationCode.NORMAL));
    }

    @Test
    void negativeSkipsMoveTimeBackward() throws IOException {
        byte[] file = words(1 << 10 | 100, 59 << 10, 0xFFFF, 0xFFCE, 5 << 10, 0); // N at 100, SKIP -50, V at 50
        assertThat(readAll(file)).extracting(Annotation::sample).containsExactly(100L, 50L);
    }

    @Test
    void truncatedFilesReportFileAndByteOffsetAfterTheCompleteAnnotations() throws IOException {
        // every cut point of files holding each structure: header notes and definitions (1003.atr),
        // SKIP/CHN/AUX (12726.anI), chained SKIPs (huge.qrs), a time resolution note (100s.wra)
        Path name = Path.of("cut.atr");
        for (String file : List.of("wfdb-python/sample-data/1003.atr", "wfdb-python/sample-data/12726.anI",
                "wfdb-python/sample-data/huge.qrs", "wfdb-c/checkpkg/expected/100s.wra")) {
            Path source = Corpus.path(file);
            byte[] whole = Files.readAllBytes(source);
            List<Annotation> full = AnnotationReader.readFile(source).annotations();
            for (int length = 0; length < Math.min(whole.length, 1200); length++) {
                byte[] cut = Arrays.copyOf(whole, length);
                List<Annotation> got = new ArrayList<>();
                WfdbFormatException e = null;
                try (AnnotationReader r = AnnotationReader.open(new ByteArrayInputStream(cut), name)) {
                    for (Annotation a = r.read(); a != null; a = r.read()) {
                        got.add(a);
                    }
                } catch (WfdbFormatException thrown) {
                    e = thrown;
                }
                String where = file + " cut to " + length + " bytes";
                assertThat(e).as(where).isNotNull();
                assertThat(e.getMessage()).as(where).startsWith("cut.atr: byte ").contains("truncated");
                long at = Long.parseLong(e.location().substring("byte ".length()));
                assertThat(at).as(where).isBetween(length - 256L, (long) length);
                assertThat(got).as(where).isEqualTo(full.subList(0, got.size()));
            }
        }
    }

    @Test
    void headerNoteQuirksFollowGetann() throws IOException {
        // a time-0 note with aux is header; one without aux that ends the file is returned after all
        byte[] noteWithAux = bytes(words(22 << 10, 63 << 10 | 3), new byte[] {'f', 'o', 'o', 0}, words(0));
        try (AnnotationReader r = AnnotationReader.open(new ByteArrayInputStream(noteWithAux), Path.of("a"))) {
            assertThat(r.read()).isNull();
            assertThat(r.headerNotes()).containsExactly(Annotation.of(0, AnnotationCode.NOTE, "foo"));
        }
        assertThat(readAll(words(22 << 10, 0))).containsExactly(Annotation.of(0, AnnotationCode.NOTE));
        // the first annotation after the notes is dropped when it is a null annotation, wherever it is
        try (AnnotationReader r = AnnotationReader.open(new ByteArrayInputStream(words(5, 1 << 10 | 5, 0)), Path.of("b"))) {
            assertThat(r.read()).isEqualTo(Annotation.of(10, AnnotationCode.NORMAL));
            assertThat(r.headerNotes()).containsExactly(Annotation.of(5, AnnotationCode.NOTQRS));
        }
    }

    @Test
    void pseudoAnnotationBeforeTheFirstAnnotationIsRefused() throws IOException {
        try (AnnotationReader r = AnnotationReader.open(new ByteArrayInputStream(words(60 << 10 | 3, 1 << 10 | 5, 0)), Path.of("c.atr"))) {
            assertThatThrownBy(r::read).isInstanceOf(WfdbFormatException.class)
                    .hasMessageStartingWith("c.atr: byte 0: pseudo-annotation word 0xF003 (code 60)");
        }
    }

    @Test
    void missingFileIsReportedAsMissing() {
        assertThatThrownBy(() -> Annotations.read(Path.of("no/such/record"), "atr"))
                .isInstanceOf(WfdbMissingFileException.class)
                .hasMessageContaining("record.atr");
    }

    static List<Annotation> readAll(byte[] file) throws IOException {
        try (AnnotationReader r = AnnotationReader.open(new ByteArrayInputStream(file), Path.of("test.atr"))) {
            return r.readAll().annotations();
        }
    }

    /** 16-bit little-endian words. */
    static byte[] words(int... words) {
        byte[] b = new byte[words.length * 2];
        for (int i = 0; i < words.length; i++) {
            b[2 * i] = (byte) words[i];
            b[2 * i + 1] = (byte) (words[i] >>> 8);
        }
        return b;
    }

    static byte[] bytes(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
