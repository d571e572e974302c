package org.ecgchat.examples;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Keeps SameDiff 1.0.0-M2.1's debugging output off standard output: building a gradient function
 * prints one {@code "Added differentiated op ..."} line per op with {@code System.out.println}
 * (hundreds of lines for ECG-CoCa). While an action runs, standard output drops exactly those lines
 * and passes everything else through.
 */
public final class SameDiffOutput {

    private static final byte[] NOISE = "Added differentiated op ".getBytes(StandardCharsets.UTF_8);

    /** Work that may build a gradient function. */
    @FunctionalInterface
    public interface Action<T> {
        T run() throws IOException;
    }

    private SameDiffOutput() {}

    /** Runs {@code action} with SameDiff's gradient-building lines filtered from {@code System.out}. */
    public static synchronized <T> T quietly(Action<T> action) throws IOException {
        PrintStream original = System.out;
        LineFilter filter = new LineFilter(original);
        PrintStream filtered = new PrintStream(filter, true, StandardCharsets.UTF_8);
        System.setOut(filtered);
        try {
            return action.run();
        } finally {
            System.setOut(original);
            filtered.flush();
            filter.drain();
        }
    }

    /** Buffers each line and forwards it unless it starts with the noise prefix. */
    private static final class LineFilter extends FilterOutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineFilter(OutputStream out) {
            super(out);
        }

        @Override
        public synchronized void write(int b) throws IOException {
            line.write(b);
            if (b == '\n') {
                if (!isNoise(line.toByteArray())) {
                    line.writeTo(out);
                }
                line.reset();
            }
        }

        /** Passes on a partial line unless it may still become a noise line. */
        @Override
        public synchronized void flush() throws IOException {
            byte[] partial = line.toByteArray();
            if (!mayBeNoise(partial)) {
                out.write(partial);
                line.reset();
            }
            out.flush();
        }

        /** Passes on whatever is buffered. */
        void drain() throws IOException {
            line.writeTo(out);
            line.reset();
            out.flush();
        }

        private static boolean isNoise(byte[] text) {
            return text.length >= NOISE.length && Arrays.equals(text, 0, NOISE.length, NOISE, 0, NOISE.length);
        }

        private static boolean mayBeNoise(byte[] text) {
            int n = Math.min(text.length, NOISE.length);
            return Arrays.equals(text, 0, n, NOISE, 0, n);
        }
    }
}
