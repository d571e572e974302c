package org.ecgchat.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ecgchat.io.wfdb.Wfdb;
import org.ecgchat.io.wfdb.WfdbRecord;

/**
 * Makes the small record the project ships for its first-run command ({@code demo}: two leads,
 * 250 Hz, 4 s, format 212): each beat is a sum of Gaussian P, Q, R, S and T waves, so the record
 * is deterministic and needs no downloaded data.
 *
 * <p>Usage: {@code java -cp ecg-chat.jar org.ecgchat.examples.DemoRecord DIRECTORY}
 */
public final class DemoRecord {
    /** Record name of the demo record. */
    public static final String NAME = "demo";
    private static final double FS = 250;
    private static final int SECONDS = 4;
    private static final double RR = 0.8;
    /** Per wave: centre (s after the beat), width (s), amplitude in lead I and lead II (mV). */
    private static final double[][] WAVES = {
        {-0.20, 0.025, 0.10, 0.15},
        {-0.03, 0.010, -0.08, -0.10},
        {0.00, 0.012, 0.90, 1.20},
        {0.03, 0.010, -0.20, -0.25},
        {0.25, 0.045, 0.25, 0.35},
    };

    private DemoRecord() {
    }

    /** The demo record's samples, in mV. */
    public static WfdbRecord make() {
        int n = (int) (FS * SECONDS);
        double[][] mv = new double[2][n];
        for (int i = 0; i < n; i++) {
            double t = i / FS;
            double phase = t - RR * Math.floor(t / RR) - 0.3;
            for (double[] w : WAVES) {
                double g = Math.exp(-0.5 * Math.pow((phase - w[0]) / w[1], 2));
                mv[0][i] += w[2] * g;
                mv[1][i] += w[3] * g;
            }
        }
        return WfdbRecord.fromPhysical(NAME, FS, List.of("I", "II"), "mV", 200, 212, mv);
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Wfdb.write(dir, make());
        System.out.println("wrote " + dir.resolve(NAME + ".hea") + " and " + dir.resolve(NAME + ".dat"));
    }
}
