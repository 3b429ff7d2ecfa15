package org.layerlab.app;

import javafx.application.Application;
import org.layerlab.app.cli.LayerLabCli;
import org.layerlab.app.ui.LayerLabApp;

/**
 * Entry point. With no arguments it opens the window; with arguments it runs the command line.
 * A plain class (not an Application) so JavaFX starts from the class path.
 */
public final class Launcher {
    private Launcher() {}

    /** {@code layerlab FILE}: one argument that is an existing file (not a command) opens it in the window. */
    static boolean opensInWindow(String[] args) {
        return args.length == 1 && !args[0].startsWith("-") && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(args[0]));
    }

    public static void main(String[] args) {
        if (args.length == 0 || opensInWindow(args)) {
            Application.launch(LayerLabApp.class, args);
        } else {
            System.exit(LayerLabCli.run(args));
        }
    }
}
