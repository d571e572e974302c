package org.ecgchat.examples.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ecgchat.io.wfdb.Rdann;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ecg-chat rdann}: prints an annotation file byte for byte as WFDB C 10.7's {@code rdann}
 * does. Output goes to standard output as raw bytes (aux texts are bytes, not characters).
 */
@Command(name = "rdann", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Print an annotation file as text, byte-identical to WFDB C 10.7 rdann.",
            "Times: seconds, [hh:]mm:ss, sNNN (sample number), [hh:mm:ss dd/mm/yyyy] (time of day);",
            "-f also takes aNNN/bNNN (skip NNN annotations/beats), -t aNNN/bNNN/#NNN (stop after them)."})
public final class RdannCommand implements Callable<Integer> {

    @Option(names = "-r", required = true, paramLabel = "RECORD", description = "record path without extension")
    Path record;

    @Option(names = "-a", required = true, paramLabel = "ANNOTATOR", description = "annotator (file extension), e.g. atr")
    String annotator;

    @Option(names = "-f", paramLabel = "TIME", description = "start at TIME")
    String from;

    @Option(names = "-t", paramLabel = "TIME", description = "stop at TIME")
    String to;

    @Option(names = "-p", arity = "1..*", paramLabel = "TYPE", description = "print annotations of these types only")
    List<String> types;

    @Option(names = "-c", paramLabel = "CHAN", description = "print annotations with this chan only")
    String chan;

    @Option(names = "-n", paramLabel = "NUM", description = "print annotations with this num only")
    String num;

    @Option(names = "-s", paramLabel = "SUBTYPE", description = "print annotations with this subtype only")
    String subtype;

    @ArgGroup(exclusive = true)
    TimeColumns timeColumns = new TimeColumns();

    @Option(names = "-v", description = "print column headings")
    boolean headings;

    static final class TimeColumns {
        @Option(names = "-e", description = "show annotation times as elapsed times")
        boolean elapsed;

        @Option(names = "-x", description = "show times in seconds, minutes and hours")
        boolean units;
    }

    private final OutputStream stdout;

    public RdannCommand() {
        this(System.out);
    }

    /** A command writing its bytes to {@code stdout} (tests). */
    RdannCommand(OutputStream stdout) {
        this.stdout = stdout;
    }

    @Override
    public Integer call() throws IOException {
        TextOutput.writeThrough(new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.ISO_8859_1), 1 << 16),
                out -> Rdann.write(new Rdann.Options(record, annotator, from, to, types, chan, num, subtype,
                        timeColumns.elapsed, timeColumns.units, headings), out));
        return 0;
    }
}
