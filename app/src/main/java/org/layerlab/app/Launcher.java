package org.layerlab.app;

import javafx.application.Application;
import org.layerlab.app.cli.LayerLabCli;
import org.layerlab.app.ui.LayerLabApp;

/**
 * Entry point. With no arguments it opens the window; with arguments it runs the command line.
 * A plain class (not an Application) so JavaFX starts from the class path.
 */
public final class Launcher {
    /** Held so the filter below stays on the logger (loggers are only weakly referenced). */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    private Launcher() {}

    /** {@code layerlab FILE}: one argument that is an existing file (not a command) opens it in the window. */
    static boolean opensInWindow(String[] args) {
        return args.length == 1 && !args[0].startsWith("-") && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(args[0]));
    }

    /**
     * The window's arguments: the user's, and the JIT warm-up once it shows ({@link LayerLabApp#WARM_UP}), which tests
     * and screenshots, starting the app otherwise, leave out.
     */
    static String[] windowArguments(String[] args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--" + LayerLabApp.WARM_UP + "=true";
        return all;
    }

    public static void main(String[] args) {
        if (args.length == 0 || opensInWindow(args)) {
            // LayerLab runs from the class path on purpose (see the class comment); JavaFX warns about that on
            // every start. Only that warning is dropped; every other JavaFX message still shows.
            JAVAFX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
            Application.launch(LayerLabApp.class, windowArguments(args));
        } else {
            System.exit(LayerLabCli.run(args));
        }
    }
}
