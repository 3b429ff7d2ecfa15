package org.layerlab.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code layerlab train <project-file>} and friends. Exit codes: 0 ok, 1 run failed (diverged, or a
 * bug: its trace goes to a log file), 2 bad input (file, options, configuration), 130 stopped by Ctrl-C. Every
 * failure is one line on stderr.
 */
@Command(name = "layerlab", mixinStandardHelpOptions = true, version = "LayerLab 0.1.0",
        resourceBundle = "org.layerlab.app.i18n.clihelp", // the help texts of every command, English and Chinese
        subcommands = {TrainCommand.class, DataCommand.class, ExportCommand.class, ImportCommand.class, InfoCommand.class, PredictCommand.class})
public final class LayerLabCli implements Runnable {
    public static final int EXIT_RUN_FAILED = 1;
    public static final int EXIT_BAD_INPUT = 2;
    /** The shell's convention for a program ended by SIGINT (128 + 2). */
    public static final int EXIT_INTERRUPTED = 130;

    private static final org.layerlab.compute.text.Messages TEXT =
            org.layerlab.compute.text.Messages.of("org.layerlab.app.i18n.cli", LayerLabCli.class);

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit code (does not exit). */
    public static int run(String... args) {
        return configure(new CommandLine(new LayerLabCli())).execute(args);
    }

    /** As {@link #run(String...)}, writing to the given streams. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return configure(new CommandLine(new LayerLabCli()).setOut(out).setErr(err)).execute(args);
    }

    /** One line for a bad option (no usage dump), and one line naming the log for anything unforeseen. */
    private static CommandLine configure(CommandLine cli) {
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine bad = ex.getCommandLine();
            String command = bad.getCommandName().equals("layerlab") ? "" : bad.getCommandName();
            bad.getErr().println("layerlab: " + TEXT.get("badOption", CliFailures.oneLine(ex.getMessage()), command).replace("layerlab  --help", "layerlab --help"));
            bad.getErr().flush();
            return EXIT_BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, bad, parsed) -> {
            bad.getErr().println(CliFailures.report(ex));
            bad.getErr().flush();
            return EXIT_RUN_FAILED;
        });
        return cli;
    }

    public static void main(String[] args) {
        CliFailures.installUncaughtHandler();
        int code;
        try {
            code = run(args);
        } catch (Throwable t) { // an Error outside the command (out of memory while parsing options): still one line
            System.err.println(CliFailures.report(t));
            code = EXIT_RUN_FAILED;
        }
        System.exit(code);
    }
}
