package org.ecgchat.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process run of {@code ecg-chat}: exit status and what it printed (tests). */
record CliRun(int exit, String out, String err) {

    /** Runs {@code ecg-chat args...} as {@link EcgChat#main} would, capturing both outputs. */
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = EcgChat.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
