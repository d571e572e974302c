package org.ecgchat.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * The step of {@link CocaTrainStepBenchmark} timed in CPU time of the whole process (all threads:
 * ND4J's, the BLAS's, garbage collection and JIT compilation), which a machine busy with other
 * work disturbs far less than JMH's wall-clock throughput. Run it with one thread
 * ({@code OMP_NUM_THREADS=1}) to compare the work a step costs with PyTorch's
 * ({@code train_step_torch.py --threads 1}, which reports {@code cpu_seconds_per_step}). Prints
 * every step and then the median of the steps after the warm-up. Usage:
 * {@code OMP_NUM_THREADS=1 java [-Dorg.bytedeco.javacpp.platform.extension=-onednn] -cp benchmarks/target/benchmarks.jar
 * org.ecgchat.benchmarks.CocaTrainStepCpuTime CONFIG [STEPS [WARMUP [BATCH [TEXT_LENGTH]]]]} (defaults 40, 20:
 * SameDiff's code takes tens of steps to be compiled; batch 8 and 32 tokens, the demo's model trains at 32 and 48).
 */
public final class CocaTrainStepCpuTime {

    private CocaTrainStepCpuTime() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: CocaTrainStepCpuTime tiny|demo|small|full [STEPS [WARMUP [BATCH [TEXT_LENGTH]]]]");
            System.exit(2);
        }
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        if (steps <= warmup) {
            throw new IllegalArgumentException("steps (" + steps + ") must exceed the warm-up (" + warmup + ")");
        }
        if (System.getProperty("org.bytedeco.javacpp.platform.extension") == null) {
            // as the benchmark's default fork: the OpenBLAS build, not the oneDNN one JavaCPP would prefer
            System.setProperty("org.bytedeco.javacpp.platform.extension", "");
        }
        CocaTrainStepBenchmark bench = new CocaTrainStepBenchmark();
        bench.config = args[0];
        bench.batch = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        bench.textLength = args.length > 4 ? Integer.parseInt(args[4]) : 32;
        bench.lockText = false;
        bench.build();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] cpu = new double[steps - warmup];
        for (int s = 0; s < steps; s++) {
            long c0 = os.getProcessCpuTime();
            long w0 = System.nanoTime();
            double loss = bench.trainStep();
            double seconds = (os.getProcessCpuTime() - c0) / 1e9;
            System.out.printf(Locale.ROOT, "step %d loss %.5f process CPU %.3f s wall %.3f s%n", s, loss, seconds,
                    (System.nanoTime() - w0) / 1e9);
            if (s >= warmup) {
                cpu[s - warmup] = seconds;
            }
        }
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%s: median process CPU %.3f s per step over %d steps after %d warm-up steps%n",
                args[0], cpu[cpu.length / 2], cpu.length, warmup);
    }
}
