package org.ecgchat.io.dataset.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.ecgchat.io.dataset.DatasetFormatException;
import org.ecgchat.io.wfdb.Wfdb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directory and archive conversion: parallel, resumable, failures listed, nothing outside the target. */
class DatasetConverterTest {
    @TempDir
    Path tmp;

    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final DatasetConverter.Listener listener = (s, o, m) -> events.add(s.relativePath() + " " + o);

    private DatasetConverter sph(int threads) {
        return new DatasetConverter(new SphHdf5Converter(), DatasetConverter.Options.defaults().withThreads(threads));
    }

    private Path sphTree() throws IOException {
        Path in = tmp.resolve("in");
        for (int k = 1; k <= 6; k++) {
            Sources.sph(in.resolve(k <= 3 ? "a" : "b").resolve(String.format("A%05d.h5", k)), 12, 500, k);
        }
        Files.writeString(in.resolve("a/notes.txt"), "not a source");
        return in;
    }

    @Test
    void convertsADirectoryInParallelMirroringFolders() throws IOException {
        Path out = tmp.resolve("out");
        DatasetConverter.Summary s = sph(3).convert(sphTree(), out, listener);
        assertThat(s.converted()).isEqualTo(6);
        assertThat(s.ok()).isTrue();
        assertThat(Wfdb.read(out.resolve("b/A00005")).digital(0)[3]).isEqualTo(Sources.microvolts(5, 0, 3));
        assertThat(out.resolve("a/A00001.hea")).exists();
        assertThat(events).hasSize(6).allMatch(e -> e.endsWith("CONVERTED"));
        DatasetConverter flat = new DatasetConverter(new SphHdf5Converter(),
                DatasetConverter.Options.defaults().withThreads(2).withFlat(true));
        assertThat(flat.convert(sphTree0(), tmp.resolve("flat"), listener).converted()).isEqualTo(6);
        assertThat(tmp.resolve("flat/A00006.dat")).exists();
    }

    private Path sphTree0() {
        return tmp.resolve("in");
    }

    @Test
    void aSecondRunSkipsCompleteRecordsAndRedoesDamagedOnes() throws IOException {
        Path in = sphTree();
        Path out = tmp.resolve("out");
        sph(2).convert(in, out, listener);
        // damage one record: truncated signal file
        Path dat = out.resolve("a/A00002.dat");
        Files.write(dat, java.util.Arrays.copyOf(Files.readAllBytes(dat), 100));
        Files.delete(out.resolve("b/A00006.hea"));
        events.clear();
        DatasetConverter.Summary again = sph(2).convert(in, out, listener);
        assertThat(again.skipped()).isEqualTo(4);
        assertThat(again.converted()).isEqualTo(2);
        assertThat(events).contains("a/A00002.h5 CONVERTED", "b/A00006.h5 CONVERTED", "a/A00001.h5 SKIPPED");
        assertThat(Wfdb.read(out.resolve("a/A00002")).digital()[11][499]).isEqualTo(Sources.microvolts(2, 11, 499));
    }

    @Test
    void aBadSourceIsListedAndTheOthersAreConverted() throws IOException {
        Path in = sphTree();
        Files.writeString(in.resolve("a/A00002.h5"), "garbage");
        DatasetConverter.Summary s = sph(2).convert(in, tmp.resolve("out"), listener);
        assertThat(s.converted()).isEqualTo(5);
        assertThat(s.failures()).singleElement().satisfies(f -> {
            assertThat(f.source()).endsWith("A00002.h5");
            assertThat(f.message()).contains("not a readable HDF5 file");
        });
        try (Stream<Path> files = Files.walk(tmp.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("A00002") || n.endsWith(".tmp"));
        }
    }

    @Test
    void convertsZipAndTarGzArchivesWithoutExtractingThem() throws IOException {
        Path h5 = Sources.sph(tmp.resolve("src/A00007.h5"), 12, 400, 7);
        Path zip = tmp.resolve("records.zip");
        try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(Files.newOutputStream(zip))) {
            z.putArchiveEntry(new ZipArchiveEntry("records/A00007.h5"));
            z.write(Files.readAllBytes(h5));
            z.closeArchiveEntry();
        }
        Path tgz = tmp.resolve("records.tar.gz");
        writeTarGz(tgz, "./records/A00007.h5", Files.readAllBytes(h5));
        for (Path archive : List.of(zip, tgz)) {
            Path out = tmp.resolve("out-" + archive.getFileName());
            DatasetConverter.Summary s = sph(2).convert(archive, out, listener);
            assertThat(s.converted()).isEqualTo(1);
            assertThat(Wfdb.read(out.resolve("records/A00007")).digital(4)[5]).isEqualTo(Sources.microvolts(7, 4, 5));
        }
    }

    @Test
    void archiveEntriesThatWouldLeaveTheTargetFolderAreRefused() throws IOException {
        byte[] h5 = Files.readAllBytes(Sources.sph(tmp.resolve("src/A00008.h5"), 12, 100, 8));
        Path target = tmp.resolve("deep/out");
        for (String evil : List.of("../evil.h5", "records/../../evil.h5", "/tmp/evil.h5", "C:/evil.h5")) {
            Path zip = tmp.resolve("slip.zip");
            try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(Files.newOutputStream(zip))) {
                z.putArchiveEntry(new ZipArchiveEntry(evil));
                z.write(h5);
                z.closeArchiveEntry();
            }
            assertThatThrownBy(() -> sph(1).convert(zip, target, listener))
                    .isInstanceOf(DatasetFormatException.class)
                    .hasMessageContaining("entry " + evil + ": its path would leave the target folder");
            Path tgz = tmp.resolve("slip.tar.gz");
            writeTarGz(tgz, evil, h5);
            assertThatThrownBy(() -> sph(1).convert(tgz, target, listener))
                    .hasMessageContaining("its path would leave the target folder");
        }
        assertThat(tmp.resolve("deep/evil.hea")).doesNotExist();
        assertThat(tmp.resolve("evil.hea")).doesNotExist();
        assertThat(Path.of("/tmp/evil.hea")).doesNotExist();
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void missingInputIsNamed() {
        assertThatThrownBy(() -> sph(1).convert(tmp.resolve("nope"), tmp.resolve("out"), listener))
                .hasMessageContaining("nope: input does not exist");
    }

    private static void writeTarGz(Path file, String name, byte[] content) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
             TarArchiveOutputStream t = new TarArchiveOutputStream(new GZIPOutputStream(raw))) {
            TarArchiveEntry e = new TarArchiveEntry(name, true);
            e.setSize(content.length);
            t.putArchiveEntry(e);
            t.write(content);
            t.closeArchiveEntry();
        }
    }
}
