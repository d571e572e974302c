package org.ecgchat.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.ecgchat.io.EcgIoException;
import org.ecgchat.nn.checkpoint.CheckpointFormatException;
import org.ecgchat.nn.tokenize.TokenizerFormatException;
import org.ecgchat.nn.train.TrainingDivergedException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * How every {@code ecg-chat} command reports a failure: the one place that tells the user's errors
 * from bugs.
 *
 * <p>A user error is one the user can fix from its message alone: a file that is missing, unreadable
 * or malformed ({@link IOException}, {@link UncheckedIOException}, {@link CheckpointFormatException},
 * {@link TokenizerFormatException}), an argument or input value out of range
 * ({@link IllegalArgumentException}, ecg-eval's {@code EvalInputException} among them), or a training
 * run that diverged ({@link TrainingDivergedException}). The libraries' messages already name the
 * file, line, field or option, so a stack trace would only bury them: the command prints one line,
 * {@code ecg-chat <command path>: <message>}, and exits with {@link #USER_ERROR}. Any other exception
 * is a bug, and its stack trace is what a bug report needs: it is left to picocli, which prints it
 * and exits with {@link CommandLine.ExitCode#SOFTWARE}.
 *
 * <p>Two commands differ, for reasons of their own: {@code train-coca} and {@code demo} also count an
 * {@link IllegalStateException} as the user's, because the trainer and the demo's cohort report a run
 * that cannot go on (a finished run, a cohort too small to split) that way; and {@code rdann} exits
 * with 1 on an argument it cannot use, as WFDB C's rdann does.
 */
final class UserErrors implements CommandLine.IExecutionExceptionHandler {

    /** The exit status of a user error, as the commands' help documents it. */
    static final int USER_ERROR = 2;

    /** rdann's exit status for an unusable argument (WFDB C 10.7 rdann's). */
    static final int RDANN_BAD_ARGUMENT = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) throws Exception {
        // what the command printed comes before the error, in the order it happened
        command.getOut().flush();
        Object c = command.getCommand();
        if (!isUserError(e, c)) {
            throw e;
        }
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + message(e));
        err.flush();
        return c instanceof RdannCommand && e instanceof IllegalArgumentException ? RDANN_BAD_ARGUMENT : USER_ERROR;
    }

    /** Whether {@code e}, thrown by {@code command} (the picocli user object), is the user's to fix. */
    static boolean isUserError(Exception e, Object command) {
        return e instanceof IOException || e instanceof UncheckedIOException || e instanceof IllegalArgumentException
                || e instanceof CheckpointFormatException || e instanceof TokenizerFormatException
                || e instanceof TrainingDivergedException
                || e instanceof IllegalStateException && (command instanceof TrainCocaCommand || command instanceof DemoCommand);
    }

    /**
     * The text after the command path. The JDK's own I/O exceptions keep their type, since their
     * message is often no more than a path ({@code java.nio.file.NoSuchFileException: x.hea}); an
     * UncheckedIOException that only carries one is reported as that exception.
     */
    static String message(Throwable e) {
        if (e instanceof UncheckedIOException u
                && (u.getMessage() == null || u.getMessage().equals(u.getCause().toString()))) {
            return message(u.getCause());
        }
        if ((e instanceof IOException && !(e instanceof EcgIoException)) || e.getMessage() == null) {
            return e.toString();
        }
        return e.getMessage();
    }
}
