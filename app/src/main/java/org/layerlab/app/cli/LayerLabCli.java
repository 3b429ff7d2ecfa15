package org.layerlab.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code layerlab train <project-file>} and friends. Exit codes: 0 ok, 1 run failed, 2 bad input. */
@Command(name = "layerlab", mixinStandardHelpOptions = true, version = "LayerLab 0.1.0",
        description = "Design, train and inspect neural networks. Without a command, opens the window.",
        subcommands = {TrainCommand.class, DataCommand.class, ExportCommand.class, ImportCommand.class, InfoCommand.class, PredictCommand.class})
public final class LayerLabCli implements Runnable {
    public static final int EXIT_RUN_FAILED = 1;
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit code (does not exit). */
    public static int run(String... args) {
        return new CommandLine(new LayerLabCli()).execute(args);
    }

    /** As {@link #run(String...)}, writing to the given streams. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return new CommandLine(new LayerLabCli()).setOut(out).setErr(err).execute(args);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }
}
