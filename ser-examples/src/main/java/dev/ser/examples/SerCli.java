package dev.ser.examples;

import dev.ser.examples.listen.ListenCommand;
import dev.ser.examples.plot.PlotCommand;
import dev.ser.examples.serve.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code ser} command line: speech emotion recognition from the terminal.
 *
 * <p>Exit codes: 0 success, 1 some inputs failed (each reported), 2 bad usage, 3 internal error.
 */
@Command(name = "ser",
        mixinStandardHelpOptions = true,
        versionProvider = SerCli.Version.class,
        description = "Speech emotion recognition for the JVM: features identical to librosa's, in pure Java.",
        subcommands = {PredictCommand.class, ExtractCommand.class, CorpusExtractCommand.class, TrainCommand.class,
                EvaluateCommand.class, GridSearchCommand.class, ConvertCommand.class, PlotCommand.class, ListenCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Run 'ser help COMMAND' for a command's options."})
public final class SerCli implements Runnable {
    /** Exit code when some inputs could not be processed. */
    public static final int EXIT_INPUT_FAILED = 1;
    /** Exit code for bad usage (picocli's default). */
    public static final int EXIT_USAGE = 2;
    /** Exit code for unexpected internal errors. */
    public static final int EXIT_INTERNAL = 3;

    @Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with our error handling. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SerCli());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = parseResult.hasMatchedOption("--verbose") || parseResult.subcommand() != null
                    && parseResult.subcommand().hasMatchedOption("--verbose");
            commandLine.getErr().println("ser: " + (ex.getMessage() != null ? ex.getMessage() : ex.toString()));
            if (verbose) {
                ex.printStackTrace(commandLine.getErr());
            }
            return EXIT_INTERNAL;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Reports the library version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SerCli.class.getPackage().getImplementationVersion();
            return new String[] {"ser " + (v != null ? v : "(development build)")};
        }
    }
}
