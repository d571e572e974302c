package org.ecgchat.examples;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ecgchat.io.delineate.Beat;
import org.ecgchat.io.delineate.Delineation;
import org.ecgchat.io.delineate.Delineator;
import org.ecgchat.io.synth.BeatAnnotation;
import org.ecgchat.io.synth.BeatType;
import org.ecgchat.io.synth.Diagnosis;
import org.ecgchat.io.synth.SynthConfig;
import org.ecgchat.io.synth.SyntheticEcg;
import org.ecgchat.io.synth.SyntheticEcgGenerator;

/**
 * How well the WFEP delineator recovers the generated intervals, per condition: delineates lead
 * II of clean synthetic records and prints, for PR, QRS and QT, the mean signed error over all
 * matched conducted beats, the mean absolute per-record error, the worst record and the share of
 * records within 10 ms. Usage: {@code SynthDelineationReport [records per condition, default 50]}.
 */
public final class SynthDelineationReport {

    private static final List<String> CONDITIONS =
            List.of("SR", "SBRAD", "STACH", "AFIB", "1AVB", "LBBB", "RBBB", "STE", "STD", "PVC", "LVOLT");

    private SynthDelineationReport() {}

    public static void main(String[] args) {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        SyntheticEcgGenerator generator = new SyntheticEcgGenerator(SynthConfig.DEFAULT);
        System.out.printf(Locale.ROOT, "%-6s %-5s %8s %8s %8s %8s %7s%n", "cond.", "int.", "bias ms", "|rec| ms",
                "worst ms", "<=10 ms", "missed");
        for (String condition : CONDITIONS) {
            double[][] perRecord = new double[3][records];
            double[] bias = new double[3];
            int[] beatsCounted = new int[3];
            int missed = 0, total = 0;
            for (int seed = 0; seed < records; seed++) {
                SyntheticEcg ecg = generator.generate(Diagnosis.parse(condition), new SplittableRandom(seed));
                double fs = ecg.samplingFrequency();
                Delineation d = Delineator.delineate(ecg.lead("II"), fs);
                double[] sum = new double[3];
                int[] n = new int[3];
                for (BeatAnnotation truth : ecg.beats()) {
                    if (truth.type() != BeatType.NORMAL || truth.qrsOnset() < 0.5 || truth.tEnd() > ecg.duration() - 0.5) {
                        continue;
                    }
                    total++;
                    Beat found = null;
                    for (Beat b : d.beats()) {
                        if (Math.abs(b.rPeak() / fs - truth.rPeak()) < 0.06) {
                            found = b;
                        }
                    }
                    if (found == null) {
                        missed++;
                        continue;
                    }
                    double[] t = {truth.prInterval() * 1000, truth.qrsDuration() * 1000, truth.qtInterval() * 1000};
                    double[] got = {found.prIntervalMs(fs), found.qrsDurationMs(fs), found.qtIntervalMs(fs)};
                    for (int k = 0; k < 3; k++) {
                        if (!Double.isNaN(t[k]) && !Double.isNaN(got[k])) {
                            sum[k] += got[k] - t[k];
                            n[k]++;
                            bias[k] += got[k] - t[k];
                            beatsCounted[k]++;
                        }
                    }
                }
                for (int k = 0; k < 3; k++) {
                    perRecord[k][seed] = n[k] == 0 ? Double.NaN : sum[k] / n[k];
                }
            }
            String[] names = {"PR", "QRS", "QT"};
            for (int k = 0; k < 3; k++) {
                if (beatsCounted[k] == 0) {
                    continue;
                }
                double absMean = 0, worst = 0;
                int within = 0, measured = 0;
                for (double e : perRecord[k]) {
                    if (!Double.isNaN(e)) {
                        measured++;
                        absMean += Math.abs(e);
                        worst = Math.max(worst, Math.abs(e));
                        within += Math.abs(e) <= 10 ? 1 : 0;
                    }
                }
                System.out.printf(Locale.ROOT, "%-6s %-5s %+8.1f %8.1f %8.1f %7.0f%% %6.1f%%%n", condition, names[k],
                        bias[k] / beatsCounted[k], absMean / measured, worst, 100.0 * within / records,
                        100.0 * missed / Math.max(1, total));
            }
        }
    }
}
