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

    public static void main(String[] args) {
        if (args.length == 0) {
            Application.launch(LayerLabApp.class, args);
        } else {
            System.exit(LayerLabCli.run(args));
        }
    }
}
