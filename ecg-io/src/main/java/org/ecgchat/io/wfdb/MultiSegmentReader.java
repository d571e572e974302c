package org.ecgchat.io.wfdb;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a multi-segment record as one continuous record. Segments are opened only when a read
 * reaches them. In a variable-layout record, signals are matched to each segment's signals by
 * name and rescaled to the layout's gain and baseline exactly as WFDB C's {@code sigmap} does
 * (rounded, halves up); a signal a segment lacks, and every sample of a null segment
 * ({@code ~}), is invalid. A fixed-layout record matches signals by position and rescales the
 * same way if a segment's gain or baseline differs from the first segment's.
 */
final class MultiSegmentReader implements SampleSource {
    private final WfdbHeader master;
    private final List<SignalSpec> signals;
    private final Path directory;
    private final WfdbReadOptions options;
    private final long[] starts;
    private final long length;
    private final Map<Integer, SegmentReader> open = new HashMap<>();

    MultiSegmentReader(WfdbHeader master, List<SignalSpec> signals, Path directory, WfdbReadOptions options) {
        this.master = master;
        this.signals = signals;
        this.directory = directory;
        this.options = options;
        List<SegmentSpec> segments = master.segments();
        starts = new long[segments.size() + 1];
        for (int i = 0; i < segments.size(); i++) {
            starts[i + 1] = starts[i] + segments.get(i).length();
        }
        long total = starts[segments.size()];
        length = master.length().isPresent() ? Math.min(master.length().getAsLong(), total) : total;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public long deskewedLength() {
        return length;
    }

    @Override
    public void read(long from, long to, int[] wanted, SampleSink out) throws IOException {
        if (from < 0 || to < from || to > length) {
            throw new IllegalArgumentException("frames [" + from + ", " + to + ") outside record "
                    + master.recordName() + " of " + length + " frames");
        }
        int frames = (int) (to - from);
        for (int i = 0; i < wanted.length; i++) {
            out.allocate(i, frames * signals.get(wanted[i]).samplesPerFrame());
        }
        List<SegmentSpec> segments = master.segments();
        for (int seg = 0; seg < segments.size(); seg++) {
            long s0 = Math.max(from, starts[seg]);
            long s1 = Math.min(to, starts[seg + 1]);
            if (s1 <= s0) {
                continue;
            }
            int outFrame = (int) (s0 - from);
            SegmentSpec spec = segments.get(seg);
            if (spec.isNull()) {
                fillInvalid(out, wanted, outFrame, (int) (s1 - s0));
                continue;
            }
            SegmentReader reader = segment(seg);
            List<SignalSpec> segSignals = reader.header().signals();
            int[] map = new int[wanted.length];
            int present = 0;
            for (int i = 0; i < wanted.length; i++) {
                map[i] = locate(wanted[i], segSignals, reader);
                if (map[i] >= 0) {
                    present++;
                }
            }
            int[] segWanted = new int[present];
            for (int i = 0, k = 0; i < wanted.length; i++) {
                if (map[i] >= 0) {
                    segWanted[k++] = map[i];
                }
            }
            long local0 = s0 - starts[seg];
            long local1 = s1 - starts[seg];
            if (local1 > reader.length()) {
                throw new WfdbFormatException(segmentHeaderPath(spec.name()), "line 1, number of samples",
                        "segment " + spec.name() + " has " + reader.length() + " frames but the master header of "
                                + master.recordName() + " lists " + spec.length());
            }
            int[][] part = reader.readExpanded(local0, local1, segWanted);
            for (int i = 0, k = 0; i < wanted.length; i++) {
                SignalSpec target = signals.get(wanted[i]);
                int spf = target.samplesPerFrame();
                int n = (int) (s1 - s0) * spf;
                if (map[i] < 0) {
                    out.fillInvalid(i, outFrame * spf, outFrame * spf + n);
                    continue;
                }
                int[] src = part[k++];
                SignalSpec source = segSignals.get(map[i]);
                if (source.gain() != target.gain() || source.baseline() != target.baseline()) {
                    rescale(src, source, target);
                }
                out.copyDigital(i, src, 0, outFrame * spf, n);
            }
        }
    }

    private int locate(int signal, List<SignalSpec> segSignals, SegmentReader reader) throws WfdbFormatException {
        SignalSpec target = signals.get(signal);
        int found = -1;
        if (master.isVariableLayout()) {
            for (int j = 0; j < segSignals.size(); j++) {
                if (segSignals.get(j).description().equals(target.description())) {
                    found = j;
                    break;
                }
            }
        } else if (signal < segSignals.size()) {
            found = signal;
        }
        if (found >= 0 && segSignals.get(found).samplesPerFrame() != target.samplesPerFrame()) {
            throw new WfdbFormatException(segmentHeaderPath(reader.header().recordName()), "signal " + found,
                    "has " + segSignals.get(found).samplesPerFrame() + " samples per frame but the record's layout says "
                            + target.samplesPerFrame());
        }
        return found;
    }

    /** WFDB C's sigmap: scale to the layout's gain, shift to its baseline, round halves up. */
    private static void rescale(int[] samples, SignalSpec source, SignalSpec target) {
        double scale = target.effectiveGain() / source.effectiveGain();
        double shift = target.baseline() - scale * source.baseline() + 0.5;
        for (int j = 0; j < samples.length; j++) {
            int v = samples[j];
            if (v != WfdbRecord.INVALID_SAMPLE) {
                double x = Math.floor(v * scale + shift);
                samples[j] = x >= Integer.MAX_VALUE ? Integer.MAX_VALUE
                        : x <= Integer.MIN_VALUE + 1 ? Integer.MIN_VALUE + 1 : (int) x;
            }
        }
    }

    private void fillInvalid(SampleSink out, int[] wanted, int outFrame, int frames) {
        for (int i = 0; i < wanted.length; i++) {
            int spf = signals.get(wanted[i]).samplesPerFrame();
            out.fillInvalid(i, outFrame * spf, (outFrame + frames) * spf);
        }
    }

    private Path segmentHeaderPath(String name) {
        return directory.resolve(name + ".hea");
    }

    private SegmentReader segment(int seg) throws IOException {
        SegmentReader r = open.get(seg);
        if (r == null) {
            String name = master.segments().get(seg).name();
            WfdbHeader h = RecordFiles.readSingleHeader(segmentHeaderPath(name), name, options);
            if (h.isMultiSegment()) {
                throw new WfdbFormatException(segmentHeaderPath(name), "line 1",
                        "segment " + name + " is itself a multi-segment record; segments cannot be nested");
            }
            r = new SegmentReader(h, segmentHeaderPath(name), options.checksums());
            open.put(seg, r);
        }
        return r;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (SegmentReader r : open.values()) {
            try {
                r.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }
}
