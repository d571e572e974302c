package org.ecgchat.io.dataset;

import java.util.List;
import org.ecgchat.io.delineate.WaveformFeatures;

/**
 * The waveform-feature columns ECG-Chat's preprocessing adds to a dataset's metadata CSV
 * ({@code RR_Interval} ... {@code T_Wave_Peak}), read back into the WFEP text the original
 * appends to a report.
 */
final class WfepColumns {

    /** The columns, in the order of {@link WaveformFeatures}'s components. */
    static final List<String> COLUMNS = List.of("RR_Interval", "PR_Interval", "QRS_Complex", "QT_Interval",
            "QTc_Interval", "P_Wave_Peak", "R_Wave_Peak", "T_Wave_Peak");

    private WfepColumns() {
    }

    /** The features of a row, which must have every column (checked by {@link CsvTable#read}). */
    static WaveformFeatures of(CsvTable.Row row) throws DatasetFormatException {
        int[] v = new int[COLUMNS.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = row.integer(COLUMNS.get(i));
        }
        return new WaveformFeatures(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    /** The report with the row's WFEP text appended, or the report alone when {@code wfep} is off. */
    static String append(String report, CsvTable.Row row, boolean wfep) throws DatasetFormatException {
        return wfep ? report + of(row).render() : report;
    }

    /** The required columns of a file read with or without WFEP. */
    static List<String> required(boolean wfep, String... others) {
        List<String> all = new java.util.ArrayList<>(List.of(others));
        if (wfep) {
            all.addAll(COLUMNS);
        }
        return all;
    }
}
