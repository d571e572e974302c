package org.ecgchat.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ecgchat.io.wfdb.Wfdb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.MatlabType;

/** {@code ecg-chat convert} converts, resumes, reports failures and exits with the documented status. */
class ConvertCommandTest {
    @TempDir
    Path dir;



    private static void mat(Path file, int seed) throws IOException {
        Matrix val = Mat5.newMatrix(12, 1000, MatlabType.Int16);
        for (int l = 0; l < 12; l++) {
            for (int i = 0; i < 1000; i++) {
                val.setShort(l, i, (short) (seed * 100 + l * 10 + i % 7 - 50));
            }
        }
        Files.createDirectories(file.getParent());
        Mat5.writeToFile(Mat5.newMatFile().addArray("val", val), file.toFile());
    }

    @Test
    void convertsCpscFilesReportsFailuresAndResumes() throws IOException {
        Path in = dir.resolve("cpsc");
        mat(in.resolve("training_set/A0001.mat"), 1);
        mat(in.resolve("training_set/A0002.mat"), 2);
        Files.writeString(in.resolve("training_set/A0003.mat"), "broken");
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("convert", "cpsc2018", "--in", in.toString(), "--out", out.toString(), "--threads", "2");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("converted 2, already complete 0, failed 1")
                .contains("failed: " + in.resolve("training_set/A0003.mat") + ": ")
                .contains("not a readable MATLAB 5 file");
        assertThat(r.err()).contains("convert cpsc2018");
        assertThat(Wfdb.read(out.resolve("training_set/A0002")).digital(3)[8]).isEqualTo(2 * 100 + 30 + 1 - 50);
        Files.delete(in.resolve("training_set/A0003.mat"));
        CliRun again = CliRun.of("convert", "cpsc2018", "--in", in.toString(), "--out", out.toString(), "--no-progress");
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("converted 0, already complete 2, failed 0");
    }

    @Test
    void convertsSphFilesFlat() throws IOException {
        Path in = dir.resolve("sph/records");
        Files.createDirectories(in);
        float[][] mv = new float[12][500];
        mv[0][10] = 0.123f;
        try (WritableHdfFile h = HdfFile.write(in.resolve("A00001.h5"))) {
            h.putDataset("ecg", mv);
        }
        Path out = dir.resolve("wfdb");
        CliRun r = CliRun.of("convert", "sph", "--in", dir.resolve("sph").toString(), "--out", out.toString(), "--flat",
                "--no-progress");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Wfdb.read(out.resolve("A00001")).digital(0)[10]).isEqualTo(123);
    }

    @Test
    void aMissingInputExitsWithTwo() {
        CliRun r = CliRun.of("convert", "sph", "--in", dir.resolve("nope").toString(), "--out", dir.resolve("o").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("ecg-chat convert: ").contains("input does not exist");
    }
}
