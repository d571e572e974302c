package org.ecgchat.io.wfdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jflac.FLACDecoder;
import org.jflac.frame.Frame;
import org.jflac.util.ByteData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** FLAC signal files: WFDB's own files decode to their checksums, and what we write is standard FLAC. */
class FlacTest {
    @TempDir
    Path dir;

    @Test
    void wfdbFlacFilesMatchTheirChecksums() throws Exception {
        WfdbReadOptions strict = WfdbReadOptions.DEFAULT.withChecksums(ChecksumPolicy.STRICT);
        WfdbRecord mixed = Wfdb.read(Corpus.sample("mixedsignals"), strict);
        assertThat(mixed.digital(0)).hasSize(14400 * 4);
        assertThat(mixed.digital(5)).hasSize(14400);
        try (WfdbReader r = Wfdb.open(Corpus.sample("flac_3_constant"), strict)) {
            assertThat(r.length()).isEqualTo(5_600_000);
            double[][] tail = r.readPhysical(5_599_000, 5_600_000);
            assertThat(tail[0]).containsOnly(0.125);
            assertThat(tail[1]).containsOnly(0.25);
            assertThat(tail[2]).containsOnly(0.375);
        }
    }

    @Test
    void rangeReadsAgreeWithAWholeRead() throws Exception {
        WfdbRecord whole = Wfdb.read(Corpus.sample("mixedsignals"));
        try (WfdbReader r = Wfdb.open(Corpus.sample("mixedsignals"))) {
            for (long from : new long[] {0, 1, 1023, 1024, 5000, 14399}) {
                int[][] part = r.readDigital(from, Math.min(14400, from + 2000), 0, 3, 5);
                for (int i = 0; i < 3; i++) {
                    int sig = new int[] {0, 3, 5}[i];
                    int spf = whole.header().signals().get(sig).samplesPerFrame();
                    int[] all = whole.digital(sig);
                    for (int k = 0; k < part[i].length; k++) {
                        assertThat(part[i][k]).isEqualTo(all[(int) from * spf + k]);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 16, 24})
    void ourFlacDecodesWithAnIndependentDecoder(int bits) throws Exception {
        SplittableRandom random = new SplittableRandom(bits);
        int channels = 3;
        int n = 10_000;
        int[] interleaved = new int[channels * n];
        int lo = -(1 << (bits - 1));
        int hi = (1 << (bits - 1)) - 1;
        for (int i = 0; i < n; i++) {
            interleaved[i * channels] = (int) Math.round(hi * 0.8 * Math.sin(i / 50.0));
            interleaved[i * channels + 1] = random.nextInt(lo, hi + 1);
            interleaved[i * channels + 2] = i < 5000 ? 7 : (i % 200) - 100;
        }
        byte[] flac = FlacEncoder.encode(interleaved, channels, 1, n, bits);
        FLACDecoder decoder = new FLACDecoder(new ByteArrayInputStream(flac));
        decoder.readMetadata();
        assertThat(decoder.getStreamInfo().getTotalSamples()).isEqualTo(n);
        List<Integer> decoded = new ArrayList<>();
        int bytes = bits / 8;
        for (Frame frame; (frame = decoder.readNextFrame()) != null; ) {
            ByteData pcm = decoder.decodeFrame(frame, null);
            for (int p = 0; p < pcm.getLen(); p += bytes) {
                int v = 0;
                for (int b = 0; b < bytes; b++) {
                    v |= (pcm.getData(p + b) & 0xff) << (8 * b);
                }
                decoded.add(bits == 8 ? v - 128 : (v << (32 - bits)) >> (32 - bits));
            }
        }
        assertThat(decoded).hasSize(interleaved.length);
        for (int i = 0; i < interleaved.length; i++) {
            assertThat(decoded.get(i)).as("sample %d", i).isEqualTo(interleaved[i]);
        }
    }

    @Test
    void damagedFlacIsReportedNotDecoded() throws Exception {
        WfdbRecord rec = WfdbRecord.fromPhysical("f", 250, List.of("a"), "mV", 100, 516,
                new double[][] {new java.util.Random(1).doubles(5000, -1, 1).toArray()});
        Wfdb.write(dir, rec);
        byte[] b = Files.readAllBytes(dir.resolve("f.dat"));
        b[b.length / 2] ^= 0x10;
        Files.write(dir.resolve("f.dat"), b);
        assertThatThrownBy(() -> Wfdb.read(dir.resolve("f")))
                .isInstanceOf(WfdbFormatException.class).hasMessageContaining("f.dat").hasMessageContaining("CRC");
    }
}
