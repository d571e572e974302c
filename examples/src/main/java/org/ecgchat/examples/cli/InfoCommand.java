package org.ecgchat.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ecgchat.io.EcgIoException;
import org.ecgchat.io.wfdb.WfdbDescription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecg-chat info}: describes a record as WFDB's {@code wfdbdesc} does. */
@Command(name = "info", description = "Describe a WFDB record's signals, as WFDB C 10.7 wfdbdesc prints it.")
public final class InfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RECORD", description = "record path without extension")
    String record;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            StringBuilder sb = new StringBuilder();
            WfdbDescription.write(Path.of(record), record, sb);
            out.print(sb);
            out.flush();
            return 0;
        } catch (EcgIoException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("ecg-chat info: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            spec.commandLine().getErr().println("ecg-chat info: " + e);
            return 2;
        }
    }
}
