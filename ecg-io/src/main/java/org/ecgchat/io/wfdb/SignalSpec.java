package org.ecgchat.io.wfdb;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One signal line of a WFDB header: where and how the samples are stored and how digital values
 * (ADC units) map to physical ones: {@code physical = (digital - baseline) / gain}.
 *
 * @param fileName        signal file, relative to the header's directory ({@code "~"} for none)
 * @param format          storage format code (8, 16, 212, ...; see {@link SignalFormat})
 * @param samplesPerFrame samples of this signal in each frame (1 unless the record is multi-frequency)
 * @param skew            skew in samples, as written in the header ({@code 16:3})
 * @param byteOffset      bytes before sample 0 in the signal file ({@code 16+24}, e.g. MATLAB v4 headers)
 * @param gain            ADC units per physical unit; 0 means uncalibrated (WFDB then assumes 200)
 * @param baseline        digital value of physical zero
 * @param units           physical units, or {@code null} when the header gives none (WFDB reads "mV")
 * @param adcResolution   ADC resolution in bits
 * @param adcZero         digital value of the ADC's mid-range
 * @param initialValue    value of the first sample (the base of format 8 differences)
 * @param checksum        16-bit sum of all samples, when the header gives it
 * @param blockSize       block size in bytes (0: the file may be read at any byte)
 * @param description     signal name, e.g. {@code "MLII"} or {@code "V5"}
 */
public record SignalSpec(
        String fileName,
        int format,
        int samplesPerFrame,
        int skew,
        long byteOffset,
        double gain,
        int baseline,
        String units,
        int adcResolution,
        int adcZero,
        int initialValue,
        OptionalInt checksum,
        int blockSize,
        String description) {

    /** Gain WFDB applications assume for an uncalibrated signal (gain 0). */
    public static final double DEFAULT_GAIN = 200.0;

    public SignalSpec {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(description, "description");
        if (!SignalFormat.isKnown(format)) {
            throw new IllegalArgumentException("unknown WFDB signal format " + format
                    + " (known: " + SignalFormat.knownCodes() + ")");
        }
        if (samplesPerFrame < 1) {
            throw new IllegalArgumentException("samplesPerFrame must be >= 1, was " + samplesPerFrame);
        }
        if (skew < 0 || byteOffset < 0 || blockSize < 0) {
            throw new IllegalArgumentException("skew, byteOffset and blockSize must be >= 0");
        }
        if (!Double.isFinite(gain)) {
            throw new IllegalArgumentException("gain must be finite, was " + gain);
        }
    }

    /** A calibrated signal in the given format with adc zero 0, baseline 0 and no checksum yet. */
    public static SignalSpec of(String fileName, int format, double gain, String units, String description) {
        SignalFormat f = SignalFormat.of(format);
        int resolution = f == SignalFormat.NULL ? 0 : f == SignalFormat.DIFFERENCE_8 ? 16 : f.bits();
        return new SignalSpec(fileName, format, 1, 0, 0, gain, 0, units, resolution, 0, 0,
                OptionalInt.empty(), 0, description);
    }

    /** The storage format as an enum. */
    public SignalFormat signalFormat() {
        return SignalFormat.of(format);
    }

    /** Units to display: the header's, or {@code "mV"} when it gives none (as WFDB does). */
    public String unitsOrDefault() {
        return units == null ? "mV" : units;
    }

    /** The gain used for conversion: {@link #DEFAULT_GAIN} for an uncalibrated signal. */
    public double effectiveGain() {
        return gain == 0 ? DEFAULT_GAIN : gain;
    }

    /** Skew in frames, as WFDB deskews: the header's samples divided by samples per frame, rounded. */
    public int skewFrames() {
        return (int) ((double) skew / samplesPerFrame + 0.5);
    }

    /** This spec with another checksum and initial value (what a writer computes). */
    public SignalSpec withData(int newInitialValue, int newChecksum) {
        return new SignalSpec(fileName, format, samplesPerFrame, skew, byteOffset, gain, baseline, units,
                adcResolution, adcZero, newInitialValue, OptionalInt.of(newChecksum), blockSize, description);
    }

    /** This spec with another storage format, skew and byte offset. */
    public SignalSpec withStorage(int newFormat, int newSamplesPerFrame, int newSkew, long newByteOffset) {
        return new SignalSpec(fileName, newFormat, newSamplesPerFrame, newSkew, newByteOffset, gain, baseline,
                units, adcResolution, adcZero, initialValue, checksum, blockSize, description);
    }
}
