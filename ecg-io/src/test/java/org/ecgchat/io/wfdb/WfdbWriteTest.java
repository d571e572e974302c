package org.ecgchat.io.wfdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Writing then reading gives back every sample; files match what WFDB C writes. */
class WfdbWriteTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {8, 16, 24, 32, 61, 80, 160, 212, 310, 311, 508, 516, 524})
    void writeThenReadIsBitExact(int format) throws Exception {
        SignalFormat f = SignalFormat.of(format);
        SplittableRandom random = new SplittableRandom(format);
        int[] lengths = {0, 1, 2, 3, 4, 5, 7, 1000, 9000};
        for (int n : lengths) {
            int signals = 3;
            int[][] d = new int[signals][n];
            for (int s = 0; s < signals; s++) {
                int v = 0;
                for (int i = 0; i < n; i++) {
                    if (f == SignalFormat.DIFFERENCE_8) {
                        v = Math.max(-30000, Math.min(30000, v + random.nextInt(-128, 128)));
                        d[s][i] = v;
                    } else if (i % 97 == 5) {
                        d[s][i] = WfdbRecord.INVALID_SAMPLE;
                    } else {
                        d[s][i] = (int) random.nextLong(f.minValue() + 1L, f.maxValue() + 1L);
                    }
                }
                if (n > 2 && f != SignalFormat.DIFFERENCE_8) {
                    d[s][0] = f.maxValue();
                    d[s][1] = f.minValue() + 1;
                }
            }
            List<SignalSpec> specs = new ArrayList<>();
            for (int s = 0; s < signals; s++) {
                specs.add(SignalSpec.of("r" + n + ".dat", format, 100, "mV", "sig" + s));
            }
            WfdbRecord rec = new WfdbRecord(WfdbHeader.of("r" + n, 250, n, specs), d);
            Wfdb.write(dir, rec);
            WfdbRecord back = Wfdb.read(dir.resolve("r" + n), WfdbReadOptions.DEFAULT.withChecksums(ChecksumPolicy.STRICT));
            assertThat(back.digital()).as("format %d, %d samples", format, n).isDeepEqualTo(d);
            assertThat(back.header().signals()).extracting(SignalSpec::checksum)
                    .isEqualTo(rec.withComputedChecksums().header().signals().stream().map(SignalSpec::checksum).toList());
        }
    }

    @Test
    void reproducesWfdbCWrsampOutput() throws Exception {
        // 100w = wrsamp -o 100w -F 360 -O 212 -x 200 1 2 < rdsamp.out
        Path expected = Corpus.path("wfdb-c/checkpkg/expected");
        List<String[]> rows = Corpus.table(expected.resolve("rdsamp.out"));
        rows = rows.subList(2, rows.size());
        double[][] mv = new double[2][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            mv[0][i] = Double.parseDouble(rows.get(i)[1]);
            mv[1][i] = Double.parseDouble(rows.get(i)[2]);
        }
        WfdbRecord rec = WfdbRecord.fromPhysical("100w", 360, List.of("MLII", "V5"), "mV", 200, 212, mv);
        Wfdb.write(dir, rec);
        assertThat(Files.readAllBytes(dir.resolve("100w.dat"))).isEqualTo(Files.readAllBytes(expected.resolve("100w.dat")));
        assertThat(Files.readString(dir.resolve("100w.hea"))).isEqualTo(Files.readString(expected.resolve("100w.hea")));
    }

    @Test
    void reproducesWfdbCollateMultiSegmentOutput() throws Exception {
        // wfd* = wfdbcollate -s 100s -o wfd -l 30: two 30 s segments of 100s, the second with base time 0:30
        Path expected = Corpus.path("wfdb-c/checkpkg/expected");
        WfdbRecord whole = Wfdb.read(Corpus.path("wfdb-c/data/100s"));
        List<WfdbRecord> segments = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            String name = "wfd0000" + (k + 1);
            int[][] d = new int[2][];
            List<SignalSpec> specs = new ArrayList<>();
            for (int s = 0; s < 2; s++) {
                d[s] = Arrays.copyOfRange(whole.digital(s), k * 10800, (k + 1) * 10800);
                SignalSpec spec = whole.header().signals().get(s);
                specs.add(new SignalSpec(name + ".dat", spec.format(), 1, 0, 0, spec.gain(), spec.baseline(),
                        spec.units(), spec.adcResolution(), spec.adcZero(), 0, OptionalInt.empty(), 0,
                        spec.description()));
            }
            WfdbHeader h = WfdbHeader.of(name, 360, 10800, specs).withBaseTime(
                    k == 0 ? Optional.empty() : Optional.of(LocalTime.of(0, 0, 30)),
                    Optional.empty());
            segments.add(new WfdbRecord(h, d));
        }
        Wfdb.writeMultiSegment(dir, "wfd", segments);
        for (String f : new String[] {"wfd.hea", "wfd00001.hea", "wfd00001.dat", "wfd00002.hea", "wfd00002.dat"}) {
            assertThat(Files.readAllBytes(dir.resolve(f))).as(f).isEqualTo(Files.readAllBytes(expected.resolve(f)));
        }
        assertThat(Wfdb.read(dir.resolve("wfd")).digital()).isDeepEqualTo(whole.digital());
    }

    @Test
    void fromPhysicalQuantisesAndMarksNaNInvalid() throws Exception {
        double[][] mv = {{0.0004, -0.0005, 1.2345, Double.NaN}};
        WfdbRecord rec = WfdbRecord.fromPhysical("q", 500, List.of("I"), "mV", 1000, 32, mv);
        assertThat(rec.digital()[0]).containsExactly(0, -1, 1235, WfdbRecord.INVALID_SAMPLE);
        Wfdb.write(dir, rec);
        double[] back = Wfdb.read(dir.resolve("q")).physical()[0];
        assertThat(back[2]).isEqualTo(1.235);
        assertThat(back[3]).isNaN();
    }

    @Test
    void refusesValuesOutsideTheFormat() {
        double[][] mv = {{5.0}};
        assertThatThrownBy(() -> WfdbRecord.fromPhysical("q", 500, List.of("I"), "mV", 1000, 212, mv))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside format 212");
    }

    @Test
    void leavesNoTemporaryFiles() throws Exception {
        WfdbRecord rec = WfdbRecord.fromPhysical("t", 500, List.of("I"), "mV", 1000, 16, new double[][] {{1, 2, 3}});
        Wfdb.write(dir, rec);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("t.dat", "t.hea");
        }
    }
}
