package org.ecgchat.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ecg-chat} command line: one entry point for every tool of the SDK. Each subcommand
 * is a class of its own in this package; the list below is the whole command surface.
 */
@Command(
        name = "ecg-chat",
        mixinStandardHelpOptions = true,
        versionProvider = EcgChat.Version.class,
        description = "ECG-Chat for the JVM: WFDB tools, ECG-CoCa and the ECG chat model.",
        subcommands = {
            CommandLine.HelpCommand.class,
            RdsampCommand.class,
            InfoCommand.class,
            RdannCommand.class,
            EvalCommand.class,
            TrainCocaCommand.class,
            WfepCommand.class,
            BeatsCommand.class,
            ConvertCommand.class,
            SynthCommand.class,
            PlotCommand.class,
            EmbedCommand.class,
            ZeroShotCommand.class,
            RetrieveCommand.class,
            CaptionCommand.class,
            DemoCommand.class,
        })
public final class EcgChat implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Builds the command line; tests call this to run commands in-process. */
    public static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /** The command line with its commands made by {@code factory} (tests give rdann a byte sink as standard output). */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        return new CommandLine(new EcgChat(), factory).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new UserErrors());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Reports the version recorded in the jar manifest (or "development" when run from classes). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = EcgChat.class.getPackage().getImplementationVersion();
            return new String[] {"ecg-chat " + (v == null ? "development" : v)};
        }
    }
}
