package org.ecgchat.io.wfdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Mutated annotation files (bit flips, overwritten and inserted bytes, forged pseudo-annotations,
 * cuts, spliced ranges) are either read, or rejected with {@link WfdbFormatException}; no other
 * exception escapes. Whatever is read is written and read back unchanged.
 */
class AnnotationFuzzTest {

    private static final int CASES = 12_000;
    private static final Path NAME = Path.of("fuzz.atr");

    @Test
    void mutatedAnnotationFilesAreReadOrRejectedWithAFormatException() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (Path f : AnnotationCorpus.allAnnotationFiles()) {
            byte[] b = Files.readAllBytes(f);
            // long files are cut to keep the run short; the cut is itself a case of truncation
            seeds.add(b.length > 4096 ? Arrays.copyOf(b, 4096) : b);
            seeds.add(Arrays.copyOf(b, Math.min(b.length, 600)));
        }
        SplittableRandom random = new SplittableRandom(0xECC0A77L);
        int read = 0;
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
            AnnotationFile content;
            try (AnnotationReader r = AnnotationReader.open(new ByteArrayInputStream(input), NAME)) {
                content = r.readAll();
            } catch (WfdbFormatException e) {
                assertThat(e.getMessage()).as("case %d", i).startsWith("fuzz.atr: byte ");
                assertThat(e.file()).isEqualTo(NAME);
                rejected++;
                continue;
            }
            read++;
            AnnotationFile back = rewrite(content);
            assertThat(back.annotations()).as("case %d", i).isEqualTo(content.annotations());
            if (!content.annotations().isEmpty()) { // header notes are written with the first annotation
                assertThat(back.definitions()).as("case %d", i).isEqualTo(content.definitions());
                assertThat(back.timeResolution().isPresent()).isEqualTo(content.timeResolution().isPresent());
                content.timeResolution().ifPresent(f -> assertThat(back.timeResolution().getAsDouble())
                        .isCloseTo(f, within(Math.abs(f) * 1e-11))); // written with 12 digits, as WFDB does
            }
        }
        assertThat(read).as("mutants read").isGreaterThan(CASES / 10);
        assertThat(rejected).as("mutants rejected").isGreaterThan(CASES / 10);
    }

    private static AnnotationFile rewrite(AnnotationFile content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (AnnotationWriter w = AnnotationWriter.create(bytes, NAME, content.definitions(), content.timeResolution())) {
            for (Annotation a : content.annotations()) {
                w.write(a);
            }
            w.finish();
        }
        try (AnnotationReader r = AnnotationReader.open(new ByteArrayInputStream(bytes.toByteArray()), NAME)) {
            return r.readAll();
        }
    }

    static byte[] mutate(byte[] seed, SplittableRandom random) {
        byte[] b = seed.clone();
        int rounds = 1 + random.nextInt(4);
        for (int r = 0; r < rounds && b.length > 0; r++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(8)) {
                case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b[at] = (byte) random.nextInt(256);
                case 2 -> b = Arrays.copyOf(b, at);
                case 3 -> b = splice(b, at & ~1, pseudo(random));
                case 4 -> {
                    byte[] junk = new byte[1 + random.nextInt(8)];
                    for (int j = 0; j < junk.length; j++) {
                        junk[j] = (byte) random.nextInt(256);
                    }
                    b = splice(b, at, junk);
                }
                case 5 -> {
                    int end = Math.min(b.length, at + 1 + random.nextInt(64));
                    byte[] cut = new byte[b.length - (end - at)];
                    System.arraycopy(b, 0, cut, 0, at);
                    System.arraycopy(b, end, cut, at, b.length - end);
                    b = cut;
                }
                case 6 -> b = splice(b, at, Arrays.copyOfRange(b, at, Math.min(b.length, at + 1 + random.nextInt(64))));
                default -> { // a word with a random code
                    int w = random.nextInt(0x10000);
                    b = splice(b, at & ~1, new byte[] {(byte) w, (byte) (w >>> 8)});
                }
            }
        }
        return b;
    }

    /** A forged SKIP, AUX, SUB, CHN or NUM pseudo-annotation (possibly lying about its length). */
    private static byte[] pseudo(SplittableRandom random) {
        int code = 59 + random.nextInt(5);
        int data = random.nextInt(1024);
        int extra = code == 59 ? 4 : code == 63 ? random.nextInt(0, 300) : 0;
        byte[] p = new byte[2 + extra];
        p[0] = (byte) data;
        p[1] = (byte) (code << 2 | data >>> 8);
        for (int i = 2; i < p.length; i++) {
            p[i] = (byte) random.nextInt(256);
        }
        return p;
    }

    private static byte[] splice(byte[] b, int at, byte[] insert) {
        byte[] out = new byte[b.length + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at, out, at + insert.length, b.length - at);
        return out;
    }
}
