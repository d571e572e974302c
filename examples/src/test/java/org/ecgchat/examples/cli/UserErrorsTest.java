package org.ecgchat.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ecgchat.io.EcgIoException;
import org.ecgchat.nn.checkpoint.CheckpointFormatException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Every {@code ecg-chat} command reports a user error as one line {@code ecg-chat <command path>: <message>}
 * with status 2 (rdann: 1 for a bad argument), and a bug with its stack trace and picocli's status 1.
 */
class UserErrorsTest {

    /** A command standing in for a bug or a failure after some output: prints a line, then throws. */
    @Command(name = "fail")
    static final class Fail implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0")
        String kind;

        @Override
        public Integer call() throws IOException {
            TextOutput.writeThrough(new BufferedWriter(spec.commandLine().getOut()), out -> {
                out.write("a line before the failure\n");
                throw switch (kind) {
                    case "argument" -> new IllegalArgumentException("--x must be positive, was -1");
                    case "state" -> new IllegalStateException("invariant broken");
                    default -> new NullPointerException("a bug");
                };
            });
            return 0;
        }
    }

    /** The command line with {@code fail} added; out and err go to one buffer, in the order written. */
    private static CliRun runWithFail(String kind) {
        StringWriter both = new StringWriter();
        CommandLine cli = EcgChat.commandLine();
        cli.addSubcommand(new Fail());
        cli.setOut(new PrintWriter(both));
        cli.setErr(new PrintWriter(both));
        return new CliRun(cli.execute("fail", kind), "", both.toString());
    }

    @Test
    void aUserErrorIsOneLineNamingTheCommandPathWithStatus2() {
        CliRun info = CliRun.of("info", "no/such/record");
        assertThat(info.exit()).isEqualTo(2);
        assertThat(info.err()).startsWith("ecg-chat info: ").contains("no/such/record.hea").hasLineCount(1);

        // a subcommand of a subcommand: the whole path
        CliRun retrieve = CliRun.of("retrieve", "reports", "--model", "no/such/model",
                "--index", "no/such/index", "--batch", "0", "no/such/record");
        assertThat(retrieve.exit()).isEqualTo(2);
        assertThat(retrieve.err()).isEqualTo("ecg-chat retrieve reports: --batch must be at least 1, was 0"
                + System.lineSeparator());
        assertThat(retrieve.out()).isEmpty();
    }

    @Test
    void rdannExitsWith1OnAnArgumentItCannotUseAsWfdbRdannDoes() {
        RdannCommandTest.Run r = RdannCommandTest.run("-r", "no/such/record", "-a", "atr", "-f", "");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("ecg-chat rdann: -f and -t need a time, not an empty string" + System.lineSeparator());
        // an unreadable file is not an argument error: 2, as for every command
        assertThat(RdannCommandTest.run("-r", "no/such/record", "-a", "atr").exit()).isEqualTo(2);
    }

    @Test
    void aBugShowsItsStackTraceAndPicocliSoftwareErrorStatus() {
        for (String kind : new String[] {"npe", "state"}) {
            CliRun r = runWithFail(kind);
            assertThat(r.exit()).as(kind).isEqualTo(CommandLine.ExitCode.SOFTWARE);
            assertThat(r.err()).as(kind).doesNotContain("ecg-chat fail: ")
                    .containsPattern("java\\.lang\\.(NullPointerException: a bug|IllegalStateException: invariant broken)")
                    .contains("\tat " + Fail.class.getName() + ".lambda$call$");
        }
    }

    @Test
    void whatTheCommandPrintedComesBeforeItsError() {
        CliRun r = runWithFail("argument");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("a line before the failure\n"
                + "ecg-chat fail: --x must be positive, was -1" + System.lineSeparator());
    }

    @Test
    void illegalStateIsTheUsersOnlyInTrainingRuns() throws Exception {
        CommandLine cli = EcgChat.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        IllegalStateException complete = new IllegalStateException("the run is complete: 4 of 4 steps taken");
        assertThat(new UserErrors().handleExecutionException(complete, cli.getSubcommands().get("train-coca"), null))
                .isEqualTo(2);
        assertThat(err).hasToString("ecg-chat train-coca: the run is complete: 4 of 4 steps taken" + System.lineSeparator());

        assertThat(UserErrors.isUserError(complete, new DemoCommand())).isTrue();
        assertThat(UserErrors.isUserError(complete, new EmbedCommand())).isFalse();
        assertThat(UserErrors.isUserError(new CheckpointFormatException("model.safetensors: no tensor 'x'"),
                new EmbedCommand())).isTrue();
        assertThat(UserErrors.isUserError(new ArithmeticException("/ by zero"), new TrainCocaCommand())).isFalse();
    }

    @Test
    void jdkIoExceptionsKeepTheirTypeAndOursOnlyTheirMessage() {
        NoSuchFileException missing = new NoSuchFileException("rec.hea");
        assertThat(UserErrors.message(missing)).isEqualTo("java.nio.file.NoSuchFileException: rec.hea");
        assertThat(UserErrors.message(new UncheckedIOException(missing)))
                .isEqualTo("java.nio.file.NoSuchFileException: rec.hea");
        assertThat(UserErrors.message(new UncheckedIOException("train.csv: line 3: rec.hea", missing)))
                .isEqualTo("train.csv: line 3: rec.hea");
        assertThat(UserErrors.message(new EcgIoException(Path.of("rec.hea"), "line 1: expected a record line")))
                .isEqualTo("rec.hea: line 1: expected a record line");
        assertThat(UserErrors.message(new IllegalArgumentException())).isEqualTo("java.lang.IllegalArgumentException");
    }
}
