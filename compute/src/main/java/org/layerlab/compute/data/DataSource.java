package org.layerlab.compute.data;

import org.layerlab.compute.catalog.CatalogEntry;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.tensor.Shape;

/**
 * One kind of data set (a generator, drawn points, a CSV file, an IDX pair, …) declared once: its id (used in
 * project files and on the command line), its settings as {@link org.layerlab.compute.catalog.ParamSpec}s (read by
 * the Data panel, the project file and the CLI), and a loader that reports problems as {@link DataException}s naming
 * the file and the place. Loaders run off the FX thread and report progress through the context.
 */
public interface DataSource extends CatalogEntry {
    /** How the Data panel groups sources. */
    enum Group { TEACHING, REGRESSION, DRAWN, FILE, NAMED }

    Group group();

    /** Loads the data set; {@code settings} are checked against {@link #params()}. */
    LoadedData load(Params settings, DataContext context) throws DataException;

    /**
     * The names of the settings that name a file or folder (a CSV's {@code file}, an IDX pair's {@code images}, …):
     * a project file stores them relative to its folder, the Data panel offers a picker for them.
     */
    default java.util.List<String> fileSettings() { return java.util.List.of(); }

    /** The shape of one sample when it is known without loading (2 for the 2-D sets), else null. */
    default Shape sampleShape(Params settings) { return null; }

    /** Whether the samples have numeric targets (regression) rather than classes, when known without loading. */
    default boolean regression(Params settings) { return false; }

    /**
     * How features are normalised after the split, fitted on the training part only: "none", "standardize" or
     * "minmax" (see {@link Normalization}). Sources with a "normalize" setting return it.
     */
    default String normalization(Params settings) {
        return settings.specs().stream().anyMatch(s -> s.name().equals("normalize")) ? settings.getString("normalize") : Normalization.NONE;
    }
}
