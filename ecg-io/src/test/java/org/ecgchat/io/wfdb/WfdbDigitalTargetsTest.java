package org.ecgchat.io.wfdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Digital samples agree, sample by sample, with rdsamp outputs in the corpus. */
class WfdbDigitalTargetsTest {

    private static void assertDigital(Path record, long from, long to, int[] signals, FrameMode mode, String target,
                                      int skipColumns) throws Exception {
        List<String[]> rows = Corpus.table(target.startsWith("/") ? Path.of(target) : Corpus.target(target));
        try (WfdbReader r = Wfdb.open(record, WfdbReadOptions.DEFAULT.withFrameMode(mode))) {
            long end = to < 0 ? r.deskewedLength() : to;
            int[][] d = r.readDigital(from, end, signals);
            int per = r.valuesPerFrame(signals.length == 0 ? 0 : signals[0]);
            assertThat((long) d[0].length).isEqualTo((long) rows.size());
            for (int i = 0; i < rows.size(); i++) {
                String[] row = rows.get(i);
                for (int c = 0; c < d.length; c++) {
                    int v = d[c][i];
                    int printed = v == WfdbRecord.INVALID_SAMPLE ? -32768 : v;
                    assertThat(printed).as("%s row %d col %d", record.getFileName(), i, c)
                            .isEqualTo(Integer.parseInt(row[c + skipColumns]));
                }
            }
            assertThat(per).isPositive();
        }
    }

    @Test
    void format16FourSignals() throws Exception {
        assertDigital(Corpus.sample("test01_00s"), 0, -1, new int[0], FrameMode.EXPANDED, "record-1a", 0);
    }

    @Test
    void everyBinaryFormatInOneRecord() throws Exception {
        assertDigital(Corpus.sample("binformats"), 0, -1, new int[0], FrameMode.EXPANDED, "record-1f.gz", 0);
    }

    @Test
    void format212() throws Exception {
        // rdsamp -r 100 -f 0.002 -t 30 -s 1: 0.002 s at 360 Hz rounds to sample 1
        assertDigital(Corpus.sample("100"), 1, 10800, new int[] {1}, FrameMode.EXPANDED, "record-2b", 0);
    }

    @Test
    void format310WithOddStart() throws Exception {
        // -f 0.007 at 250 Hz = sample 2 (0.007 * 250 + 0.5, truncated)
        assertDigital(Corpus.sample("310derive"), 2, -1, new int[0], FrameMode.EXPANDED, "record-2d", 0);
    }

    @Test
    void multiFileRecordFull() throws Exception {
        assertDigital(Corpus.sample("s0010_re"), 0, -1, new int[0], FrameMode.EXPANDED,
                Corpus.path("regenerated-wfdb-c-10.7.0/wfdb-python/record-3a.gz").toString(), 0);
    }

    @Test
    void skewAndFramesTruncatedAverage() throws Exception {
        assertDigital(Corpus.sample("test01_00s_skewframe"), 0, -1, new int[0], FrameMode.AVERAGE_TRUNCATED,
                "record-4a", 0);
        assertDigital(Corpus.sample("03700181"), 0, -1, new int[0], FrameMode.AVERAGE_TRUNCATED, "record-4b", 0);
    }

    @Test
    void truncatedAveragePhysical() throws Exception {
        // record-4c: rdsamp -r 03700181 -f 8 -t 128 -s 0 2 -P by WFDB 10.5.24 (125 Hz: frames 1000 to 16000)
        List<String> rows = Corpus.lines(Corpus.target("record-4c"));
        try (WfdbReader r = Wfdb.open(Corpus.sample("03700181"),
                WfdbReadOptions.DEFAULT.withFrameMode(FrameMode.AVERAGE_TRUNCATED))) {
            double[][] x = r.readPhysical(1000, 16000, 0, 2);
            assertThat(x[0]).hasSize(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                StringBuilder sb = new StringBuilder();
                CFormat.fixed(sb, x[0][i], 15, 8);
                sb.append('\t');
                CFormat.fixed(sb, x[1][i], 15, 8);
                assertThat(sb.toString()).as("row %d", i).isEqualTo(rows.get(i));
            }
        }
    }

    @Test
    void matByteOffsetSubset() throws Exception {
        assertDigital(Corpus.sample("a103l"), 20000, 82500, new int[] {0, 1}, FrameMode.EXPANDED, "record-1c", 0);
    }

    @Test
    void variableLayoutMultiSegment() throws Exception {
        // -f s3550 -t s7500 -s 0 1, with -32768 replaced by -128 in the target
        List<String[]> rows = Corpus.table(Corpus.target("record-multi-variable-d"));
        try (WfdbReader r = Wfdb.open(Corpus.sample("multi-segment/p000878/p000878-2137-10-26-16-57"))) {
            int[][] d = r.readDigital(3550, 7500, 0, 1);
            assertThat(d[0]).hasSize(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                for (int c = 0; c < 2; c++) {
                    int v = d[c][i] == WfdbRecord.INVALID_SAMPLE ? -128 : d[c][i];
                    assertThat(v).as("row %d col %d", i, c).isEqualTo(Integer.parseInt(rows.get(i)[c]));
                }
            }
        }
    }

    @Test
    void ludbAgainstWfdb107() throws Exception {
        List<String[]> rows = Corpus.table(Corpus.path("regenerated-wfdb-c-10.7.0/extra/ludb-ecg-digital.txt.gz"));
        rows = rows.subList(1, rows.size());
        WfdbRecord rec = Wfdb.read(Corpus.path("egm/tests/testthat/ludb-ecg"),
                WfdbReadOptions.DEFAULT.withChecksums(ChecksumPolicy.STRICT));
        int[][] d = rec.digital();
        assertThat(d[0]).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(Long.parseLong(rows.get(i)[0])).isEqualTo(i);
            for (int c = 0; c < 12; c++) {
                assertThat(d[c][i]).isEqualTo(Integer.parseInt(rows.get(i)[c + 1]));
            }
        }
    }
}
