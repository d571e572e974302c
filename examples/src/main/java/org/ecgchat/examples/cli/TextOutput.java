package org.ecgchat.examples.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.ecgchat.io.AtomicFiles;

/** Text a command writes to a file (streamed to a temporary sibling, then renamed) or to standard output. */
final class TextOutput {

    /** Writes the text. */
    @FunctionalInterface
    interface Content {
        void writeTo(Writer w) throws IOException;
    }

    private TextOutput() {}

    /** Writes {@code content} to {@code file} (UTF-8), or to {@code stdout} when {@code file} is null. */
    static void write(Path file, PrintWriter stdout, Content content) throws IOException {
        if (file == null) {
            content.writeTo(stdout);
            stdout.flush();
            return;
        }
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            content.writeTo(w);
            w.flush();
        });
    }

    /**
     * Writes {@code content} to the buffered standard output {@code out} and flushes it. When the
     * content fails part-way, what it wrote is flushed all the same before the failure goes on to be
     * reported, so the lines come before the error as WFDB's tools print them.
     */
    static void writeThrough(Writer out, Content content) throws IOException {
        try {
            content.writeTo(out);
        } catch (IOException | RuntimeException e) {
            try {
                out.flush();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed); // the error that stopped the output is the one to report
            }
            throw e;
        }
        out.flush();
    }
}
