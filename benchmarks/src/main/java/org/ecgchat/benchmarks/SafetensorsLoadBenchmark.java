package org.ecgchat.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ecgchat.nn.checkpoint.Safetensors;
import org.ecgchat.nn.checkpoint.StateDict;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading a safetensors checkpoint into ND4J arrays versus reading the same file's bytes into one
 * reused direct buffer (the I/O floor). The file is hot in the page cache after warm-up, so the
 * difference is the cost of header parsing, mapping and copying into freshly allocated arrays.
 * MB/s = file size / time per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dorg.bytedeco.javacpp.maxbytes=3G"})
public class SafetensorsLoadBenchmark {
    /** Checkpoint size in MiB, split over tensors of {@code tensorMiB} each (like 768×3072 F32 MLP weights). */
    @Param({"256"})
    public int sizeMiB;

    @Param({"9"})
    public int tensorMiB;

    private Path dir;
    private Path file;
    private ByteBuffer rawBuffer;
    private int tensorCount;

    @Setup(Level.Trial)
    public void writeCheckpoint() throws IOException {
        dir = Files.createTempDirectory("safetensors-bench");
        file = dir.resolve("model.safetensors");
        Map<String, INDArray> tensors = new LinkedHashMap<>();
        long floats = tensorMiB * (1L << 20) / 4;
        for (int i = 0; i * tensorMiB < sizeMiB; i++) {
            tensors.put("layer." + i + ".weight", Nd4j.rand(DataType.FLOAT, floats));
        }
        Safetensors.write(file, StateDict.of("bench", tensors));
        tensorCount = tensors.size();
        rawBuffer = ByteBuffer.allocateDirect((int) Files.size(file));
    }

    @TearDown(Level.Trial)
    public void deleteCheckpoint() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * Parse the header and copy every tensor into a new ND4J array. The arrays are closed at once:
     * left to the garbage collector, 256 MiB of off-heap memory per operation would make the run
     * measure JavaCPP's wait for collections instead of loading.
     */
    @Benchmark
    public long safetensorsRead() throws IOException {
        StateDict weights = Safetensors.read(file);
        long elements = 0;
        for (INDArray tensor : weights.asMap().values()) {
            elements += tensor.length();
            tensor.close();
        }
        return elements;
    }

    /**
     * Allocate the same ND4J arrays, all alive at once as after a load, and fill them with plain
     * positional reads of the data section: the floor for loading into fresh memory, whose first
     * touch (page faults, zeroing by the kernel) dominates.
     */
    @Benchmark
    public long rawFileReadIntoNewArrays() throws IOException {
        long floats = tensorMiB * (1L << 20) / 4;
        INDArray[] tensors = new INDArray[tensorCount];
        try (FileChannel channel = FileChannel.open(file)) {
            long position = channel.size() - (long) tensorCount * floats * 4;
            for (int i = 0; i < tensorCount; i++) {
                tensors[i] = Nd4j.createUninitialized(DataType.FLOAT, new long[] {floats}, 'c');
                ByteBuffer target = tensors[i].data().asNio();
                while (target.hasRemaining() && channel.read(target, position + target.position()) >= 0) {
                    // keep reading
                }
                position += floats * 4;
            }
        }
        long elements = 0;
        for (INDArray tensor : tensors) {
            elements += tensor.length();
            tensor.close();
        }
        return elements;
    }

    /** Read all bytes of the file into one reused direct buffer: pure I/O from the page cache. */
    @Benchmark
    public ByteBuffer rawFileRead() throws IOException {
        rawBuffer.clear();
        try (FileChannel channel = FileChannel.open(file)) {
            while (rawBuffer.hasRemaining() && channel.read(rawBuffer) >= 0) {
                // keep reading
            }
        }
        return rawBuffer;
    }
}
