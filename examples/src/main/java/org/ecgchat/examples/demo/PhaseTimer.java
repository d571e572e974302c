package org.ecgchat.examples.demo;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Wall-clock and process CPU time of each phase of a run. CPU time counts every thread of the
 * process (ND4J's included), so on a machine shared with other work it shows what the run itself
 * cost, while the wall-clock time also holds the waiting for a core.
 */
final class PhaseTimer {

    /**
     * One finished phase.
     *
     * @param name        what the phase did
     * @param wallSeconds elapsed time
     * @param cpuSeconds  CPU time of the process during the phase (NaN where the JVM cannot tell)
     */
    record Phase(@JsonProperty("name") String name, @JsonProperty("wall_seconds") double wallSeconds,
                 @JsonProperty("cpu_seconds") double cpuSeconds) {}

    private final long startNanos = System.nanoTime();
    private final List<Phase> phases = new ArrayList<>();
    private String current;
    private long currentStart;
    private double currentCpu;

    /** Ends the running phase, if any, and starts {@code name}. */
    void start(String name) {
        finish();
        current = name;
        currentStart = System.nanoTime();
        currentCpu = processCpuSeconds();
    }

    /** Ends the running phase, if any. */
    void finish() {
        if (current != null) {
            phases.add(new Phase(current, (System.nanoTime() - currentStart) / 1e9, processCpuSeconds() - currentCpu));
            current = null;
        }
    }

    /** The finished phases, in order. */
    List<Phase> phases() {
        return List.copyOf(phases);
    }

    /** Seconds since this timer was made. */
    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** CPU time of the whole process, or NaN when the platform does not report it. */
    static double processCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? Double.NaN : nanos / 1e9;
        }
        return Double.NaN;
    }
}
