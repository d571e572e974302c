package org.ecgchat.io.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine statements of every MIMIC-IV-ECG study ({@code report_0..report_17} of
 * {@code machine_measurements.csv}), stored compactly: each distinct statement once, each study's
 * kept statements as a run of ids in one flat array, studies sorted by id for binary search.
 * Statements the original drops are not stored.
 */
final class MachineReports {
    private final List<String> statements;
    private final int[] studies;
    private final int[] offsets;
    private final int[] ids;

    private MachineReports(List<String> statements, int[] studies, int[] offsets, int[] ids) {
        this.statements = statements;
        this.studies = studies;
        this.offsets = offsets;
        this.ids = ids;
    }

    /** Streams the file; a repeated {@code study_id} is an error naming both lines. */
    static MachineReports read(Path file) throws IOException {
        List<String> columns = new ArrayList<>(List.of("study_id"));
        for (int j = 0; j < MimicIvEcg.REPORT_COLUMNS; j++) {
            columns.add("report_" + j);
        }
        List<String> statements = new ArrayList<>();
        Map<String, Integer> pool = new HashMap<>();
        IntList studies = new IntList(1 << 16);
        IntList lines = new IntList(1 << 16);
        IntList starts = new IntList(1 << 16);
        IntList ids = new IntList(1 << 18);
        CsvTable.read(file, columns, row -> {
            studies.add(MimicIvEcg.id(row, "study_id"));
            lines.add((int) row.line());
            starts.add(ids.size());
            for (int j = 0; j < MimicIvEcg.REPORT_COLUMNS; j++) {
                String s = row.get("report_" + j);
                if (PandasMissing.is(s) || ReportCleanup.droppedMimicStatement(s)) {
                    continue;
                }
                Integer id = pool.get(s);
                if (id == null) {
                    id = statements.size();
                    pool.put(s, id);
                    statements.add(s);
                }
                ids.add(id);
            }
        });
        int n = studies.size();
        starts.add(ids.size());
        int[] order = sortedOrder(studies);
        int[] sortedStudies = new int[n];
        int[] offsets = new int[n + 1];
        int[] flat = new int[ids.size()];
        int used = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            sortedStudies[k] = studies.get(i);
            if (k > 0 && sortedStudies[k] == sortedStudies[k - 1]) {
                throw new DatasetFormatException(file, "line " + lines.get(i), "study_id " + sortedStudies[k]
                        + " also appears on line " + lines.get(order[k - 1]));
            }
            for (int p = starts.get(i); p < starts.get(i + 1); p++) {
                flat[used++] = ids.get(p);
            }
            offsets[k + 1] = used;
        }
        return new MachineReports(List.copyOf(statements), sortedStudies, offsets, flat);
    }

    /** Row positions ordered by study id (ties in file order), without boxing 800,000 integers. */
    private static int[] sortedOrder(IntList studies) {
        int n = studies.size();
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) {
            keyed[i] = ((long) studies.get(i) << 32) | i;
        }
        Arrays.sort(keyed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) keyed[i];
        }
        return order;
    }

    /** The position of a study, or a negative number if the file has no row for it. */
    int find(int study) {
        return Arrays.binarySearch(studies, study);
    }

    /** The kept statements of the study at {@code position}, in column order. */
    List<String> statements(int position) {
        List<String> out = new ArrayList<>(offsets[position + 1] - offsets[position]);
        for (int p = offsets[position]; p < offsets[position + 1]; p++) {
            out.add(statements.get(ids[p]));
        }
        return out;
    }

    /** Whether the study at {@code position} has no statement left (the original then drops it). */
    boolean isEmpty(int position) {
        return offsets[position + 1] == offsets[position];
    }

    /** Number of distinct kept statements. */
    int distinctStatements() {
        return statements.size();
    }
}
