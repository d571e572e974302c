package org.ecgchat.io.wfdb;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an ordinary (single-segment) record: groups its signals by file, deskews, marks invalid
 * samples and verifies checksums when a read covers a whole signal.
 */
final class SegmentReader implements SampleSource {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentReader.class);
    /** Raw values decoded per step; bounds the buffer for signals read but not wanted. */
    private static final int CHUNK_VALUES = 1 << 17;
    /** Samples of one signal unpacked at a time by the direct format 212 path (16 kB: stays in L1). */
    private static final int DIRECT_BLOCK = 4096;

    private final WfdbHeader header;
    private final Path headerFile;
    private final ChecksumPolicy checksums;
    private final List<Group> groups = new ArrayList<>();
    private final Group[] groupOfSignal;
    private final int[] positionOfSignal;
    private final boolean[] checksumDone;
    private long length = -1;

    /** The signals sharing one file, and where each sits in the file's frame. */
    private static final class Group {
        final SignalFile file;
        final int[] signals;
        final SignalFormat format;

        Group(SignalFile file, int[] signals, SignalFormat format) {
            this.file = file;
            this.signals = signals;
            this.format = format;
        }
    }

    SegmentReader(WfdbHeader header, Path headerFile, ChecksumPolicy checksums) {
        this.header = header;
        this.headerFile = headerFile;
        this.checksums = checksums;
        List<SignalSpec> specs = header.signals();
        int n = specs.size();
        groupOfSignal = new Group[n];
        positionOfSignal = new int[n];
        checksumDone = new boolean[n];
        Path dir = headerFile.toAbsolutePath().getParent();
        int s = 0;
        while (s < n) {
            int e = s + 1;
            while (e < n && specs.get(e).fileName().equals(specs.get(s).fileName())) {
                e++;
            }
            SignalSpec first = specs.get(s);
            SignalFormat format = first.signalFormat();
            int[] members = new int[e - s];
            int[] spf = new int[e - s];
            int[] init = new int[e - s];
            for (int k = 0; k < members.length; k++) {
                members[k] = s + k;
                spf[k] = specs.get(s + k).samplesPerFrame();
                init[k] = specs.get(s + k).initialValue();
            }
            SignalFile file = format == SignalFormat.NULL ? null
                    : new SignalFile(dir.resolve(first.fileName()), format, first.byteOffset(), spf, init);
            Group g = new Group(file, members, format);
            int pos = 0;
            for (int k = 0; k < members.length; k++) {
                groupOfSignal[s + k] = g;
                positionOfSignal[s + k] = pos;
                pos += spf[k];
            }
            groups.add(g);
            s = e;
        }
    }

    WfdbHeader header() {
        return header;
    }

    @Override
    public long length() throws IOException {
        if (length < 0) {
            if (header.length().isPresent()) {
                length = header.length().getAsLong();
            } else {
                long min = Long.MAX_VALUE;
                for (Group g : groups) {
                    if (g.file != null) {
                        min = Math.min(min, g.file.availableFrames());
                    }
                }
                length = min == Long.MAX_VALUE ? 0 : min;
            }
        }
        return length;
    }

    @Override
    public long deskewedLength() throws IOException {
        long n = length();
        long end = n;
        for (int s = 0; s < header.signals().size(); s++) {
            Group g = groupOfSignal[s];
            int skew = header.signals().get(s).skewFrames();
            if (g.file != null && skew > 0) {
                end = Math.min(end, Math.max(0, g.file.availableFrames() - skew));
            }
        }
        return end;
    }

    @Override
    public void read(long from, long to, int[] signals, SampleSink out) throws IOException {
        long n = length();
        if (from < 0 || to < from || to > n) {
            throw new IllegalArgumentException("frames [" + from + ", " + to + ") outside record "
                    + header.recordName() + " of " + n + " frames");
        }
        for (Group g : groups) {
            List<Integer> wanted = new ArrayList<>();
            for (int i = 0; i < signals.length; i++) {
                if (groupOfSignal[signals[i]] == g) {
                    wanted.add(i);
                }
            }
            if (!wanted.isEmpty()) {
                readGroup(g, from, to, signals, wanted, out);
            }
        }
    }

    /**
     * Reads the wanted signals of one file, in chunks of frames so that the signals not wanted
     * never need a buffer the size of the whole range.
     */
    private void readGroup(Group g, long from, long to, int[] signals, List<Integer> wanted, SampleSink out)
            throws IOException {
        List<SignalSpec> specs = header.signals();
        int frames = (int) (to - from);
        if (g.file == null) {
            for (int i : wanted) {
                out.allocate(i, frames * specs.get(signals[i]).samplesPerFrame());
                out.fillInvalid(i, 0, frames * specs.get(signals[i]).samplesPerFrame());
            }
            return;
        }
        long available = g.file.availableFrames();
        long n = length();
        if (to > available) {
            throw new WfdbFormatException(g.file.path(), "frame " + available,
                    "signal file is truncated: it holds " + available + " frames but the record needs "
                            + (header.length().isPresent() ? n : to) + " (header " + headerFile.getFileName() + ")");
        }
        int minSkew = Integer.MAX_VALUE;
        int maxSkew = 0;
        for (int i : wanted) {
            int skew = specs.get(signals[i]).skewFrames();
            minSkew = Math.min(minSkew, skew);
            maxSkew = Math.max(maxSkew, skew);
        }
        long fileFrom = Math.min(from + minSkew, available);
        long fileTo = Math.min(to + maxSkew, available);
        int frameSize = g.file.frameSize();
        Integer invalidValue = g.format.invalidValue();
        boolean checkInvalid = invalidValue != null;
        int invalid = checkInvalid ? invalidValue : 0;
        boolean wholeSignal = fileFrom == 0 && fileTo >= n && header.length().isPresent()
                && checksums != ChecksumPolicy.IGNORE;
        int[] sums = new int[wanted.size()];
        int chunk = (int) Math.max(1, Math.min(fileTo - fileFrom, CHUNK_VALUES / frameSize));
        int[] raw = null;
        // Formats 16, 32 and 212 are decoded straight from the file's bytes when every wanted
        // signal has one aligned sample per frame (the common case: ordinary records without skew).
        boolean direct = maxSkew == 0 && g.file.frameBytes() > 0
                && (SampleSink.decodesDirect(g.format) || g.format == SignalFormat.PACKED_212);
        int[] outputs = new int[wanted.size()];
        int[] positions = new int[wanted.size()];
        for (int w = 0; w < wanted.size(); w++) {
            int s = signals[wanted.get(w)];
            outputs[w] = wanted.get(w);
            positions[w] = positionOfSignal[s];
            direct &= specs.get(s).samplesPerFrame() == 1;
        }
        // Each output array is made just before its first values go in, while the zeroed array is
        // still in cache (making them all first costs half again as much for a 12-lead record).
        if (fileFrom >= fileTo) {
            for (int i : wanted) {
                out.allocate(i, frames * specs.get(signals[i]).samplesPerFrame());
            }
        }
        for (long c0 = fileFrom; c0 < fileTo; c0 += chunk) {
            long c1 = Math.min(fileTo, c0 + chunk);
            boolean first = c0 == fileFrom;
            if (direct) {
                // without skew the chunk ends at or before the record's end, so every value is summed
                byte[] bytes = g.file.readFrameBytes(c0, c1);
                for (int w = 0; w < outputs.length; w++) {
                    if (first) {
                        out.allocate(outputs[w], frames);
                    }
                    sums[w] += decodeDirect(g.file, bytes, positions[w], out, outputs[w], (int) (c0 - from),
                            (int) (c1 - c0));
                }
                continue;
            }
            if (raw == null) {
                raw = Scratch.get().ints(chunk * frameSize);
            }
            g.file.read(c0, c1, raw);
            for (int w = 0; w < wanted.size(); w++) {
                int i = wanted.get(w);
                int s = signals[i];
                SignalSpec spec = specs.get(s);
                int spf = spec.samplesPerFrame();
                if (first) {
                    out.allocate(i, frames * spf);
                }
                int pos = positionOfSignal[s];
                long skew = spec.skewFrames();
                // int loop counters throughout: C2 optimises counted int loops only
                int f0 = (int) Math.max(0, c0 - from - skew);
                int f1 = (int) Math.min(frames, c1 - from - skew);
                int base = (int) ((from + f0 + skew - c0) * frameSize) + pos;
                out.copyRaw(i, raw, base, frameSize, spf, f0 * spf, f1 - f0, checkInvalid, invalid);
                if (wholeSignal) {
                    sums[w] += sum(raw, pos, frameSize, spf, (int) (Math.min(c1, n) - c0));
                }
            }
        }
        for (int w = 0; w < wanted.size(); w++) {
            int i = wanted.get(w);
            int s = signals[i];
            SignalSpec spec = specs.get(s);
            long firstMissing = Math.max(0, Math.min(frames, fileTo - from - spec.skewFrames()));
            out.fillInvalid(i, (int) firstMissing * spec.samplesPerFrame(), frames * spec.samplesPerFrame());
            if (wholeSignal && !checksumDone[s]) {
                checksumDone[s] = true;
                verifyChecksum(g, s, sums[w]);
            }
        }
    }

    /**
     * Decodes {@code frames} frames of the signal at {@code position} of its file straight from
     * the frames' bytes into output {@code i} at {@code k}; returns the sum of its stored values.
     */
    private static int decodeDirect(SignalFile file, byte[] bytes, int position, SampleSink out, int i, int k,
                                    int frames) {
        SignalFormat format = file.format();
        int stride = file.frameBytes();
        if (format != SignalFormat.PACKED_212) {
            return out.decodeDirect(i, format, bytes, position * format.bytesPerGroup(), stride, k, frames);
        }
        // two samples share three bytes: unpack a block at a time into a buffer that stays in cache
        int[] block = Scratch.get().ints(DIRECT_BLOCK);
        int base = position / 2 * 3;
        boolean second = position % 2 == 1;
        int sum = 0;
        for (int j = 0; j < frames; j += DIRECT_BLOCK) {
            int m = Math.min(DIRECT_BLOCK, frames - j);
            sum += BitPackedCodec.decode212Signal(bytes, base + j * stride, second, stride, block, m);
            out.copyDigital(i, block, 0, k + j, m);
        }
        return sum;
    }

    /** The 32-bit sum of one signal's raw values over {@code frames} frames (for its checksum). */
    private static int sum(int[] raw, int pos, int frameSize, int spf, int frames) {
        int sum = 0;
        if (spf == 1) {
            for (int f = 0, p = pos; f < frames; f++, p += frameSize) {
                sum += raw[p];
            }
            return sum;
        }
        for (int f = 0, p = pos; f < frames; f++, p += frameSize) {
            for (int c = 0; c < spf; c++) {
                sum += raw[p + c];
            }
        }
        return sum;
    }

    private void verifyChecksum(Group g, int s, int sum) throws WfdbChecksumException {
        SignalSpec spec = header.signals().get(s);
        if (spec.checksum().isEmpty()) {
            return;
        }
        int expected = spec.checksum().getAsInt();
        if (((sum - expected) & 0xffff) != 0) {
            String message = "checksum of signal " + s + " (" + spec.description() + ") is " + (short) sum
                    + ", header " + headerFile.getFileName() + " says " + expected;
            if (checksums == ChecksumPolicy.STRICT) {
                throw new WfdbChecksumException(g.file.path(), "signal " + s, message);
            }
            LOG.warn("{}: {}", g.file.path(), message);
        }
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Group g : groups) {
            if (g.file != null) {
                try {
                    g.file.close();
                } catch (IOException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
