package org.ecgchat.examples.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ecgchat.io.wfdb.Rdsamp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecg-chat rdsamp}: prints samples exactly as WFDB's {@code rdsamp} does. */
@Command(name = "rdsamp", sortOptions = false,
        description = {"Print samples of a WFDB record, byte-identical to WFDB C 10.7 rdsamp.",
                "Times are seconds, [hh:]mm:ss, or sample numbers prefixed with 's'."})
public final class RdsampCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "-r", required = true, paramLabel = "RECORD", description = "record path without extension")
    Path record;

    @Option(names = "-f", paramLabel = "TIME", description = "begin at this time")
    String from;

    @Option(names = "-t", paramLabel = "TIME", description = "stop at this time")
    String to;

    @Option(names = "-l", paramLabel = "INTERVAL", description = "print at most this duration")
    String length;

    @Option(names = "-s", arity = "1..*", paramLabel = "SIGNAL", description = "print only these signals (numbers or names)")
    List<String> signals = new ArrayList<>();

    @Option(names = "-p", description = "print times and samples in physical units (3 decimals)")
    boolean[] physical = new boolean[0];

    @Option(names = "-P", description = "as -p, with 8 decimals")
    boolean precise;

    @Option(names = "-v", description = "print column headings")
    boolean verbose;

    @Option(names = "-H", description = "read multi-frequency signals at the highest rate")
    boolean highResolution;

    @Override
    public Integer call() throws IOException {
        int level = Math.min(2, precise ? 2 : physical.length);
        TextOutput.writeThrough(new BufferedWriter(spec.commandLine().getOut(), 1 << 16), out -> Rdsamp.write(
                new Rdsamp.Options(record, from, to, length, signals, level, verbose, highResolution), out));
        return 0;
    }
}
