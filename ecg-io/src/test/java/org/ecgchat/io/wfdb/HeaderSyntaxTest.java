package org.ecgchat.io.wfdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written field splitters accept exactly the languages of the regular expressions that
 * specify them (the header grammar as WFDB C's {@code readheader} reads it) and return the same parts.
 */
class HeaderSyntaxTest {
    private static final String DOUBLE = "[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?";
    private static final Pattern FREQUENCY = Pattern.compile(
            "(" + DOUBLE + ")(?:/(" + DOUBLE + ")(?:\\((" + DOUBLE + ")\\))?)?");
    private static final Pattern GAIN = Pattern.compile("(" + DOUBLE + ")(?:\\(([+-]?\\d{1,10})\\))?(?:/(.*))?");
    private static final Pattern FORMAT = Pattern.compile("\\d{1,9}(?:[x:+]\\d{1,18})*");
    /** Characters the grammar cares about, plus a few it must refuse (a letter, µ, a Unicode line separator). */
    private static final String ALPHABET = "0123456789012345.+-eE()/x:/a\u00b5\u2028";

    private static void checkFrequency(String s) {
        Matcher m = FREQUENCY.matcher(s);
        HeaderSyntax.Frequency f = HeaderSyntax.frequency(s);
        if (!m.matches()) {
            assertThat(f).as("frequency '%s'", s).isNull();
            return;
        }
        assertThat(f).as("frequency '%s'", s)
                .isEqualTo(new HeaderSyntax.Frequency(m.group(1), m.group(2), m.group(3)));
    }

    private static void checkGain(String s) {
        Matcher m = GAIN.matcher(s);
        HeaderSyntax.Gain g = HeaderSyntax.gain(s);
        if (!m.matches()) {
            assertThat(g).as("gain '%s'", s).isNull();
            return;
        }
        assertThat(g).as("gain '%s'", s).isEqualTo(new HeaderSyntax.Gain(m.group(1), m.group(2), m.group(3)));
    }

    private static void checkFormat(String s) {
        assertThat(HeaderSyntax.isFormat(s)).as("format '%s'", s).isEqualTo(FORMAT.matcher(s).matches());
    }

    @Test
    void typicalFields() {
        assertThat(HeaderSyntax.frequency("360")).isEqualTo(new HeaderSyntax.Frequency("360", null, null));
        assertThat(HeaderSyntax.frequency("250/360(12.5)"))
                .isEqualTo(new HeaderSyntax.Frequency("250", "360", "12.5"));
        assertThat(HeaderSyntax.frequency("1e3/")).isNull();
        assertThat(HeaderSyntax.gain("12.84(-1605)/mmHg")).isEqualTo(new HeaderSyntax.Gain("12.84", "-1605", "mmHg"));
        assertThat(HeaderSyntax.gain("200/")).isEqualTo(new HeaderSyntax.Gain("200", null, ""));
        assertThat(HeaderSyntax.gain("200(12345678901)")).isNull();
        assertThat(HeaderSyntax.isFormat("212x4:3+24")).isTrue();
        assertThat(HeaderSyntax.isFormat("1234567890")).isFalse();
        assertThat(HeaderSyntax.isFormat("16x")).isFalse();
    }

    @Test
    void sameLanguageAsTheRegularExpressionsOnRandomFields() {
        SplittableRandom random = new SplittableRandom(20250611);
        for (int n = 0; n < 60_000; n++) {
            int length = random.nextInt(14);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < length; i++) {
                b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String s = b.toString();
            checkFrequency(s);
            checkGain(s);
            checkFormat(s);
        }
    }

    @Test
    void sameLanguageAsTheRegularExpressionsOnMutatedValidFields() {
        String[] valid = {"250/360(12)", "+.5e-3/7.(0)", "1716(6)/mV", "2.4011e-11(-32768)/uV", "-19.34/",
            "212x4:3+24", "16+123456789012345678", "999999999x1"};
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 30_000; n++) {
            StringBuilder b = new StringBuilder(valid[random.nextInt(valid.length)]);
            for (int edits = 1 + random.nextInt(3); edits > 0 && b.length() > 0; edits--) {
                int at = random.nextInt(b.length());
                char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                switch (random.nextInt(3)) {
                    case 0 -> b.setCharAt(at, c);
                    case 1 -> b.insert(at, c);
                    default -> b.deleteCharAt(at);
                }
            }
            String s = b.toString();
            checkFrequency(s);
            checkGain(s);
            checkFormat(s);
        }
    }
}
