package org.ecgchat.io.synth;

import java.util.List;

/**
 * One generated 12-lead ECG with its ground truth.
 *
 * @param samplingFrequency Hz
 * @param signals {@code [lead][sample]} in millivolts, leads in {@link LeadField#LEAD_NAMES} order
 * @param diagnosis the labelled conditions
 * @param beats ground truth of every beat whose QRS starts inside the record, in time order
 * @param measurements global intervals, axis and ST levels of the clean signal
 * @param report the report in PTB-XL's English style
 * @param machineStatements the report as MIMIC-IV-ECG machine statements
 * @param noise the noise that was added
 */
public record SyntheticEcg(double samplingFrequency, double[][] signals, Diagnosis diagnosis, List<BeatAnnotation> beats,
        EcgMeasurements measurements, String report, List<String> machineStatements, NoiseLevels noise) {

    public SyntheticEcg {
        beats = List.copyOf(beats);
        machineStatements = List.copyOf(machineStatements);
    }

    /** The lead names, {@link LeadField#LEAD_NAMES}. */
    public List<String> leadNames() {
        return LeadField.LEAD_NAMES;
    }

    /** The samples of one lead (mV); the array is shared, not copied. */
    public double[] lead(String name) {
        int i = LeadField.LEAD_NAMES.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no lead '" + name + "'; leads are " + LeadField.LEAD_NAMES);
        }
        return signals[i];
    }

    /** Number of samples per lead. */
    public int length() {
        return signals[0].length;
    }

    /** Duration in seconds. */
    public double duration() {
        return length() / samplingFrequency;
    }
}
