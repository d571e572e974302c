package org.ecgchat.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
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
    public Integer call() throws IOException {
        StringBuilder sb = new StringBuilder();
        WfdbDescription.write(Path.of(record), record, sb);
        PrintWriter out = spec.commandLine().getOut();
        out.print(sb);
        out.flush();
        return 0;
    }
}
