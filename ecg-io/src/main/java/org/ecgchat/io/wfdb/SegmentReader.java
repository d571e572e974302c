package org.ecgchat.io.wfdb;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an ordinary (single-segment) record: groups its signals by file, deskews, marks invalid
 * samples and verifies checksums when a read covers a whole signal.
 */
final class SegmentReader implements SampleSource {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentReader.class);

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
    public int[][] readExpanded(long from, long to, int[] signals) throws IOException {
        long n = length();
        if (from < 0 || to < from || to > n) {
            throw new IllegalArgumentException("frames [" + from + ", " + to + ") outside record "
                    + header.recordName() + " of " + n + " frames");
        }
        int frames = Math.toIntExact(to - from);
        int[][] out = new int[signals.length][];
        for (int i = 0; i < signals.length; i++) {
            int spf = header.signals().get(signals[i]).samplesPerFrame();
            long size = (long) frames * spf;
            if (size > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("range too large for one array: " + size + " samples");
            }
        }
        for (Group g : groups) {
            List<Integer> wanted = new ArrayList<>();
            for (int i = 0; i < signals.length; i++) {
                if (groupOfSignal[signals[i]] == g) {
                    wanted.add(i);
                }
            }
            if (!wanted.isEmpty()) {
                readGroup(g, from, to, frames, signals, wanted, out);
            }
        }
        return out;
    }

    private void readGroup(Group g, long from, long to, int frames, int[] signals, List<Integer> wanted,
                           int[][] out) throws IOException {
        List<SignalSpec> specs = header.signals();
        if (g.file == null) {
            for (int i : wanted) {
                int[] a = new int[frames * specs.get(signals[i]).samplesPerFrame()];
                Arrays.fill(a, WfdbRecord.INVALID_SAMPLE);
                out[i] = a;
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
        int[] raw = new int[Math.toIntExact((fileTo - fileFrom) * frameSize)];
        g.file.read(fileFrom, fileTo, raw);
        Integer invalid = g.format.invalidValue();
        boolean wholeSignal = fileFrom == 0 && fileTo >= n && header.length().isPresent();
        for (int i : wanted) {
            int s = signals[i];
            SignalSpec spec = specs.get(s);
            int spf = spec.samplesPerFrame();
            int pos = positionOfSignal[s];
            int skew = spec.skewFrames();
            int[] a = new int[frames * spf];
            int k = 0;
            for (int f = 0; f < frames; f++) {
                long ff = from + f + skew;
                if (ff >= fileTo) {
                    Arrays.fill(a, k, a.length, WfdbRecord.INVALID_SAMPLE);
                    break;
                }
                int base = (int) ((ff - fileFrom) * frameSize) + pos;
                for (int c = 0; c < spf; c++) {
                    int v = raw[base + c];
                    a[k++] = invalid != null && v == invalid ? WfdbRecord.INVALID_SAMPLE : v;
                }
            }
            out[i] = a;
            if (wholeSignal && !checksumDone[s]) {
                checksumDone[s] = true;
                verifyChecksum(g, s, raw, frameSize, pos, spf, n);
            }
        }
    }

    private void verifyChecksum(Group g, int s, int[] raw, int frameSize, int pos, int spf, long n)
            throws WfdbChecksumException {
        SignalSpec spec = header.signals().get(s);
        if (checksums == ChecksumPolicy.IGNORE || spec.checksum().isEmpty()) {
            return;
        }
        int sum = 0;
        for (long f = 0; f < n; f++) {
            int base = (int) (f * frameSize) + pos;
            for (int c = 0; c < spf; c++) {
                sum += raw[base + c];
            }
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
