package org.ecgchat.io.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.ecgchat.io.EcgIoException;
import org.ecgchat.io.delineate.WaveformFeatures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MIMIC-IV-ECG dataset as a compact index: per record a handful of {@code int}s and its packed
 * path; the report is assembled from the shared {@link MachineReports} when the record is read.
 */
final class MimicIndex implements EcgDataset {
    private static final Logger LOG = LoggerFactory.getLogger(MimicIndex.class);
    private static final int WAVES = WfepColumns.COLUMNS.size();

    private final String name;
    private final Path root;
    private final Path recordList;
    private final MachineReports reports;
    private final ReportCleanup.Style style;
    private final PackedStrings paths;
    private final int[] slots;
    private final int[] study;
    private final int[] subject;
    private final int[] report;
    private final int[] line;
    private final int[] waves;
    private final int dropped;

    private MimicIndex(String name, Builder b, int[] slots, int dropped) {
        this.name = name;
        this.root = b.root;
        this.recordList = b.recordList;
        this.reports = b.reports;
        this.style = b.style;
        this.paths = b.paths;
        this.study = b.study.toArray();
        this.subject = b.subject.toArray();
        this.report = b.report.toArray();
        this.line = b.line.toArray();
        this.waves = b.waves == null ? null : b.waves.toArray();
        this.slots = slots;
        this.dropped = dropped;
    }

    private MimicIndex(MimicIndex from, int[] slots) {
        this.name = from.name;
        this.root = from.root;
        this.recordList = from.recordList;
        this.reports = from.reports;
        this.style = from.style;
        this.paths = from.paths;
        this.study = from.study;
        this.subject = from.subject;
        this.report = from.report;
        this.line = from.line;
        this.waves = from.waves;
        this.slots = slots;
        this.dropped = from.dropped;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public LabelSet labelSet() {
        return LabelSet.NONE;
    }

    @Override
    public int size() {
        return slots.length;
    }

    @Override
    public DatasetRecord get(int index) {
        int s = slots[Objects.checkIndex(index, slots.length)];
        String text = ReportCleanup.mimic(reports.statements(report[s]), style);
        if (waves != null) {
            int w = s * WAVES;
            text += new WaveformFeatures(waves[w], waves[w + 1], waves[w + 2], waves[w + 3], waves[w + 4],
                    waves[w + 5], waves[w + 6], waves[w + 7]).render();
        }
        return new DatasetRecord(String.valueOf(study[s]), root.resolve(paths.get(s)), text, LabelVector.none(),
                Optional.of(String.valueOf(subject[s])), OptionalInt.empty(), recordList + ":" + line[s]);
    }

    /** Studies left out because no statement survived the clean-up. */
    int droppedEmpty() {
        return dropped;
    }

    /** The index without the records that fail the check (or an exception for the first, under FAIL). */
    MimicIndex validated(RecordValidation validation) throws IOException {
        IntList kept = new IntList(slots.length);
        int skipped = 0;
        for (int i = 0; i < slots.length; i++) {
            Path record = root.resolve(paths.get(slots[i]));
            Optional<String> problem = RecordChecker.problem(record);
            if (problem.isEmpty()) {
                kept.add(slots[i]);
            } else if (validation == RecordValidation.FAIL) {
                throw new EcgIoException(record, problem.get() + " (study " + study[slots[i]] + " of " + name
                        + ", from " + recordList + ":" + line[slots[i]] + ")");
            } else {
                skipped++;
                LOG.warn("{}: skipping study {} ({}:{}): {}", name, study[slots[i]], recordList, line[slots[i]],
                        problem.get());
            }
        }
        if (skipped > 0) {
            LOG.warn("{}: skipped {} of {} records that are missing or unusable", name, skipped, slots.length);
        }
        return new MimicIndex(this, kept.toArray());
    }

    @Override
    public String toString() {
        return name + " (" + slots.length + " records)";
    }

    /** Collects the rows of the record list. */
    static final class Builder {
        private final Path root;
        private final Path recordList;
        private final MachineReports reports;
        private final ReportCleanup.Style style;
        private final PackedStrings paths = new PackedStrings();
        private final IntList study = new IntList(1 << 12);
        private final IntList subject = new IntList(1 << 12);
        private final IntList report = new IntList(1 << 12);
        private final IntList line = new IntList(1 << 12);
        private final IntList waves;

        Builder(Path root, Path recordList, MachineReports reports, boolean wfep, ReportCleanup.Style style) {
            this.root = root;
            this.recordList = recordList;
            this.reports = reports;
            this.style = style;
            this.waves = wfep ? new IntList(1 << 14) : null;
        }

        /** Adds a row; returns its slot. */
        int add(int studyId, int subjectId, String path, int reportPosition, int lineNumber, int[] wave) {
            int slot = paths.add(path);
            study.add(studyId);
            subject.add(subjectId);
            report.add(reportPosition);
            line.add(lineNumber);
            if (waves != null) {
                for (int v : wave) {
                    waves.add(v);
                }
            }
            return slot;
        }

        /**
         * The index of the given slots (all when {@code keep} is null), without the studies whose
         * report is empty.
         */
        MimicIndex build(String name, int[] keep) {
            paths.trim();
            int[] candidates = keep != null ? keep : java.util.stream.IntStream.range(0, paths.size()).toArray();
            int[] slots = Arrays.stream(candidates).filter(s -> !reports.isEmpty(report.get(s))).toArray();
            return new MimicIndex(name, this, slots, candidates.length - slots.length);
        }
    }
}
