package org.layerlab.compute.export;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.layerlab.compute.catalog.Catalog;

/** The model files LayerLab opens besides its projects. A new importer is one class and one line here. */
public final class ModelImports {
    public static final Catalog<ModelImport> CATALOG = new Catalog<>("model importer", OnnxImport.INSTANCE);

    private ModelImports() {}

    /** The importer for {@code file}'s extension, if there is one. */
    public static Optional<ModelImport> forFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return CATALOG.all().stream().filter(i -> name.endsWith(i.extension())).findFirst();
    }
}
