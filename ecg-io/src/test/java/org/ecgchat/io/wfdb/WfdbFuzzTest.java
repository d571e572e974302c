package org.ecgchat.io.wfdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ecgchat.io.EcgIoException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated corpus headers and signal files (seeded, reproducible) make the readers throw
 * {@link EcgIoException} subclasses or succeed, never anything else, and never allocate for data
 * a file only claims.
 */
class WfdbFuzzTest {
    private static final int CASES = 10_000;
    private static final long SEED = 20261129L;
    private static final String[] RECORDS = {
        "wfdb-python/sample-data/test01_00s",
        "wfdb-python/sample-data/test01_00s_skewframe",
        "wfdb-python/sample-data/100_3chan",
        "wfdb-python/sample-data/binformats",
        "wfdb-python/sample-data/flacformats",
        "wfdb-python/sample-data/3000003_0003",
        "wfdb-python/sample-data/310derive",
        "wfdb-python/sample-data/311derive_3",
        "wfdb-python/sample-data/multi-segment/041s/041s",
        "wfdb-python/sample-data/multi-segment/p000878/p000878-2137-10-26-16-57",
        "wfdb-python/sample-data/drive02",
        "wfdb-python/sample-data/wave_4",
        "wfdb-python/sample-data/test_generator_2",
        "wfdb-python/sample-data/n8_evoked_raw_95_F1_R9",
        "ecg-image-kit/PTB_XL_data/00001_lr",
        "ecg-image-kit/QT_data/sel100",
        "wfdb-c/checkpkg/expected/wfd",
        "wfdb-c/checkpkg/expected/xform",
    };
    private static final String[] TOKENS = {
        "0", "-1", "1", "2", "99999999999999999999", "2147483647", "2147483648", "-2147483649", "1099511627776",
        "1e400", "-0", "nan", "x", "~", "16x0", "212:99999", "16+999999999", "0.0", "1e-300", "200(", "(5)", "/",
        "#", "24:3x2+1", "508", "516x3", "0/0", "999999x999", "80", "311", "8", "212x4", "~ 99999999999",
        "25:61:61", "32/13/2000", "0:00", "[12:00:00]", "\u00b5V", "",
    };

    @TempDir
    Path dir;

    private static final class Sample {
        final Path record;
        final Map<Path, byte[]> files = new LinkedHashMap<>();

        Sample(Path record) {
            this.record = record;
        }
    }

    @Test
    void mutatedRecordsFailOnlyWithEcgIoExceptions() throws Exception {
        List<Sample> samples = new ArrayList<>();
        for (String r : RECORDS) {
            samples.add(copy(Corpus.path(r), dir.resolve("r" + samples.size())));
        }
        SplittableRandom random = new SplittableRandom(SEED);
        int failures = 0;
        int succeeded = 0;
        StringBuilder report = new StringBuilder();
        for (int c = 0; c < CASES; c++) {
            Sample s = samples.get(random.nextInt(samples.size()));
            List<Path> files = new ArrayList<>(s.files.keySet());
            Path victim = files.get(random.nextInt(files.size()));
            byte[] original = s.files.get(victim);
            boolean header = victim.toString().endsWith(".hea");
            byte[] mutated = header && random.nextInt(10) < 7 ? mutateText(original, random) : mutateBytes(original, random);
            Files.write(victim, mutated);
            try {
                exercise(s.record, c);
                succeeded++;
            } catch (EcgIoException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            } catch (Throwable t) {
                failures++;
                if (report.length() < 20_000) {
                    report.append("case ").append(c).append(", ").append(victim.getFileName()).append(": ")
                            .append(t).append('\n').append(new String(mutated, 0, Math.min(mutated.length, 400),
                                    StandardCharsets.ISO_8859_1)).append("\n---\n");
                }
            } finally {
                Files.write(victim, original);
            }
        }
        if (failures > 0) {
            fail(failures + " of " + CASES + " cases escaped with another exception:\n" + report);
        }
        assertThat(succeeded).as("some mutations still read").isPositive();
    }

