package org.ecgchat.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ecgchat.io.wfdb.Annotation;
import org.ecgchat.io.wfdb.AnnotationCode;
import org.ecgchat.io.wfdb.AnnotationFile;
import org.ecgchat.io.wfdb.AnnotationReader;
import org.ecgchat.io.wfdb.AnnotationWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading and writing MIT annotation files: a 24-hour Holter-like file of 100,000 beats (N with
 * some V, a rhythm label with aux text every 200 beats, a 3-hour gap needing SKIPs), held in
 * memory so that only decoding and encoding are timed. One operation = the whole file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AnnotationBenchmark {

    static final int BEATS = 100_000;
    private static final Path NAME = Path.of("holter.atr");

    private AnnotationFile content;
    private byte[] bytes;

    @Setup
    public void setUp() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        List<Annotation> annotations = new ArrayList<>(BEATS + BEATS / 200 + 1);
        long t = 0;
        for (int i = 0; i < BEATS; i++) {
            t += 250 + random.nextInt(-40, 41) + (i == BEATS / 2 ? 3L * 3600 * 360 : 0);
            if (i % 200 == 0) {
                annotations.add(Annotation.of(t - 10, AnnotationCode.RHYTHM, i % 400 == 0 ? "(N" : "(AFIB"));
            }
            annotations.add(Annotation.of(t, random.nextInt(20) == 0 ? AnnotationCode.PVC : AnnotationCode.NORMAL));
        }
        content = new AnnotationFile(annotations, List.of(), OptionalDouble.empty());
        bytes = write();
    }

    @Benchmark
    public int read() throws IOException {
        int n = 0;
        try (AnnotationReader r = AnnotationReader.open(new ByteArrayInputStream(bytes), NAME)) {
            for (Annotation a = r.read(); a != null; a = r.read()) {
                n += a.code();
            }
        }
        return n;
    }

    @Benchmark
    public byte[] write() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes == null ? 1 << 20 : bytes.length);
        try (AnnotationWriter w = AnnotationWriter.create(out, NAME, List.of(), OptionalDouble.empty())) {
            for (Annotation a : content.annotations()) {
                w.write(a);
            }
            w.finish();
        }
        return out.toByteArray();
    }
}
