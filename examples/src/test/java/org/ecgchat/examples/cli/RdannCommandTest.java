package org.ecgchat.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgchat.io.wfdb.Annotation;
import org.ecgchat.io.wfdb.AnnotationCode;
import org.ecgchat.io.wfdb.Annotations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ecg-chat rdann} writes rdann's bytes to standard output and reports bad input by status. */
class RdannCommandTest {

    record Run(int exit, byte[] out, String err) {
    }

    /** Runs {@code ecg-chat rdann ARGS} with rdann's bytes going to a buffer instead of System.out. */
    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == RdannCommand.class ? type.cast(new RdannCommand(out)) : CommandLine.defaultFactory().create(type);
            }
        };
        String[] command = new String[args.length + 1];
        command[0] = "rdann";
        System.arraycopy(args, 0, command, 1, args.length);
        int exit = EcgChat.commandLine(factory).setErr(new PrintWriter(err)).execute(command);
        return new Run(exit, out.toByteArray(), err.toString());
    }

    private static Path corpus(String relative) {
        String shared = System.getProperty("ecgchat.shared");
        Path root = shared == null ? null : Path.of(shared, "wfdb-corpus");
        assumeTrue(root != null && Files.isDirectory(root), "WFDB corpus not found; skipping");
        return root.resolve(relative);
    }

    @Test
    void isACommandOfEcgChat() {
        assertThat(EcgChat.commandLine().getSubcommands()).containsKey("rdann");
    }

    @Test
    void printsRdannOutputByteForByte() throws IOException {
        Run r = run("-r", corpus("wfdb-python/sample-data/12726").toString(), "-a", "wabp");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo(Files.readAllBytes(corpus("regenerated-wfdb-c-10.7.0/extra/12726.wabp.rdann.txt")));
    }

    @Test
    void auxBytesAreWrittenAsTheyAreStored(@TempDir Path dir) throws IOException {
        Annotations.write(dir.resolve("rec"), "txt", List.of(Annotation.of(5, AnnotationCode.NOTE, "5 \u00b5V")));
        Run r = run("-r", dir.resolve("rec").toString(), "-a", "txt");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("    0:00.020        5     \"    0    0    0\t5 \u00b5V\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void badInputGivesAMessageAndAnExitStatus() {
        Run missing = run("-r", corpus("wfdb-python/sample-data/100").toString(), "-a", "nosuch");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).startsWith("ecg-chat rdann: ").contains("100.nosuch");
        assertThat(missing.out()).isEmpty();

        Run both = run("-r", corpus("wfdb-python/sample-data/100").toString(), "-a", "atr", "-e", "-x");
        assertThat(both.exit()).isNotZero();
        assertThat(both.out()).isEmpty();
    }
}
