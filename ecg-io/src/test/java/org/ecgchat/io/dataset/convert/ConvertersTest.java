package org.ecgchat.io.dataset.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ecgchat.io.dataset.DatasetFormatException;
import org.ecgchat.io.wfdb.SignalSpec;
import org.ecgchat.io.wfdb.Wfdb;
import org.ecgchat.io.wfdb.WfdbRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;

/** SPH HDF5 and CPSC2018 MATLAB files become 12-lead, 500 Hz, gain-1000 WFDB records, sample for sample. */
class ConvertersTest {
    @TempDir
    Path dir;

    private static void assertStandard(WfdbRecord r, int format, int n) {
        assertThat(r.samplingFrequency()).isEqualTo(500);
        assertThat(r.length()).isEqualTo(n);
        assertThat(r.signalNames()).isEqualTo(RecordConverter.LEADS);
        for (SignalSpec s : r.header().signals()) {
            assertThat(s.format()).isEqualTo(format);
            assertThat(s.gain()).isEqualTo(1000);
            assertThat(s.units()).isEqualTo("mV");
        }
    }

    private static void assertMicrovolts(WfdbRecord r, int seed) {
        int[][] d = r.digital();
        for (int l = 0; l < 12; l++) {
            for (int i = 0; i < d[l].length; i++) {
                if (d[l][i] != Sources.microvolts(seed, l, i)) {
                    throw new AssertionError("lead " + l + " sample " + i + ": " + d[l][i] + " != "
                            + Sources.microvolts(seed, l, i));
                }
            }
        }
    }

    @Test
    void sphFloatMillivoltsBecomeExactMicrovoltsInFormat32() throws IOException {
        Path h5 = Sources.sph(dir.resolve("A00001.h5"), 12, 5000, 3);
        WfdbRecord r = new SphHdf5Converter().convert("A00001", Files.readAllBytes(h5), h5.toString());
        assertStandard(r, 32, 5000);
        assertMicrovolts(r, 3);
        // and the written record reads back identically
        Wfdb.write(dir, r);
        WfdbRecord back = Wfdb.read(dir.resolve("A00001"));
        assertThat(back.digital()).isDeepEqualTo(r.digital());
        assertThat(back.physical()[1][7]).isEqualTo(Sources.microvolts(3, 1, 7) / 1000.0);
    }

    @Test
    void sphFilesOfTheWrongShapeOrWithoutEcgAreRefusedByName() throws IOException {
        SphHdf5Converter c = new SphHdf5Converter();
        Path transposed = Sources.hdf(dir.resolve("t.h5"), "ecg", new float[100][12]);
        assertThatThrownBy(() -> c.convert("t", Files.readAllBytes(transposed), transposed.toString()))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("t.h5: dataset /ecg: shape [100, 12], expected [12, samples]");
        Path eight = Sources.sph(dir.resolve("e.h5"), 8, 100, 0);
        assertThatThrownBy(() -> c.convert("e", Files.readAllBytes(eight), eight.toString()))
                .hasMessageContaining("shape [8, 100]");
        Path other = Sources.hdf(dir.resolve("o.h5"), "signal", new float[12][10]);
        assertThatThrownBy(() -> c.convert("o", Files.readAllBytes(other), other.toString()))
                .hasMessageContaining("no dataset 'ecg' (found [signal])");
        assertThatThrownBy(() -> c.convert("g", "not hdf5 at all".getBytes(), "g.h5"))
                .isInstanceOf(DatasetFormatException.class).hasMessageContaining("g.h5: not a readable HDF5 file");
        Path longOne = Sources.sph(dir.resolve("l.h5"), 12, 600, 0);
        assertThatThrownBy(() -> new SphHdf5Converter(500).convert("l", Files.readAllBytes(longOne), "l.h5"))
                .hasMessageContaining("600 samples per lead, expected 1..500");
    }

    @Test
    void cpscValIsCopiedSampleForSampleIntoFormat16() throws IOException {
        Path mat = Sources.cpscVal(dir.resolve("A0001.mat"), 12, 3000, 5);
        WfdbRecord r = new Cpsc2018MatConverter().convert("A0001", Files.readAllBytes(mat), mat.toString());
        assertStandard(r, 16, 3000);
        assertMicrovolts(r, 5);
    }

    @Test
    void cpscStructDataInMillivoltsIsRoundedToMicrovolts() throws IOException {
        Path mat = Sources.cpscStruct(dir.resolve("A0002.mat"), 2500, 9, 1);
        WfdbRecord r = new Cpsc2018MatConverter().convert("A0002", Files.readAllBytes(mat), mat.toString());
        assertStandard(r, 16, 2500);
        assertMicrovolts(r, 9);
        Path big = Sources.cpscStruct(dir.resolve("A0003.mat"), 100, 9, 20);
        assertThat(new Cpsc2018MatConverter().convert("A0003", Files.readAllBytes(big), big.toString())
                .header().signals().get(0).format()).isEqualTo(32);
    }

    @Test
    void cpscFilesWithoutTwelveLeadsOrTheVariableAreRefusedByName() throws IOException {
        Cpsc2018MatConverter c = new Cpsc2018MatConverter();
        Path eight = Sources.cpscVal(dir.resolve("E.mat"), 8, 100, 0);
        assertThatThrownBy(() -> c.convert("E", Files.readAllBytes(eight), eight.toString()))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("E.mat: variable val: 8 × 100, expected 12 leads × samples");
        Path none = Sources.mat(dir.resolve("N.mat"), Mat5.newMatFile().addArray("x", Mat5.newScalar(1)));
        assertThatThrownBy(() -> c.convert("N", Files.readAllBytes(none), none.toString()))
                .hasMessageContaining("no variable 'val' or struct 'ECG' with field 'data' (found [x])");
        assertThatThrownBy(() -> c.convert("G", new byte[200], "G.mat"))
                .isInstanceOf(DatasetFormatException.class).hasMessageContaining("G.mat: not a readable MATLAB 5 file");
    }
}
