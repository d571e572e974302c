package org.ecgchat.io.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ecgchat.io.EcgIoException;
import org.ecgchat.io.wfdb.SignalSpec;
import org.ecgchat.io.wfdb.Wfdb;
import org.ecgchat.io.wfdb.WfdbHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies a {@link RecordValidation} to the records a reader found. */
final class RecordChecker {
    private static final Logger LOG = LoggerFactory.getLogger(RecordChecker.class);

    /** Leads every record of the ECG-Chat datasets has. */
    static final int LEADS = 12;

    private RecordChecker() {
    }

    /** The records that pass, or all of them for {@link RecordValidation#NONE}. */
    static List<DatasetRecord> apply(String dataset, List<DatasetRecord> records, RecordValidation validation)
            throws IOException {
        if (validation == RecordValidation.NONE) {
            return records;
        }
        List<DatasetRecord> kept = new ArrayList<>(records.size());
        int skipped = 0;
        for (DatasetRecord r : records) {
            Optional<String> problem = problem(r.record());
            if (problem.isEmpty()) {
                kept.add(r);
            } else if (validation == RecordValidation.FAIL) {
                throw new EcgIoException(r.record(), problem.get() + " (record " + r.id() + " of " + dataset
                        + ", from " + r.origin() + ")");
            } else {
                skipped++;
                LOG.warn("{}: skipping record {} ({}): {}", dataset, r.id(), r.origin(), problem.get());
            }
        }
        if (skipped > 0) {
            LOG.warn("{}: skipped {} of {} records that are missing or unusable", dataset, skipped, records.size());
        }
        return kept;
    }

    /** Why a record cannot be used, or empty if it can. */
    static Optional<String> problem(Path record) {
        WfdbHeader header;
        try {
            header = Wfdb.readHeader(record);
        } catch (IOException | RuntimeException e) {
            return Optional.of(e.getMessage());
        }
        if (header.numberOfSignals() != LEADS) {
            return Optional.of("has " + header.numberOfSignals() + " signals " + header.signalNames() + " where "
                    + LEADS + " leads are needed");
        }
        Path dir = record.toAbsolutePath().getParent();
        Set<String> files = new LinkedHashSet<>();
        for (SignalSpec s : header.signals()) {
            files.add(s.fileName());
        }
        for (String f : files) {
            if (!f.equals("~") && !Files.isRegularFile(dir.resolve(f))) {
                return Optional.of("signal file " + dir.resolve(f) + " does not exist");
            }
        }
        return Optional.empty();
    }
}
