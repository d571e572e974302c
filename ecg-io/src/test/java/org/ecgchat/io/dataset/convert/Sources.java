package org.ecgchat.io.dataset.convert;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Struct;

/** Writes the small SPH HDF5 and CPSC2018 MATLAB inputs the converter tests convert. */
final class Sources {
    private Sources() {
    }

    /** µV value of lead l, sample i in the test inputs: spans negative and positive, odd values included. */
    static int microvolts(int seed, int l, int i) {
        return ((seed * 7919 + l * 104729 + i * 31) % 6001) - 3000;
    }

    /** An SPH file: dataset {@code ecg}, float32 [leads][n] in mV. */
    static Path sph(Path file, int leads, int n, int seed) throws IOException {
        float[][] mv = new float[leads][n];
        for (int l = 0; l < leads; l++) {
            for (int i = 0; i < n; i++) {
                mv[l][i] = microvolts(seed, l, i) / 1000f;
            }
        }
        return hdf(file, "ecg", mv);
    }

    static Path hdf(Path file, String dataset, Object data) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putDataset(dataset, data);
        }
        return file;
    }

    /** A CPSC2018 (CinC 2020 layout) file: {@code val}, int16 [leads × n] µV. */
    static Path cpscVal(Path file, int leads, int n, int seed) throws IOException {
        Matrix val = Mat5.newMatrix(leads, n, MatlabType.Int16);
        for (int l = 0; l < leads; l++) {
            for (int i = 0; i < n; i++) {
                val.setShort(l, i, (short) microvolts(seed, l, i));
            }
        }
        return mat(file, Mat5.newMatFile().addArray("val", val));
    }

    /** A CPSC2018 (challenge layout) file: struct {@code ECG} with {@code sex}, {@code age}, {@code data} (double mV). */
    static Path cpscStruct(Path file, int n, int seed, double scale) throws IOException {
        Matrix data = Mat5.newMatrix(12, n);
        for (int l = 0; l < 12; l++) {
            for (int i = 0; i < n; i++) {
                data.setDouble(l, i, microvolts(seed, l, i) / 1000.0 * scale);
            }
        }
        Struct ecg = Mat5.newStruct().set("sex", Mat5.newString("Male")).set("age", Mat5.newScalar(74)).set("data", data);
        return mat(file, Mat5.newMatFile().addArray("ECG", ecg));
    }

    static Path mat(Path file, MatFile content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Mat5.writeToFile(content, file.toFile());
        return file;
    }
}
