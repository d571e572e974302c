package org.ecgchat.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ecgchat.io.delineate.Beat;
import org.ecgchat.io.delineate.Delineation;
import org.ecgchat.io.delineate.Delineator;
import org.ecgchat.io.wfdb.Annotation;
import org.ecgchat.io.wfdb.AnnotationCode;
import org.ecgchat.io.wfdb.Annotations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ecg-chat beats -r RECORD [--lead NAME] -o ANNOTATOR}: detects the beats of one lead and
 * writes them as a WFDB annotation file {@code RECORD.ANNOTATOR} (one {@code N} per R peak, chan =
 * the lead's signal number) that {@code rdann} and WFDB's {@code bxb} read. With {@code --waves}
 * the P, QRS and T boundaries are written too, in LUDB's style: {@code (} onset, {@code p} /
 * {@code N} / {@code t} peak, {@code )} offset.
 */
@Command(name = "beats", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Detect the beats of one lead of a WFDB record and write them as an annotation file",
            "RECORD.ANNOTATOR, readable by rdann and WFDB's bxb (e.g. bxb -r RECORD -a atr ANNOTATOR)."})
public final class BeatsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "-r", required = true, paramLabel = "RECORD", description = "record path without extension")
    Path record;

    @Option(names = "--lead", paramLabel = "NAME", defaultValue = "0",
            description = "lead name (case-insensitive) or signal number; default: the first signal")
    String lead;

    @Option(names = "-o", required = true, paramLabel = "ANNOTATOR", description = "annotator name (file extension) to write")
    String annotator;

    @Option(names = "--waves", description = "also write P/QRS/T onsets, peaks and offsets as ( p ) ( N ) ( t )")
    boolean waves;

    @Override
    public Integer call() throws IOException {
        Annotations.file(record, annotator); // reject a bad annotator name before the work
        RecordLead l = RecordLead.read(record, lead);
        double[] samples = l.samples().clone();
        int invalid = 0;
        for (int i = 0; i < samples.length; i++) {
            if (!Double.isFinite(samples[i])) {
                samples[i] = 0;
                invalid++;
            }
        }
        Delineation d = Delineator.delineate(samples, l.samplingFrequency());
        List<Annotation> annotations = waves ? waves(d, l.signal()) : beats(d, l.signal());
        Annotations.write(record, annotator, annotations);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%d beats in lead %s (signal %d) written to %s%s%n", d.beats().size(), l.name(), l.signal(),
                Annotations.file(record, annotator), invalid == 0 ? "" : " (" + invalid + " invalid samples read as 0)");
        out.flush();
        return 0;
    }

    private static List<Annotation> beats(Delineation d, int chan) {
        List<Annotation> out = new ArrayList<>();
        for (int r : d.rPeaks()) {
            out.add(new Annotation(r, AnnotationCode.NORMAL, 0, chan, 0, null));
        }
        return out;
    }

    private static List<Annotation> waves(Delineation d, int chan) {
        List<Annotation> out = new ArrayList<>();
        for (Beat b : d.beats()) {
            wave(out, b.pOnset(), b.pPeak(), b.pOffset(), AnnotationCode.PWAVE, chan);
            wave(out, b.qrsOnset(), b.rPeak(), b.qrsOffset(), AnnotationCode.NORMAL, chan);
            wave(out, b.tOnset(), b.tPeak(), b.tOffset(), AnnotationCode.TWAVE, chan);
        }
        return out;
    }

    private static void wave(List<Annotation> out, int onset, int peak, int offset, AnnotationCode type, int chan) {
        if (peak == Beat.ABSENT) {
            return;
        }
        if (onset != Beat.ABSENT) {
            out.add(new Annotation(onset, AnnotationCode.WFON, 0, chan, 0, null));
        }
        out.add(new Annotation(peak, type, 0, chan, 0, null));
        if (offset != Beat.ABSENT) {
            out.add(new Annotation(offset, AnnotationCode.WFOFF, 0, chan, 0, null));
        }
    }
}
