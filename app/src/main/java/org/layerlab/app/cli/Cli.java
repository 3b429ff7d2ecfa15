package org.layerlab.app.cli;

import java.io.PrintWriter;

/** The commands' one-line error reports and their exit codes. */
final class Cli {
    private Cli() {}

    /** Reports a problem with the input (a file, a row, an option): exit code 2. */
    static int badInput(PrintWriter err, String message) {
        err.println("layerlab: " + message);
        err.flush();
        return LayerLabCli.EXIT_BAD_INPUT;
    }

    /** Reports work that could not be done (a file that cannot be written): exit code 1. */
    static int failed(PrintWriter err, String message) {
        err.println("layerlab: " + message);
        err.flush();
        return LayerLabCli.EXIT_RUN_FAILED;
    }
}
