package org.ecgchat.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecgchat.io.plot.EcgPaper;
import org.ecgchat.io.plot.EcgPlotter;
import org.ecgchat.io.plot.PageLayout;
import org.ecgchat.io.plot.Tracing;
import org.ecgchat.io.wfdb.SignalSpec;
import org.ecgchat.io.wfdb.Wfdb;
import org.ecgchat.io.wfdb.WfdbHeader;
import org.ecgchat.io.wfdb.WfdbReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecg-chat plot}: prints a record on ECG paper as PNG or SVG. */
@Command(name = "plot", sortOptions = false,
        description = {"Print 10 s of a WFDB record on standard ECG paper (25 mm/s, 10 mm/mV,",
                "1 and 5 mm grid): 12-lead records in the 3 x 4 layout with a rhythm strip,",
                "other records one strip per signal. The output file's extension (.png or",
                ".svg) chooses the format."})
public final class PlotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RECORD", description = "record path without extension")
    Path record;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "output file, .png or .svg")
    Path output;

    @Option(names = "--start", defaultValue = "0", paramLabel = "SECONDS", description = "first second to print (default: ${DEFAULT-VALUE})")
    double start;

    @Option(names = "--dpi", defaultValue = "200", description = "PNG resolution (default: ${DEFAULT-VALUE})")
    double dpi;

    @Option(names = "--speed", defaultValue = "25", paramLabel = "MM_PER_S", description = "paper speed (default: ${DEFAULT-VALUE})")
    double speed;

    @Option(names = "--gain", defaultValue = "10", paramLabel = "MM_PER_MV", description = "gain (default: ${DEFAULT-VALUE})")
    double gain;

    @Option(names = "--rhythm", defaultValue = "II", paramLabel = "LEAD", description = "rhythm strip lead (default: ${DEFAULT-VALUE})")
    String rhythm;

    @Option(names = "--note", paramLabel = "TEXT", description = "text under the header (default: the header's comments)")
    String note;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        try (WfdbReader reader = Wfdb.open(record)) {
            WfdbHeader header = reader.header();
            double fs = header.samplingFrequency();
            long length = reader.length();
            long from = Math.round(start * fs);
            if (start < 0 || from >= length) {
                throw new IllegalArgumentException("--start " + start + " s lies outside " + record + ", which lasts "
                        + String.format(Locale.ROOT, "%.3f", length / fs) + " s");
            }
            long to = Math.min(length, from + Math.round(PageLayout.PAGE_SECONDS * fs));
            double[][] signals = reader.readPhysical(from, to);
            for (int s = 0; s < signals.length; s++) {
                toMillivolts(signals[s], header.signals().get(s), err);
            }
            String text = note != null ? note : String.join("; ", header.comments());
            Tracing tracing = new Tracing(header.recordName(), fs, header.signalNames(), signals, text);
            new EcgPlotter(new EcgPaper(speed, gain, dpi, rhythm)).write(tracing, output);
            spec.commandLine().getOut().printf("wrote %s%n", output);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** Paper gain is in mm/mV, so signals in µV or V are rescaled; other units are printed as they are. */
    private static void toMillivolts(double[] x, SignalSpec spec, PrintWriter err) {
        String units = spec.units() == null ? "" : spec.units().trim();
        double factor = switch (units) {
            case "mV", "" -> 1;
            case "uV", "µV", "μV" -> 0.001;
            case "V" -> 1000;
            default -> {
                err.println("ecg-chat plot: signal " + spec.description() + " is in " + units
                        + ", not a voltage; printed at 1 " + units + " per 1 mV of gain");
                yield 1;
            }
        };
        if (factor != 1) {
            for (int i = 0; i < x.length; i++) {
                x[i] *= factor;
            }
        }
    }
}