    private static void exercise(Path record, int c) throws IOException {
        // A small limit on whole-record reads: larger records exercise the refusal instead.
        WfdbReadOptions options = WfdbReadOptions.DEFAULT.withMaxSamples(1 << 16)
                .withChecksums(c % 2 == 0 ? ChecksumPolicy.STRICT : ChecksumPolicy.IGNORE)
                .withFrameMode(FrameMode.values()[c % FrameMode.values().length]);
        try (WfdbReader r = Wfdb.open(record, options)) {
            long n = r.length();
            r.deskewedLength();
            long end = Math.min(n, 3000);
            r.readDigital(0, end);
            if (n > 10 && r.header().numberOfSignals() > 0) {
                r.readPhysical(n / 2, Math.min(n, n / 2 + 500), r.header().numberOfSignals() - 1);
            }
        }
        Wfdb.read(record, options);
        // the text tools on alternate cases: each also parses the header and reads samples
        if (c % 2 == 0) {
            Rdsamp.write(new Rdsamp.Options(record, null, "s2000", null, List.of(), c % 3, c % 4 == 0, c % 8 == 0),
                    new StringBuilder());
        } else {
            WfdbDescription.write(record, "r", new StringBuilder());
        }
    }

    private static byte[] mutateText(byte[] original, SplittableRandom random) {
        String text = new String(original, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int op = random.nextInt(7);
        int line = random.nextInt(lines.size());
        switch (op) {
            case 0, 1, 2 -> {
                String[] tokens = lines.get(line).split(" ", -1);
                int t = random.nextInt(tokens.length);
                tokens[t] = TOKENS[random.nextInt(TOKENS.length)];
                lines.set(line, String.join(" ", tokens));
            }
            case 3 -> lines.remove(line);
            case 4 -> lines.add(line, lines.get(line));
            case 5 -> {
                String l = lines.get(line);
                int cut = l.isEmpty() ? 0 : random.nextInt(l.length());
                lines.set(line, l.substring(0, cut));
            }
            default -> lines.set(line, lines.get(line).replaceAll("[0-9]", String.valueOf(random.nextInt(10))));
        }
        return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] mutateBytes(byte[] original, SplittableRandom random) {
        int op = random.nextInt(3);
        if (op == 0 || original.length == 0) {
            return Arrays.copyOf(original, original.length == 0 ? 0 : random.nextInt(original.length));
        }
        byte[] b = original.clone();
        if (op == 1) {
            int flips = 1 + random.nextInt(8);
            for (int i = 0; i < flips; i++) {
                b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
            }
            return b;
        }
        byte[] longer = Arrays.copyOf(b, b.length + 1 + random.nextInt(64));
        for (int i = b.length; i < longer.length; i++) {
            longer[i] = (byte) random.nextInt(256);
        }
        return longer;
    }

    /** Copies a record's headers and signal files into {@code target}, keeping their names. */
    private static Sample copy(Path record, Path target) throws IOException {
        Files.createDirectories(target);
        Path source = record.getParent();
        String name = record.getFileName().toString();
        Sample s = new Sample(target.resolve(name));
        List<String> headers = new ArrayList<>(List.of(name));
        for (int i = 0; i < headers.size(); i++) {
            Path hea = source.resolve(headers.get(i) + ".hea");
            if (!Files.exists(hea)) {
                continue;
            }
            add(s, hea, target);
            WfdbHeader h = HeaderParser.parse(hea, headers.get(i), Files.readAllBytes(hea)).header();
            for (SegmentSpec seg : h.segments()) {
                if (!seg.isNull() && !headers.contains(seg.name())) {
                    headers.add(seg.name());
                }
            }
            for (SignalSpec sig : h.signals()) {
                Path dat = source.resolve(sig.fileName());
                if (Files.isRegularFile(dat) && Files.size(dat) < (1 << 20)) {
                    add(s, dat, target);
                }
            }
        }
        return s;
    }

    private static void add(Sample s, Path file, Path target) throws IOException {
        Path to = target.resolve(file.getFileName().toString());
        if (!s.files.containsKey(to)) {
            byte[] bytes = Files.readAllBytes(file);
            Files.write(to, bytes);
            s.files.put(to, bytes);
        }
    }
}
