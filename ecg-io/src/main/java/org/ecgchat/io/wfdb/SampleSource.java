package org.ecgchat.io.wfdb;

import java.io.IOException;

/** Samples of a record in expanded frames; implemented for ordinary and multi-segment records. */
interface SampleSource extends AutoCloseable {

    /** Frames of the record (the header's length, or what the signal files hold if it gives none). */
    long length() throws IOException;

    /**
     * Frames that every signal can deliver: {@link #length()} less the largest skew that runs past
     * the end of the stored data (WFDB C stops reading there).
     */
    long deskewedLength() throws IOException;

    /**
     * Samples of frames {@code [from, to)} for the given signals into {@code sink}, {@code k} per
     * frame for a signal with {@code k} samples per frame (the caller has checked the range).
     */
    void read(long from, long to, int[] signals, SampleSink sink) throws IOException;

    /** Digital samples of frames {@code [from, to)}; invalid samples are {@link WfdbRecord#INVALID_SAMPLE}. */
    default int[][] readExpanded(long from, long to, int[] signals) throws IOException {
        SampleSink.Digital sink = new SampleSink.Digital(signals.length);
        read(from, to, signals, sink);
        return sink.out;
    }

    @Override
    void close() throws IOException;
}
