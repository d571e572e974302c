package org.ecgchat.io.wfdb;

/** Placeholder until the FLAC encoder lands. */
final class FlacEncoder {
    private FlacEncoder() {
    }

    static byte[] encode(int[] interleaved, int channels, int samplesPerFrame, long frames, int bits) {
        throw new IllegalArgumentException("writing FLAC formats (508/516/524) is not supported yet");
    }
}
