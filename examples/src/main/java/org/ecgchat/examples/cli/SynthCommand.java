package org.ecgchat.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ecgchat.io.synth.CohortRecord;
import org.ecgchat.io.synth.NoiseLevels;
import org.ecgchat.io.synth.SyntheticCohort;
import org.ecgchat.io.synth.SyntheticPtbXl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecg-chat synth}: writes a synthetic 12-lead dataset in PTB-XL's layout. */
@Command(name = "synth", sortOptions = false,
        description = {"Write a synthetic 12-lead ECG dataset (500 Hz, 10 s) in PTB-XL's layout:",
                "records500/ (and records100/), ptbxl_database.csv (reports, scp_codes,",
                "strat_fold), scp_statements.csv, and the ground truth in synthetic_beats.csv",
                "and synthetic_measurements.csv. Conditions are balanced: SR, SBRAD, STACH,",
                "AFIB, 1AVB, CLBBB, CRBBB, STE_, STD_, PVC, LVOLT."})
public final class SynthCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "dataset directory (created if needed)")
    Path out;

    @Option(names = "--records", required = true, paramLabel = "N", description = "number of records (1..99999)")
    int records;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--second-finding-rate", defaultValue = "0.2", paramLabel = "P",
            description = "share of records with a second finding (default: ${DEFAULT-VALUE})")
    double secondFindingRate;

    @Option(names = "--baseline-wander", defaultValue = "0.2", paramLabel = "MV",
            description = "largest baseline wander, mV peak (default: ${DEFAULT-VALUE})")
    double baselineWander;

    @Option(names = "--powerline", defaultValue = "0.02", paramLabel = "MV",
            description = "largest powerline interference, mV peak (default: ${DEFAULT-VALUE})")
    double powerline;

    @Option(names = "--mains", defaultValue = "50", paramLabel = "HZ", description = "powerline frequency (default: ${DEFAULT-VALUE})")
    double mains;

    @Option(names = "--emg", defaultValue = "0.02", paramLabel = "MV", description = "largest EMG noise, mV RMS (default: ${DEFAULT-VALUE})")
    double emg;

    @Option(names = "--clean", description = "no noise at all (overrides the noise options)")
    boolean clean;

    @Option(names = "--lr", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "also write the 100 Hz records100/ version, as PTB-XL has (default: on; --no-lr to skip)")
    boolean lowRate;

    @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: all processors)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws IOException {
        NoiseLevels noise = clean ? NoiseLevels.NONE : new NoiseLevels(baselineWander, powerline, mains, emg);
        SyntheticCohort.Options options = new SyntheticCohort.Options(records, seed, secondFindingRate, noise);
        List<CohortRecord> written;
        if (System.console() != null) {
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("synth").setInitialMax(records)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" records", 1).build()) {
                written = write(options, n -> bar.stepBy(n));
            }
        } else {
            written = write(options, n -> {});
        }
        long patients = written.stream().mapToInt(CohortRecord::patientId).distinct().count();
        long test = written.stream().filter(r -> r.stratFold() == 10).count();
        PrintWriter o = spec.commandLine().getOut();
        o.printf("wrote %d records of %d patients to %s (%d in the test fold 10)%n", written.size(), patients, out, test);
        o.flush();
        return 0;
    }

    private List<CohortRecord> write(SyntheticCohort.Options options, IntConsumer progress) throws IOException {
        return new SyntheticPtbXl(lowRate, threads).write(out, options, progress);
    }
}
