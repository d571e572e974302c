package org.ecgchat.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ecgchat.io.preprocess.SelectLeads;
import org.ecgchat.io.wfdb.Wfdb;
import org.ecgchat.io.wfdb.WfdbReader;

/** One lead of a WFDB record in physical units (invalid samples NaN), picked by name or number. */
record RecordLead(String name, int signal, double samplingFrequency, double[] samples) {

    /**
     * Reads one signal of a record: {@code lead} is a signal name (case-insensitive) or, if it is a
     * number that names no signal, a signal index counted from 0.
     *
     * @throws IllegalArgumentException naming the record's signals when the lead does not exist
     */
    static RecordLead read(Path record, String lead) throws IOException {
        try (WfdbReader reader = Wfdb.open(record)) {
            List<String> names = reader.header().signalNames();
            int signal = indexOf(names, lead, record);
            double[] samples = reader.readPhysical(0, reader.length(), signal)[0];
            return new RecordLead(names.get(signal), signal, reader.header().samplingFrequency(), samples);
        }
    }

    private static int indexOf(List<String> names, String lead, Path record) {
        try {
            return SelectLeads.indexOf(names, lead);
        } catch (IllegalArgumentException notAName) {
            if (lead.matches("\\d+") && Integer.parseInt(lead) < names.size()) {
                return Integer.parseInt(lead);
            }
            throw new IllegalArgumentException("record " + record + " has no lead '" + lead + "'; its signals are "
                    + names + " (give a name or a number from 0 to " + (names.size() - 1) + ")");
        }
    }
}
