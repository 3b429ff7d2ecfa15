package org.layerlab.app.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks the user for a file or a folder to read. The window uses the system's dialogs ({@link #SYSTEM}); a test gives
 * a fixed answer, so the Data panel's and the CSV wizard's pickers are driven like any other control. FX thread.
 */
@FunctionalInterface
interface FilePicker {
    /** Files a picker offers: "CSV and TSV files" with *.csv, *.tsv. */
    record Filter(String description, List<String> patterns) {}

    /**
     * The chosen file (or folder when {@code folder}), or null when the user cancelled.
     *
     * @param filters the kinds of file offered, first the default (ignored for a folder)
     */
    Path choose(Window owner, boolean folder, String title, List<Filter> filters);

    /** The system's open-file and choose-folder dialogs. */
    FilePicker SYSTEM = (owner, folder, title, filters) -> {
        File f;
        if (folder) {
            DirectoryChooser dc = new DirectoryChooser();
            if (title != null) dc.setTitle(title);
            f = dc.showDialog(owner);
        } else {
            FileChooser fc = new FileChooser();
            if (title != null) fc.setTitle(title);
            for (Filter x : filters) fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(x.description(), x.patterns()));
            f = fc.showOpenDialog(owner);
        }
        return f == null ? null : f.toPath();
    };
}
