package org.ecgchat.examples.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.ecgchat.io.dataset.DatasetRecord;
import org.ecgchat.io.dataset.EcgDataset;
import org.ecgchat.io.dataset.PtbXl;
import org.ecgchat.io.dataset.Split;
import org.ecgchat.io.synth.CohortRecord;
import org.ecgchat.io.synth.SyntheticCohort;
import org.ecgchat.io.synth.SyntheticPtbXl;

/**
 * The demo's data: a synthetic cohort written in PTB-XL's layout by the project's generator and
 * read back through the PTB-XL reader, split as PTB-XL is (folds 1–9 train, fold 10 test; folds
 * are assigned per patient, so no patient has records on both sides). Each record carries its
 * true diagnosis from the cohort plan.
 *
 * @param train training records, in ecg_id order
 * @param test  held-out records, in ecg_id order
 */
public record DemoCohort(List<DemoRecord> train, List<DemoRecord> test) {

    public DemoCohort {
        train = List.copyOf(train);
        test = List.copyOf(test);
    }

    /**
     * Writes the cohort of {@code options} under {@code root} and reads it back.
     *
     * @param progress told of every record written (from worker threads)
     * @throws IllegalStateException if a split is empty or a patient appears in both
     */
    public static DemoCohort generate(Path root, SyntheticCohort.Options options, int threads, IntConsumer progress)
            throws IOException {
        List<CohortRecord> plan = new SyntheticPtbXl(false, threads).write(root, options, progress);
        Map<String, CohortRecord> byId = new HashMap<>();
        plan.forEach(r -> byId.put(Integer.toString(r.ecgId()), r));
        List<DemoRecord> train = read(root, Split.TRAIN, byId);
        List<DemoRecord> test = read(root, Split.TEST, byId);
        if (train.isEmpty() || test.isEmpty()) {
            throw new IllegalStateException(options.records() + " records give " + train.size() + " training and "
                    + test.size() + " test records; the demo needs both (use more records)");
        }
        Set<Integer> trainPatients = new HashSet<>();
        train.forEach(r -> trainPatients.add(r.patientId()));
        for (DemoRecord r : test) {
            if (trainPatients.contains(r.patientId())) {
                throw new IllegalStateException("patient " + r.patientId() + " has records in both splits (record "
                        + r.id() + ")");
            }
        }
        return new DemoCohort(train, test);
    }

    private static List<DemoRecord> read(Path root, Split split, Map<String, CohortRecord> plan) throws IOException {
        EcgDataset dataset = PtbXl.at(root).split(split).read();
        List<DemoRecord> out = new ArrayList<>(dataset.size());
        for (int i = 0; i < dataset.size(); i++) {
            DatasetRecord d = dataset.get(i);
            CohortRecord planned = plan.get(d.id());
            if (planned == null) {
                throw new IllegalStateException(d.origin() + ": ecg_id " + d.id() + " is not in the planned cohort");
            }
            out.add(new DemoRecord(d.id(), planned.patientId(), d.record(), d.report(), planned.diagnosis()));
        }
        return out;
    }
}
