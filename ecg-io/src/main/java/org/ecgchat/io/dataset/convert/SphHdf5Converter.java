package org.ecgchat.io.dataset.convert;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.ecgchat.io.dataset.DatasetFormatException;
import org.ecgchat.io.wfdb.WfdbRecord;

/**
 * SPH's HDF5 files to WFDB: the {@code ecg} dataset (12 leads × samples, mV) becomes a format-32
 * record with gain 1000 (1 µV per unit), as the original's {@code preprocess_sph.py} writes it.
 *
 * <p>Values are rounded to the nearest µV. (The original truncates {@code float32 × 1000} toward
 * zero, which turns a stored 0.123 mV — 122.99999 µV in float32 — into 122 µV; rounding keeps
 * every value that is a whole number of µV exact.)
 */
public final class SphHdf5Converter implements RecordConverter {
    /** Format the records are written in. */
    public static final int FORMAT = 32;
    /** ADC units per mV. */
    public static final double GAIN = 1000;

    private final int maxSamples;

    /** A converter refusing records longer than {@code maxSamples} per lead (SPH records are 10–60 s). */
    public SphHdf5Converter(int maxSamples) {
        if (maxSamples < 1) {
            throw new IllegalArgumentException("maxSamples must be positive");
        }
        this.maxSamples = maxSamples;
    }

    /** A converter accepting up to 10 minutes at 500 Hz per lead. */
    public SphHdf5Converter() {
        this(300_000);
    }

    @Override
    public String sourceSuffix() {
        return ".h5";
    }

    @Override
    public WfdbRecord convert(String recordName, byte[] content, String source) throws IOException {
        Path file = Path.of(source);
        try (HdfFile hdf = HdfFile.fromBytes(content)) {
            Node node = hdf.getChildren().get("ecg");
            if (!(node instanceof Dataset ecg)) {
                throw new DatasetFormatException(file, "", "no dataset 'ecg' (found " + hdf.getChildren().keySet() + ")");
            }
            int[] dims = ecg.getDimensions();
            if (dims.length != 2 || dims[0] != LEADS.size()) {
                throw new DatasetFormatException(file, "dataset /ecg", "shape " + Arrays.toString(dims)
                        + ", expected [12, samples] (leads × samples)");
            }
            if (dims[1] < 1 || dims[1] > maxSamples) {
                throw new DatasetFormatException(file, "dataset /ecg", dims[1] + " samples per lead, expected 1.."
                        + maxSamples);
            }
            Class<?> type = ecg.getJavaType();
            if (!(type == float.class || type == double.class || type == short.class || type == int.class)) {
                throw new DatasetFormatException(file, "dataset /ecg", "element type " + type
                        + ", expected floating-point millivolts");
            }
            Object flat = ecg.getDataFlat();
            int n = dims[1];
            double[][] mv = leads(flat, n);
            try {
                return WfdbRecord.fromPhysical(recordName, SAMPLING_FREQUENCY, LEADS, "mV", GAIN, FORMAT, mv);
            } catch (IllegalArgumentException e) {
                throw new DatasetFormatException(file, "dataset /ecg", e.getMessage(), e);
            }
        } catch (HdfException | IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException
                 | java.nio.BufferUnderflowException | UnsupportedOperationException e) {
            // jHDF reports damaged files with assorted runtime exceptions
            throw new DatasetFormatException(file, "", "not a readable HDF5 file: " + e.getMessage(), e);
        }
    }

    /** Splits the row-major [12 × n] data into leads. */
    private static double[][] leads(Object flat, int n) {
        double[][] mv = new double[LEADS.size()][n];
        for (int l = 0; l < mv.length; l++) {
            double[] lead = mv[l];
            int base = l * n;
            if (flat instanceof float[] f) {
                for (int i = 0; i < n; i++) {
                    lead[i] = f[base + i];
                }
            } else if (flat instanceof double[] d) {
                System.arraycopy(d, base, lead, 0, n);
            } else if (flat instanceof short[] s) {
                for (int i = 0; i < n; i++) {
                    lead[i] = s[base + i];
                }
            } else {
                int[] v = (int[]) flat;
                for (int i = 0; i < n; i++) {
                    lead[i] = v[base + i];
                }
            }
        }
        return mv;
    }
}
