package org.ecgchat.io.wfdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.ecgchat.io.EcgIoException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad input gets its own exception naming the file and place. */
class WfdbBadInputTest {
    @TempDir
    Path dir;

    private Path copy100s() throws Exception {
        for (String f : new String[] {"100s.hea", "100s.dat"}) {
            Files.copy(Corpus.path("wfdb-c/data/" + f), dir.resolve(f));
        }
        return dir.resolve("100s");
    }

    @Test
    void truncatedSignalFile() throws Exception {
        Path rec = copy100s();
        byte[] dat = Files.readAllBytes(dir.resolve("100s.dat"));
        Files.write(dir.resolve("100s.dat"), Arrays.copyOf(dat, dat.length / 2));
        assertThatThrownBy(() -> Wfdb.read(rec)).isInstanceOf(WfdbFormatException.class)
                .hasMessageContaining("100s.dat").hasMessageContaining("truncated")
                .hasMessageContaining("10800 frames").hasMessageContaining("21600");
        try (WfdbReader r = Wfdb.open(rec)) {
            assertThat(r.readDigital(0, 100, 0)[0]).hasSize(100);
        }
    }

    @Test
    void missingSignalFile() throws Exception {
        Path rec = copy100s();
        Files.delete(dir.resolve("100s.dat"));
        assertThatThrownBy(() -> Wfdb.read(rec)).isInstanceOf(WfdbMissingFileException.class)
                .hasMessageContaining("100s.dat").hasMessageContaining("does not exist");
    }

    @Test
    void missingSegmentHeader() throws Exception {
        try (WfdbReader r = Wfdb.open(Corpus.path("wfdb-c/checkpkg/input/237s"))) {
            assertThat(r.readDigital(0, 2500)).hasNumberOfRows(6);
            assertThatThrownBy(() -> r.readDigital(2000, 3000)).isInstanceOf(WfdbMissingFileException.class)
                    .hasMessageContaining("missing.hea");
        }
    }

    @Test
    void headerClaimingTwoToTheFortySamplesAllocatesNothing() throws Exception {
        Path rec = copy100s();
        String text = Files.readString(dir.resolve("100s.hea")).replace("100s 2 360 21600", "100s 2 360 1099511627776");
        Files.writeString(dir.resolve("100s.hea"), text);
        assertThatThrownBy(() -> Wfdb.read(rec)).isInstanceOf(EcgIoException.class)
                .hasMessageContaining("1099511627776");
        try (WfdbReader r = Wfdb.open(rec)) {
            assertThat(r.length()).isEqualTo(1L << 40);
            assertThatThrownBy(() -> r.readDigital(0, 1 << 20)).isInstanceOf(WfdbFormatException.class)
                    .hasMessageContaining("truncated");
        }
        Files.writeString(dir.resolve("layout.hea"), "layout 1 360 0\n~ 0 200 12 0 0 0 0 ECG\n");
        Files.writeString(dir.resolve("gap.hea"), "gap/2 1 360 1099511627776\nlayout 0\n~ 1099511627776\n");
        assertThatThrownBy(() -> Wfdb.read(dir.resolve("gap"))).isInstanceOf(EcgIoException.class)
                .hasMessageContaining("more samples than a whole-record read may hold");
    }

    @Test
    void unknownFormat() throws Exception {
        Files.writeString(dir.resolve("u.hea"), "u 1 250 10\nu.dat 7 200 12 0 0 0 0 x\n");
        assertThatThrownBy(() -> Wfdb.readHeader(dir.resolve("u"))).isInstanceOf(WfdbFormatException.class)
                .hasMessageContaining("u.hea").hasMessageContaining("line 2, format")
                .hasMessageContaining("unsupported signal format 7");
    }

    @Test
    void binaryDataGivenAsHeader() throws Exception {
        Files.copy(Corpus.path("wfdb-c/data/100s.dat"), dir.resolve("b.hea"));
        assertThatThrownBy(() -> Wfdb.readHeader(dir.resolve("b"))).isInstanceOf(WfdbFormatException.class)
                .hasMessageContaining("b.hea").hasMessageContaining("control character");
    }

    @Test
    void impossibleHeaderValues() throws Exception {
        String[][] cases = {
            {"x 1 0 10\nx.dat 16\n", "line 1, sampling frequency"},
            {"x -1 250\n", "line 1, number of signals"},
            {"x 1 250 -5\nx.dat 16\n", "line 1, number of samples"},
            {"x 1 250 10 25:00:00\nx.dat 16\n", "line 1, base time"},
            {"x 1 250 10 10:00:00 31/13/2020\nx.dat 16\n", "line 1, base date"},
            {"x 1 250 10\nx.dat 16:-3\n", "line 2, format"},
            {"x 1 250 10\nx.dat 16x2000000 200\n", "line 2, samples per frame"},
            {"x 2 250 10\nx.dat 16\nx.dat 212\n", "line 3, format"},
            {"x/2 1 250 10\nseg1 5\n", "segment 1"},
        };
        for (String[] c : cases) {
            Files.writeString(dir.resolve("x.hea"), c[0], StandardCharsets.ISO_8859_1);
            assertThatThrownBy(() -> Wfdb.readHeader(dir.resolve("x"))).as(c[0])
                    .isInstanceOf(WfdbFormatException.class).hasMessageContaining("x.hea").hasMessageContaining(c[1]);
        }
    }

    @Test
    void checksumMismatchWarnsOrFails() throws Exception {
        Path rec = copy100s();
        String text = Files.readString(dir.resolve("100s.hea")).replace(" 21537 ", " 21538 ");
        Files.writeString(dir.resolve("100s.hea"), text);
        assertThat(Wfdb.read(rec).digital(0)).hasSize(21600);
        assertThatThrownBy(() -> Wfdb.read(rec, WfdbReadOptions.DEFAULT.withChecksums(ChecksumPolicy.STRICT)))
                .isInstanceOf(WfdbChecksumException.class).hasMessageContaining("100s.dat")
                .hasMessageContaining("signal 0").hasMessageContaining("21538");
    }

    @Test
    void uncheckedChecksumsModulo65536() throws Exception {
        // PTB-XL writes some checksums unsigned (64758 = -778 modulo 2^16)
        assertThat(Wfdb.read(Corpus.path("ecg-image-kit/PTB_XL_data/00001_lr"),
                WfdbReadOptions.DEFAULT.withChecksums(ChecksumPolicy.STRICT)).length()).isEqualTo(1000);
    }
}
