package org.ecgchat.io.dataset.convert;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgchat.io.dataset.DatasetFormatException;
import org.ecgchat.io.wfdb.SignalSpec;
import org.ecgchat.io.wfdb.WfdbHeader;
import org.ecgchat.io.wfdb.WfdbRecord;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Sources;
import us.hebi.matlab.mat.types.Struct;

/**
 * CPSC2018's MATLAB files to WFDB, 500 Hz, gain 1000 (1 µV per unit). Two layouts are read:
 * <ul>
 *   <li>{@code val}: a 12 × N int16 matrix of µV (the PhysioNet/CinC 2020 release), copied sample
 *       for sample into format 16;</li>
 *   <li>{@code ECG.data}: a 12 × N double matrix of mV in a struct (the challenge's own release,
 *       read by the original's {@code preprocess_cpsc2018.py}), rounded to µV, format 16 when every
 *       value fits and 32 otherwise.</li>
 * </ul>
 */
public final class Cpsc2018MatConverter implements RecordConverter {
    /** ADC units per mV. */
    public static final double GAIN = 1000;

    private final int maxSamples;

    /** A converter refusing records longer than {@code maxSamples} per lead (CPSC2018 records are 6–144 s). */
    public Cpsc2018MatConverter(int maxSamples) {
        if (maxSamples < 1) {
            throw new IllegalArgumentException("maxSamples must be positive");
        }
        this.maxSamples = maxSamples;
    }

    /** A converter accepting up to 10 minutes at 500 Hz per lead. */
    public Cpsc2018MatConverter() {
        this(300_000);
    }

    @Override
    public String sourceSuffix() {
        return ".mat";
    }

    @Override
    public WfdbRecord convert(String recordName, byte[] content, String source) throws IOException {
        Path file = Path.of(source);
        MatFile mat;
        try {
            mat = Mat5.newReader(Sources.wrap(content)).readMat();
        } catch (IOException | RuntimeException e) {
            throw new DatasetFormatException(file, "", "not a readable MATLAB 5 file (v7.3 files are HDF5 and "
                    + "not supported): " + e.getMessage(), e);
        }
        try (mat) {
            List<String> names = new ArrayList<>();
            mat.getEntries().forEach(e -> names.add(e.getName()));
            if (names.contains("val")) {
                Matrix val = matrix(mat.getArray("val"), file, "val");
                int[][] digital = digital(val, file, "val");
                return record(recordName, 16, digital);
            }
            if (names.contains("ECG") && mat.getArray("ECG") instanceof Struct ecg
                    && ecg.getFieldNames().contains("data")) {
                Matrix data = matrix(ecg.get("data"), file, "ECG.data");
                return fromMillivolts(recordName, data, file);
            }
            throw new DatasetFormatException(file, "", "no variable 'val' or struct 'ECG' with field 'data' (found "
                    + names + ")");
        }
    }

    private Matrix matrix(Array a, Path file, String variable) throws DatasetFormatException {
        if (!(a instanceof Matrix m) || m.isComplex() || m.getNumDimensions() != 2) {
            throw new DatasetFormatException(file, "variable " + variable, "expected a real 2-D matrix, found "
                    + (a == null ? "nothing" : a.getType() + " " + java.util.Arrays.toString(a.getDimensions())));
        }
        if (m.getNumRows() != LEADS.size()) {
            throw new DatasetFormatException(file, "variable " + variable, m.getNumRows() + " × " + m.getNumCols()
                    + ", expected 12 leads × samples");
        }
        if (m.getNumCols() < 1 || m.getNumCols() > maxSamples) {
            throw new DatasetFormatException(file, "variable " + variable, m.getNumCols()
                    + " samples per lead, expected 1.." + maxSamples);
        }
        return m;
    }

    private static int[][] digital(Matrix val, Path file, String variable) throws DatasetFormatException {
        int n = val.getNumCols();
        int[][] d = new int[LEADS.size()][n];
        for (int l = 0; l < d.length; l++) {
            for (int i = 0; i < n; i++) {
                double v = val.getDouble(l, i);
                if (v != Math.rint(v) || v < -32767 || v > 32767) {
                    throw new DatasetFormatException(file, "variable " + variable, "lead " + LEADS.get(l) + " sample "
                            + i + " is " + v + ", expected a 16-bit integer number of µV");
                }
                d[l][i] = (int) v;
            }
        }
        return d;
    }

    private static WfdbRecord fromMillivolts(String name, Matrix data, Path file) throws DatasetFormatException {
        int n = data.getNumCols();
        double[][] mv = new double[LEADS.size()][n];
        double max = 0;
        for (int l = 0; l < mv.length; l++) {
            for (int i = 0; i < n; i++) {
                mv[l][i] = data.getDouble(l, i);
                max = Math.max(max, Math.abs(mv[l][i]));
            }
        }
        int format = Math.rint(max * GAIN) <= 32767 ? 16 : 32;
        try {
            return WfdbRecord.fromPhysical(name, SAMPLING_FREQUENCY, LEADS, "mV", GAIN, format, mv);
        } catch (IllegalArgumentException e) {
            throw new DatasetFormatException(file, "variable ECG.data", e.getMessage(), e);
        }
    }

    private static WfdbRecord record(String name, int format, int[][] digital) {
        List<SignalSpec> specs = new ArrayList<>();
        for (String lead : LEADS) {
            specs.add(SignalSpec.of(name + ".dat", format, GAIN, "mV", lead));
        }
        WfdbHeader header = WfdbHeader.of(name, SAMPLING_FREQUENCY, digital[0].length, specs);
        return new WfdbRecord(header, digital).withComputedChecksums();
    }
}
