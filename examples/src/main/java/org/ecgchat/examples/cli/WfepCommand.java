package org.ecgchat.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ecgchat.io.delineate.WaveformFeatures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ecg-chat wfep RECORD [--lead II]}: prints the waveform-feature text ECG-Chat appends to a
 * report (" RR: … PR: … QRS: … QT/QTc: …/… P/R/T Wave: …/…/…") for one lead of a record.
 */
@Command(name = "wfep", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Print the waveform features (WFEP) of one lead of a WFDB record as ECG-Chat appends them",
            "to a report: mean RR, PR, QRS, QT and Bazett QTc in ms and mean P/R/T peak positions in samples."})
public final class WfepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RECORD", description = "record path without extension")
    Path record;

    @Option(names = "--lead", paramLabel = "NAME", defaultValue = "II",
            description = "lead name (case-insensitive) or signal number; default: ${DEFAULT-VALUE}")
    String lead;

    @Option(names = "--json", description = "print the features as JSON with the original's column names")
    boolean json;

    @Override
    public Integer call() throws IOException {
        RecordLead l = RecordLead.read(record, lead);
        WaveformFeatures features = WaveformFeatures.of(l.samples(), l.samplingFrequency());
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? new ObjectMapper().writeValueAsString(features) : features.render());
        out.flush();
        return 0;
    }
}
