package org.ecgchat.io.delineate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A test ECG built from raised-cosine lobes with exactly known boundaries: P, q, R, S and T of
 * given widths and amplitudes (mV) on a flat baseline, plus seeded white noise. The truth is
 * recorded per beat so delineation can be checked against it.
 */
final class PiecewiseEcg {

    /** Shape of every beat, durations in seconds. */
    record Shape(double pAmp, double pDur, double prSegment, double qAmp, double qDur, double rAmp, double rDur,
                 double sAmp, double sDur, double stSegment, double tAmp, double tDur) {

        static Shape normal() {
            return new Shape(0.15, 0.10, 0.06, -0.10, 0.02, 1.2, 0.045, -0.3, 0.025, 0.10, 0.35, 0.16);
        }

        double qrsDuration() {
            return qDur + rDur + sDur;
        }
    }

    final double fs;
    final double[] samples;
    final List<Beat> truth = new ArrayList<>();

    PiecewiseEcg(double fs, double seconds, double[] rrSeconds, Shape shape, double noiseMv, long seed) {
        this.fs = fs;
        this.samples = new double[(int) Math.round(seconds * fs)];
        Random random = new Random(seed);
        double start = 0.3; // P onset of the first beat
        for (int i = 0; start + 1.0 < seconds; i++) {
            double pOn = start, pOff = pOn + shape.pDur();
            double qrsOn = pOff + shape.prSegment();
            double qEnd = qrsOn + shape.qDur(), rEnd = qEnd + shape.rDur(), sEnd = rEnd + shape.sDur();
            double tOn = sEnd + shape.stSegment(), tOff = tOn + shape.tDur();
            lobe(pOn, pOff, shape.pAmp());
            lobe(qrsOn, qEnd, shape.qAmp());
            lobe(qEnd, rEnd, shape.rAmp());
            lobe(rEnd, sEnd, shape.sAmp());
            lobe(tOn, tOff, shape.tAmp());
            truth.add(new Beat(idx(pOn), idx((pOn + pOff) / 2), idx(pOff), idx(qrsOn),
                    shape.qAmp() < 0 ? idx((qrsOn + qEnd) / 2) : Beat.ABSENT, idx((qEnd + rEnd) / 2),
                    shape.sAmp() < 0 ? idx((rEnd + sEnd) / 2) : Beat.ABSENT, idx(sEnd),
                    idx(tOn), idx((tOn + tOff) / 2), idx(tOff)));
            start += rrSeconds[i % rrSeconds.length];
        }
        for (int n = 0; n < samples.length; n++) {
            samples[n] += noiseMv * random.nextGaussian();
        }
    }

    private int idx(double t) {
        return (int) Math.round(t * fs);
    }

    /** A raised-cosine lobe from t0 to t1 peaking at amplitude a. */
    private void lobe(double t0, double t1, double a) {
        for (int n = (int) Math.ceil(t0 * fs); n <= (int) Math.floor(t1 * fs) && n < samples.length; n++) {
            double u = (n / fs - t0) / (t1 - t0);
            samples[n] += a * 0.5 * (1 - Math.cos(2 * Math.PI * u));
        }
    }
}
