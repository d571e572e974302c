package org.ecgchat.io.wfdb;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** Placeholder until the FLAC decoder lands: FLAC signal files are refused with a clear message. */
final class FlacStream {
    private final Path path;

    FlacStream(Path path, FileChannel channel, long byteOffset, int channels, int bits) throws IOException {
        this.path = path;
        throw new WfdbFormatException(path, "format", "FLAC signal files (formats 508/516/524) are not supported yet");
    }

    long totalSamples() {
        return 0;
    }

    void read(long from, long to, int samplesPerFrame, int[] dst) throws IOException {
        throw new WfdbFormatException(path, "format", "FLAC not supported yet");
    }
}
