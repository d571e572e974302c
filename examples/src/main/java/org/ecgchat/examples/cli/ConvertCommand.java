package org.ecgchat.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ecgchat.io.dataset.convert.Cpsc2018MatConverter;
import org.ecgchat.io.dataset.convert.DatasetConverter;
import org.ecgchat.io.dataset.convert.RecordConverter;
import org.ecgchat.io.dataset.convert.SphHdf5Converter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ecg-chat convert sph|cpsc2018 --in DIR --out DIR}: converts a dataset's HDF5 or MATLAB
 * files (a directory or a .zip/.tar/.tar.gz archive) to 12-lead, 500 Hz WFDB records.
 */
@Command(name = "convert", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Convert SPH HDF5 files (.h5, mV -> format 32, gain 1000) or CPSC2018 MATLAB files",
            "(.mat, 'val' int16 or ECG.data -> gain 1000) to 12-lead, 500 Hz WFDB records.",
            "The input is a directory or a .zip/.tar/.tar.gz/.tgz archive (read in place, never extracted).",
            "Sub-folders are mirrored in the output unless --flat. Records already converted and intact are",
            "skipped, so an interrupted conversion is resumed by running it again.",
            "Exit status: 0 all converted, 1 some sources failed (listed), 2 the input could not be read."})
public final class ConvertCommand implements Callable<Integer> {

    /** The datasets this command converts. */
    enum Dataset { sph, cpsc2018 }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATASET", description = "sph or cpsc2018")
    Dataset dataset;

    @Option(names = "--in", required = true, paramLabel = "DIR", description = "source directory or archive")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory (created if needed)")
    Path output;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: one per core)")
    Integer threads;

    @Option(names = "--flat", description = "write every record directly into --out")
    boolean flat;

    @Option(names = "--no-progress", description = "no progress bar (log lines still report progress)")
    boolean noProgress;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RecordConverter converter = dataset == Dataset.sph ? new SphHdf5Converter() : new Cpsc2018MatConverter();
        DatasetConverter.Options options = DatasetConverter.Options.defaults().withFlat(flat);
        if (threads != null) {
            options = options.withThreads(threads);
        }
        ProgressBar[] bar = {null};
        DatasetConverter.Summary s;
        try {
            s = new DatasetConverter(converter, options).convert(input, output,
                    new DatasetConverter.Listener() {
                        @Override
                        public void started(int total) {
                            if (!noProgress) {
                                bar[0] = new ProgressBarBuilder().setTaskName("convert " + dataset)
                                        .setInitialMax(total).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                                        .setConsumer(new DelegatingProgressBarConsumer(line -> {
                                            err.print('\r' + line);
                                            err.flush();
                                        })).build();
                            }
                        }

                        @Override
                        public void finished(org.ecgchat.io.dataset.convert.SourceFile source,
                                             DatasetConverter.Outcome outcome, String message) {
                            if (bar[0] != null) {
                                bar[0].step();
                            }
                        }
                    });
        } finally {
            // the bar's last line is finished before the summary or the error
            closeBar(bar[0], err);
        }
        out.printf("converted %d, already complete %d, failed %d (%d s)%n", s.converted(), s.skipped(),
                s.failures().size(), s.elapsed().toSeconds());
        s.failures().stream().limit(20).forEach(f -> out.println("failed: " + f.source() + ": " + f.message()));
        if (s.failures().size() > 20) {
            out.println("... and " + (s.failures().size() - 20) + " more (see the log)");
        }
        out.flush();
        return s.ok() ? 0 : 1;
    }

    private static void closeBar(ProgressBar bar, PrintWriter err) {
        if (bar != null) {
            bar.close();
            err.println();
            err.flush();
        }
    }
}
