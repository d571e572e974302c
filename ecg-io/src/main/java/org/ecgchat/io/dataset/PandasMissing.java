package org.ecgchat.io.dataset;

import java.util.Set;

/**
 * The cell values {@code pandas.read_csv} reads as missing (NaN) by default. The original skips a
 * MIMIC machine statement that pandas read as NaN, so a statement that is literally {@code "NA"}
 * or {@code "None"} is skipped here too.
 */
final class PandasMissing {
    private static final Set<String> DEFAULT_NA = Set.of("", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN",
            "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null");

    private PandasMissing() {
    }

    /** Whether pandas reads the cell as missing. */
    static boolean is(String cell) {
        return DEFAULT_NA.contains(cell);
    }
}
