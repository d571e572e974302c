package org.ecgchat.io.delineate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.ecgchat.io.wfdb.Annotation;
import org.ecgchat.io.wfdb.AnnotationCode;
import org.ecgchat.io.wfdb.Annotations;
import org.ecgchat.io.wfdb.Wfdb;
import org.ecgchat.io.wfdb.WfdbRecord;
import org.junit.jupiter.api.Test;

/** Accuracy against cardiologists' annotations of real records. */
class RealRecordAccuracyTest {

    @Test
    void mitBih100BeatsHaveSensitivityAndPositivePredictivityAbove99_5Percent() throws IOException {
        Path record = SharedRecords.mitdb100();
        WfdbRecord ecg = Wfdb.read(record);
        double fs = ecg.samplingFrequency();
        Delineation found = Delineator.delineate(ecg.physical(0), fs);
        List<Annotation> test = new ArrayList<>();
        for (int r : found.rPeaks()) {
            test.add(Annotation.of(r, AnnotationCode.NORMAL));
        }
        List<Annotation> reference = Annotations.read(record, "atr");

        BeatComparison.Result standard = BeatComparison.compare(reference, test,
                BeatComparison.Window.standard(fs, ecg.length()), fs);
        System.out.print(standard.report("100", "atr", "ecgchat"));
        assertThat(standard.sensitivity()).isGreaterThanOrEqualTo(0.995);
        assertThat(standard.positivePredictivity()).isGreaterThanOrEqualTo(0.995);
        assertThat(standard.truePositives() + standard.falseNegatives()).isEqualTo(1902); // beats after 5:00

        BeatComparison.Result whole = BeatComparison.compare(reference, test,
                BeatComparison.Window.wholeRecord(fs, ecg.length()), fs);
        assertThat(whole.truePositives() + whole.falseNegatives()).isEqualTo(2273);
        assertThat(whole.sensitivity()).isGreaterThanOrEqualTo(0.995);
        assertThat(whole.positivePredictivity()).isGreaterThanOrEqualTo(0.995);
    }

    private static final String[] LUDB_LEADS = {"i", "ii", "iii", "avr", "avl", "avf", "v1", "v2", "v3", "v4", "v5", "v6"};

    @Test
    void ludb1BoundariesAreCloseToTheCardiologistsOnes() throws IOException {
        Path record = SharedRecords.ludb1();
        WfdbRecord ecg = Wfdb.read(record);
        double fs = ecg.samplingFrequency();
        Map<String, Error> errors = new LinkedHashMap<>();
        for (String wave : List.of("P", "QRS", "T")) {
            errors.put(wave + " onset", new Error());
            if (!wave.equals("QRS")) {
                errors.put(wave + " peak", new Error());
            }
            errors.put(wave + " offset", new Error());
        }
        for (int lead = 0; lead < LUDB_LEADS.length; lead++) {
            Delineation found = Delineator.delineate(ecg.physical(lead), fs);
            List<Annotation> marks = Annotations.read(record, LUDB_LEADS[lead]);
            for (int i = 1; i + 1 < marks.size(); i++) {
                String wave = switch (marks.get(i).mnemonic()) {
                    case "p" -> "P";
                    case "N" -> "QRS";
                    case "t" -> "T";
                    default -> null;
                };
                if (wave == null || !marks.get(i - 1).mnemonic().equals("(") || !marks.get(i + 1).mnemonic().equals(")")) {
                    continue;
                }
                ToIntFunction<Beat> peak = wave.equals("P") ? Beat::pPeak : wave.equals("QRS") ? Beat::rPeak : Beat::tPeak;
                ToIntFunction<Beat> onset = wave.equals("P") ? Beat::pOnset : wave.equals("QRS") ? Beat::qrsOnset : Beat::tOnset;
                ToIntFunction<Beat> offset = wave.equals("P") ? Beat::pOffset : wave.equals("QRS") ? Beat::qrsOffset : Beat::tOffset;
                long annotated = marks.get(i).sample();
                Beat match = nearest(found, peak, annotated, (int) (0.15 * fs));
                errors.get(wave + " onset").add(match == null ? Beat.ABSENT : onset.applyAsInt(match), marks.get(i - 1).sample(), fs);
                errors.get(wave + " offset").add(match == null ? Beat.ABSENT : offset.applyAsInt(match), marks.get(i + 1).sample(), fs);
                if (!wave.equals("QRS")) {
                    errors.get(wave + " peak").add(match == null ? Beat.ABSENT : peak.applyAsInt(match), annotated, fs);
                }
            }
        }
        System.out.println("LUDB record 1, 12 leads, mean absolute error against the annotations:");
        errors.forEach((name, e) -> System.out.printf(Locale.ROOT, "  %-10s %5.1f ms  (%d found, %d missed)%n",
                name, e.mae(), e.count, e.missed));

        assertThat(errors.get("QRS onset").mae()).isLessThanOrEqualTo(10);
        assertThat(errors.get("QRS offset").mae()).isLessThanOrEqualTo(10);
        assertThat(errors.get("QRS onset").missed + errors.get("QRS offset").missed).isZero();
        assertThat(errors.get("QRS onset").count).isEqualTo(72); // 6 beats × 12 leads
        // looser guards for the P and T waves, whose boundaries are less sharply defined
        for (String name : List.of("P onset", "P offset", "T offset")) {
            assertThat(errors.get(name).mae()).as(name).isLessThanOrEqualTo(12);
        }
        assertThat(errors.get("T onset").mae()).isLessThanOrEqualTo(20);
        for (String name : List.of("P peak", "T peak")) {
            assertThat(errors.get(name).mae()).as(name).isLessThanOrEqualTo(6);
        }
        for (Error e : errors.values()) {
            assertThat(e.missed).isLessThanOrEqualTo(2);
        }
    }

    private static Beat nearest(Delineation d, ToIntFunction<Beat> point, long sample, int within) {
        Beat best = null;
        long bestDistance = Long.MAX_VALUE;
        for (Beat b : d.beats()) {
            int p = point.applyAsInt(b);
            if (p != Beat.ABSENT && Math.abs(p - sample) < bestDistance) {
                best = b;
                bestDistance = Math.abs(p - sample);
            }
        }
        return bestDistance <= within ? best : null;
    }

    /** Mean absolute error in ms over the points found, and a count of points not found. */
    private static final class Error {
        double sumMs;
        int count;
        int missed;

        void add(int found, long annotated, double fs) {
            if (found == Beat.ABSENT) {
                missed++;
            } else {
                sumMs += Math.abs(found - annotated) * 1000 / fs;
                count++;
            }
        }

        double mae() {
            return count == 0 ? Double.NaN : sumMs / count;
        }
    }
}
