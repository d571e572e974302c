package org.ecgchat.io.wfdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading a range of frames and a subset of signals gives exactly that slice of the record, in
 * digital units and in physical units ({@code (digital - baseline) / gain} by division, NaN where
 * invalid), whichever way the reader decodes the file (straight from the bytes, or through raw
 * values) and however many signals share it.
 */
class WfdbRangeReadTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {16, 24, 32, 61, 80, 160, 212, 310, 311})
    void rangesAndSubsetsAreSlicesOfTheRecord(int format) throws Exception {
        SignalFormat f = SignalFormat.of(format);
        SplittableRandom random = new SplittableRandom(format);
        int n = 70_001;
        for (int signals = 1; signals <= 4; signals++) {
            int[][] d = new int[signals][n];
            List<SignalSpec> specs = new ArrayList<>();
            for (int s = 0; s < signals; s++) {
                for (int i = 0; i < n; i++) {
                    d[s][i] = i % 101 == s ? WfdbRecord.INVALID_SAMPLE
                            : (int) random.nextLong(f.minValue() + 1L, f.maxValue() + 1L);
                }
                SignalSpec spec = SignalSpec.of("r" + signals + ".dat", format, 17.3 + 100 * s, "mV", "sig" + s);
                specs.add(new SignalSpec(spec.fileName(), format, 1, 0, 0, spec.gain(), 7 * s - 3, "mV",
                        spec.adcResolution(), 0, 0, spec.checksum(), 0, spec.description()));
            }
            Wfdb.write(dir, new WfdbRecord(WfdbHeader.of("r" + signals, 500, n, specs), d));
            Path record = dir.resolve("r" + signals);
            try (WfdbReader r = Wfdb.open(record, WfdbReadOptions.DEFAULT.withChecksums(ChecksumPolicy.STRICT))) {
                assertThat(r.readDigital(0, n)).as("format %d, %d signals", format, signals).isDeepEqualTo(d);
                long[][] ranges = {{0, n}, {1, n}, {3, 4}, {4097, n - 5}, {65_534, 65_539}, {n, n}};
                for (long[] range : ranges) {
                    for (int[] subset : subsets(signals)) {
                        int from = (int) range[0];
                        int to = (int) range[1];
                        String what = String.format("format %d, %d signals, frames [%d, %d) of %s", format, signals,
                                from, to, Arrays.toString(subset));
                        int[][] digital = r.readDigital(from, to, subset);
                        double[][] physical = r.readPhysical(from, to, subset);
                        float[][] single = r.readPhysicalFloat(from, to, subset);
                        for (int c = 0; c < subset.length; c++) {
                            int[] expected = Arrays.copyOfRange(d[subset[c]], from, to);
                            SignalSpec spec = specs.get(subset[c]);
                            double[] x = new double[expected.length];
                            float[] y = new float[expected.length];
                            for (int i = 0; i < expected.length; i++) {
                                x[i] = expected[i] == WfdbRecord.INVALID_SAMPLE ? Double.NaN
                                        : ((double) expected[i] - spec.baseline()) / spec.gain();
                                y[i] = (float) x[i];
                            }
                            assertThat(digital[c]).as(what).isEqualTo(expected);
                            assertThat(physical[c]).as(what).isEqualTo(x);
                            assertThat(single[c]).as(what).isEqualTo(y);
                        }
                    }
                }
            }
        }
    }

    /** All signals, the last alone, and (for three or more) every other one in reverse order. */
    private static List<int[]> subsets(int signals) {
        List<int[]> out = new ArrayList<>();
        int[] all = new int[signals];
        Arrays.setAll(all, s -> s);
        out.add(all);
        out.add(new int[] {signals - 1});
        if (signals >= 3) {
            List<Integer> odd = new ArrayList<>();
            for (int s = signals - 1; s >= 0; s -= 2) {
                odd.add(s);
            }
            out.add(odd.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }
}
