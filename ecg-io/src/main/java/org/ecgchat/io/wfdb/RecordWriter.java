package org.ecgchat.io.wfdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgchat.io.AtomicFiles;

/**
 * Writes records: signal files first, then the header, each to a temporary file in the target
 * directory that is renamed into place only when complete, so a reader never sees half a
 * record file. Initial values and checksums are computed from the samples as stored; skew and
 * byte offsets are not reproduced (the samples in memory are already aligned).
 */
final class RecordWriter {
    private RecordWriter() {
    }

    /** Values as the format stores them: invalid samples become the format's marker; format 8 is slew-limited. */
    static int[] storedValues(SignalFormat f, int[] d) {
        int[] out = d.clone();
        int marker = f.minValue();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == WfdbRecord.INVALID_SAMPLE) {
                out[i] = marker;
            }
        }
        if (f == SignalFormat.DIFFERENCE_8 && out.length > 0) {
            int acc = out[0];
            for (int i = 0; i < out.length; i++) {
                int dif = Math.max(-128, Math.min(127, out[i] - acc));
                acc += dif;
                out[i] = acc;
            }
        }
        return out;
    }

    static void write(Path directory, WfdbRecord record) throws IOException {
        WfdbHeader h = record.header();
        List<SignalSpec> specs = h.signals();
        int[][] samples = record.samples();
        long frames = record.length();
        checkName(h.recordName());
        List<SignalSpec> written = new ArrayList<>(specs);
        int s = 0;
        while (s < specs.size()) {
            int e = s + 1;
            while (e < specs.size() && specs.get(e).fileName().equals(specs.get(s).fileName())) {
                e++;
            }
            SignalSpec first = specs.get(s);
            SignalFormat f = first.signalFormat();
            for (int k = s; k < e; k++) {
                if (specs.get(k).format() != first.format()) {
                    throw new IllegalArgumentException("signals " + s + " and " + k + " share file "
                            + first.fileName() + " but have formats " + first.format() + " and " + specs.get(k).format());
                }
                checkRange(specs.get(k), k, samples[k]);
            }
            if (f != SignalFormat.NULL) {
                checkName(first.fileName());
                byte[] bytes = encodeGroup(f, specs.subList(s, e), samples, s, frames);
                AtomicFiles.write(directory.resolve(first.fileName()), bytes);
            }
            for (int k = s; k < e; k++) {
                SignalSpec spec = specs.get(k);
                if (f == SignalFormat.NULL) {
                    written.set(k, spec.withStorage(spec.format(), spec.samplesPerFrame(), 0, 0));
                    continue;
                }
                int[] stored = storedValues(f, samples[k]);
                int sum = 0;
                for (int v : stored) {
                    sum += v;
                }
                int init = stored.length > 0 ? stored[0] : spec.initialValue();
                written.set(k, spec.withStorage(spec.format(), spec.samplesPerFrame(), 0, 0).withData(init, (short) sum));
            }
            s = e;
        }
        writeHeader(directory, h.withSignals(written));
    }

    static void writeHeader(Path directory, WfdbHeader header) throws IOException {
        checkName(header.recordName());
        byte[] text = HeaderWriter.format(header).getBytes(StandardCharsets.ISO_8859_1);
        AtomicFiles.write(directory.resolve(header.recordName() + ".hea"), text);
    }

    private static void checkName(String name) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")
                || name.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("'" + name + "' is not a valid WFDB record or file name "
                    + "(no spaces, control characters or path separators)");
        }
    }

    private static void checkRange(SignalSpec spec, int signal, int[] d) {
        SignalFormat f = spec.signalFormat();
        if (f == SignalFormat.NULL) {
            return;
        }
        int min = f.minValue();
        int max = f.maxValue();
        for (int i = 0; i < d.length; i++) {
            int v = d[i];
            if (v != WfdbRecord.INVALID_SAMPLE && (v <= min || v > max)) {
                throw new IllegalArgumentException("signal " + signal + " (" + spec.description() + ") sample " + i
                        + " is " + v + ", outside format " + spec.format() + " (" + (min + 1) + ".." + max
                        + (v == min ? "; " + min + " marks an invalid sample, use WfdbRecord.INVALID_SAMPLE" : "") + ")");
            }
        }
    }

    private static byte[] encodeGroup(SignalFormat f, List<SignalSpec> group, int[][] samples, int first, long frames) {
        int frameSize = 0;
        int[] spf = new int[group.size()];
        for (int k = 0; k < spf.length; k++) {
            spf[k] = group.get(k).samplesPerFrame();
            frameSize += spf[k];
        }
        long total = frames * frameSize;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("signal file " + group.get(0).fileName() + " would hold " + total
                    + " values; write it as a multi-segment record");
        }
        int[] values = new int[(int) total];
        int[] signalOfPosition = new int[frameSize];
        for (int k = 0, pos = 0; k < spf.length; k++) {
            // Format 8 is slew-limited by its encoder, which needs the unlimited values.
            int[] stored = storedValues(f == SignalFormat.DIFFERENCE_8 ? SignalFormat.LINEAR_16 : f, samples[first + k]);
            for (int c = 0; c < spf[k]; c++) {
                signalOfPosition[pos + c] = k;
            }
            for (long fr = 0; fr < frames; fr++) {
                System.arraycopy(stored, (int) (fr * spf[k]), values, (int) (fr * frameSize) + pos, spf[k]);
            }
            pos += spf[k];
        }
        switch (f) {
            case LINEAR_16, LINEAR_16_BIG_ENDIAN, OFFSET_16, LINEAR_24, LINEAR_32, OFFSET_8 -> {
                byte[] out = new byte[Math.toIntExact(total * f.bytesPerGroup())];
                FixedWidthCodec.encode(f, values, 0, values.length, out, 0);
                return out;
            }
            case PACKED_212, PACKED_310, PACKED_311 -> {
                byte[] out = new byte[Math.toIntExact(BitPackedCodec.encodedSize(f, total))];
                BitPackedCodec.encode(f, values, 0, values.length, out, 0);
                return out;
            }
            case DIFFERENCE_8 -> {
                byte[] out = new byte[values.length];
                int[] acc = new int[spf.length];
                for (int k = 0; k < spf.length; k++) {
                    acc[k] = frames == 0 ? 0 : values[positionOf(spf, k)];
                }
                DifferenceCodec.encode(values, 0, values.length, out, 0, signalOfPosition, acc);
                return out;
            }
            case FLAC_8, FLAC_16, FLAC_24 -> {
                for (int k : spf) {
                    if (k != spf[0]) {
                        throw new IllegalArgumentException("signals in FLAC file " + group.get(0).fileName()
                                + " must have equal samples per frame");
                    }
                }
                return FlacEncoder.encode(values, spf.length, spf[0], frames, f.bits());
            }
            default -> throw new IllegalArgumentException("cannot write format " + f);
        }
    }

    private static int positionOf(int[] spf, int k) {
        int p = 0;
        for (int i = 0; i < k; i++) {
            p += spf[i];
        }
        return p;
    }
}
