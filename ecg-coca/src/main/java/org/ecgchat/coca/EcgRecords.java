package org.ecgchat.coca;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgchat.io.preprocess.Clean;
import org.ecgchat.io.preprocess.PadOrCrop;
import org.ecgchat.io.preprocess.PreprocessStep;
import org.ecgchat.io.preprocess.Preprocessor;
import org.ecgchat.io.preprocess.Resample;
import org.ecgchat.io.preprocess.SelectLeads;
import org.ecgchat.io.wfdb.Wfdb;
import org.ecgchat.io.wfdb.WfdbReader;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * WFDB records as ECG-CoCa input, prepared the way ECG-Chat evaluates: the twelve standard leads
 * in model order (picked by name), invalid samples to 0, the record resampled to 500 Hz if it is
 * not at that rate, per-lead {@code (x − mean) / std} (ECG-Chat: 0 and 1) and zero-padding or
 * cropping to {@code seq_length}. Clean, normalise and pad/crop run in float32 like the original.
 */
public final class EcgRecords {

    /** The sampling frequency of ECG-Chat's data and models. */
    public static final int SAMPLING_FREQUENCY = 500;

    private EcgRecords() {}

    /** ECG-Chat's evaluation preprocessing (clean, normalise with 0/1, pad or crop) for {@code config}. */
    public static Preprocessor evaluation(CocaConfig config) {
        return Preprocessor.evaluation(config.ecg().seqLength());
    }

    /**
     * Reads a record and prepares it: lead selection and resampling as described above, then
     * {@code preprocessing} (typically {@link #evaluation}); returns {@code [lead_num][seq_length]}.
     *
     * @throws IllegalArgumentException if the record lacks a standard lead or the result does not
     *     have the model's shape
     */
    public static float[][] read(Path record, CocaConfig config, Preprocessor preprocessing) throws IOException {
        try (WfdbReader reader = Wfdb.open(record)) {
            List<String> names = reader.header().signalNames();
            double fs = reader.header().samplingFrequency();
            float[][] leads = reader.readPhysicalFloat(0, reader.length());
            List<PreprocessStep> steps = new ArrayList<>();
            if (config.ecg().leadNum() == SelectLeads.STANDARD_12.size()) {
                steps.add(new SelectLeads(SelectLeads.STANDARD_12));
            }
            if (fs != SAMPLING_FREQUENCY) {
                steps.add(new Clean());
                steps.add(new Resample(SAMPLING_FREQUENCY));
            }
            steps.addAll(preprocessing.steps());
            float[][] x;
            try {
                x = new Preprocessor(steps).apply(leads, fs, names);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("record " + record + ": " + e.getMessage(), e);
            }
            int length = config.ecg().seqLength();
            if (x.length != config.ecg().leadNum() || x[0].length != length) {
                throw new IllegalArgumentException("record " + record + " gives " + x.length + " leads of " + x[0].length
                        + " samples after preprocessing; the model needs " + config.ecg().leadNum() + " of " + length
                        + " (end the preprocessing with " + new PadOrCrop(length) + ")");
            }
            return x;
        }
    }

    /** Stacks prepared ECGs of equal shape into a batch {@code [B, leads, samples]}. */
    public static INDArray batch(List<float[][]> ecgs) {
        if (ecgs.isEmpty()) {
            throw new IllegalArgumentException("an empty batch");
        }
        int leads = ecgs.get(0).length;
        int samples = ecgs.get(0)[0].length;
        float[] flat = new float[Math.multiplyExact(Math.multiplyExact(ecgs.size(), leads), samples)];
        int at = 0;
        for (float[][] ecg : ecgs) {
            if (ecg.length != leads) {
                throw new IllegalArgumentException("ECGs of " + leads + " and " + ecg.length + " leads in one batch");
            }
            for (float[] lead : ecg) {
                if (lead.length != samples) {
                    throw new IllegalArgumentException("ECGs of " + samples + " and " + lead.length
                            + " samples in one batch");
                }
                System.arraycopy(lead, 0, flat, at, samples);
                at += samples;
            }
        }
        return Nd4j.create(flat, new long[] {ecgs.size(), leads, samples}, 'c');
    }
}
