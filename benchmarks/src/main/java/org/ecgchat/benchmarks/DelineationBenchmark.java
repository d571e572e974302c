package org.ecgchat.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.ecgchat.io.delineate.Delineation;
import org.ecgchat.io.delineate.Delineator;
import org.ecgchat.io.delineate.EcgCleaner;
import org.ecgchat.io.delineate.RPeakDetector;
import org.ecgchat.io.delineate.WaveformFeatures;
import org.ecgchat.io.wfdb.Wfdb;
import org.ecgchat.io.wfdb.WfdbRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * R-peak detection and P/QRS/T delineation on real records: LUDB record 1 (10 s, 12 leads, 500 Hz)
 * and MIT-BIH record 100 (30 min, 360 Hz, lead MLII). The records are read from
 * {@code -p shared=DIR} (default {@code ../shared}, the data directory beside the checkout).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = "-Xmx2g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DelineationBenchmark {

    @Param("../shared")
    public String shared;

    private double[][] ludb;
    private double ludbFs;
    private double[] mitdb;
    private double mitdbFs;
    private double[] mitdbCleaned;

    @Setup
    public void read() throws IOException {
        WfdbRecord twelveLead = Wfdb.read(record("wfdb-corpus/egm/tests/testthat/ludb-ecg"));
        ludb = twelveLead.physical();
        ludbFs = twelveLead.samplingFrequency();
        WfdbRecord holter = Wfdb.read(record("wfdb-corpus/wfdb-python/sample-data/100"));
        mitdb = holter.physical(0);
        mitdbFs = holter.samplingFrequency();
        mitdbCleaned = EcgCleaner.clean(mitdb, mitdbFs);
    }

    private Path record(String relative) {
        Path p = Path.of(shared).resolve(relative);
        if (!Files.exists(p.resolveSibling(p.getFileName() + ".hea"))) {
            throw new IllegalStateException("record " + p + " not found; pass -p shared=/path/to/shared");
        }
        return p;
    }

    /** Clean, detect and delineate all 12 leads of a 10 s 500 Hz ECG. */
    @Benchmark
    public void delineate12Leads10s(Blackhole bh) {
        for (double[] lead : ludb) {
            bh.consume(Delineator.delineate(lead, ludbFs));
        }
    }

    /** The WFEP text of lead II of a 10 s 500 Hz ECG (what dataset preparation runs per record). */
    @Benchmark
    public String wfepLeadII10s() {
        return WaveformFeatures.of(ludb[1], ludbFs).render();
    }

    /** Clean and detect R peaks in 30 min at 360 Hz. */
    @Benchmark
    public int[] detectRecord100() {
        return RPeakDetector.detect(EcgCleaner.clean(mitdb, mitdbFs), mitdbFs);
    }

    /** R-peak detection alone on the cleaned 30 min. */
    @Benchmark
    public int[] detectRecord100Cleaned() {
        return RPeakDetector.detect(mitdbCleaned, mitdbFs);
    }

    /** Clean, detect and delineate 30 min at 360 Hz (delineation resamples to 500 Hz). */
    @Benchmark
    public Delineation delineateRecord100() {
        return Delineator.delineate(mitdb, mitdbFs);
    }
}
