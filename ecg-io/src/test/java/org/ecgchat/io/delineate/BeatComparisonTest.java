package org.ecgchat.io.delineate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.ecgchat.io.wfdb.Annotation;
import org.ecgchat.io.wfdb.AnnotationCode;
import org.junit.jupiter.api.Test;

class BeatComparisonTest {

    private static final double FS = 1000; // 150 ms window = 150 samples

    @Test
    void pairsBeatsWithinTheMatchWindowAndCountsMissesAndExtras() {
        List<Annotation> ref = new ArrayList<>();
        for (int t = 1000; t <= 10000; t += 1000) {
            ref.add(n(t));
        }
        ref.add(Annotation.of(11000, AnnotationCode.PVC));
        ref.add(Annotation.of(11500, AnnotationCode.RHYTHM, "(N"));
        List<Annotation> test = new ArrayList<>(List.of(n(1010), n(2100), n(3200), n(4500)));
        for (int t = 5000; t <= 11000; t += 1000) {
            test.add(n(t));
        }
        BeatComparison.Result r = BeatComparison.compare(ref, test, BeatComparison.Window.wholeRecord(FS, 12000), FS);
        assertThat(r.count('N', 'n')).isEqualTo(8); // 1000 (10 ms), 2000 (100 ms), 5000..10000
        assertThat(r.count('N', 'o')).isEqualTo(2); // 3000 (nearest test beat 200 ms away) and 4000
        assertThat(r.count('O', 'n')).isEqualTo(2); // 3200 and 4500
        assertThat(r.count('V', 'n')).isEqualTo(1);
        assertThat(r.count('N', 'x')).isZero();
        assertThat(r.truePositives()).isEqualTo(9);
        assertThat(r.sensitivity()).isEqualTo(9 / 11.0);
        assertThat(r.positivePredictivity()).isEqualTo(9 / 11.0);
    }

    @Test
    void printsBxbsStandardReport() {
        List<Annotation> ref = List.of(n(1000), Annotation.of(2000, AnnotationCode.PVC), n(3000), n(4000));
        List<Annotation> test = List.of(n(1000), n(2005), n(3500), n(4000));
        String report = BeatComparison.compare(ref, test, BeatComparison.Window.wholeRecord(FS, 5000), FS)
                .report("rec", "atr", "qrs");
        assertThat(report).isEqualTo("""
                Beat-by-beat comparison results for record rec
                Reference annotator: atr
                     Test annotator: qrs

                               Algorithm
                        n    v    f    q    o    x
                   _______________________________
                 N |    2    0    0    0    1    0
                 V |    1    0    0    0    0    0
                 F |    0    0    0    0    0    0
                 Q |    0    0    0    0    0    0
                 O |    1    0    0    0
                 X |    0    0    0    0

                           QRS sensitivity:  75.00% (3/4)
                 QRS positive predictivity:  75.00% (3/4)
                           VEB sensitivity:   0.00% (0/1)
                 VEB positive predictivity:      -  (0/0)
                   VEB false positive rate:  0.000% (0/3)


                  Beats missed in shutdown:   0.00% (0/4)
                      N missed in shutdown:   0.00% (0/3)
                      V missed in shutdown:   0.00% (0/1)
                      F missed in shutdown:      -  (0/0)
                       Total shutdown time:     0 seconds
                """);
    }

    @Test
    void theStandardComparisonSkipsTheFirstFiveMinutes() {
        List<Annotation> ref = List.of(n(1000), n(299_000), n(301_000), n(302_000));
        List<Annotation> test = List.of(n(301_000), n(302_000));
        BeatComparison.Result r = BeatComparison.compare(ref, test, BeatComparison.Window.standard(FS, 400_000), FS);
        assertThat(r.truePositives()).isEqualTo(2);
        assertThat(r.falseNegatives()).isZero();
        assertThat(r.falsePositives()).isZero();
    }

    @Test
    void referenceVentricularFlutterIsExcluded() {
        List<Annotation> ref = List.of(n(1000), Annotation.of(1500, AnnotationCode.VFON), n(2000),
                Annotation.of(2500, AnnotationCode.VFOFF), n(3000));
        List<Annotation> test = List.of(n(1000), n(1800), n(2200), n(3000));
        BeatComparison.Result r = BeatComparison.compare(ref, test, BeatComparison.Window.wholeRecord(FS, 4000), FS);
        assertThat(r.truePositives()).isEqualTo(2);
        assertThat(r.falsePositives()).isZero(); // test beats inside reference VF are not counted
    }

    @Test
    void unsortedAnnotationsAreRejected() {
        assertThatThrownBy(() -> BeatComparison.compare(List.of(n(2), n(1)), List.of(),
                BeatComparison.Window.wholeRecord(FS, 10), FS))
                .hasMessageContaining("reference annotations are not in time order at index 1");
    }

    private static Annotation n(long t) {
        return Annotation.of(t, AnnotationCode.NORMAL);
    }
}
