package org.layerlab.compute.export;

import java.nio.file.Path;
import org.layerlab.compute.catalog.CatalogEntry;
import org.layerlab.compute.project.ProjectFileException;

/**
 * One kind of model file LayerLab can open (an ONNX model). Declared in {@link ModelImports}; File → Open,
 * drag and drop, {@code layerlab import}, {@code info} and {@code predict} look files up by their extension there.
 */
public interface ModelImport extends CatalogEntry {
    /** The file name ending this importer reads (".onnx"). */
    String extension();

    @Override default java.util.List<org.layerlab.compute.catalog.ParamSpec> params() { return java.util.List.of(); }

    /**
     * Reads the file into a graph with its weights.
     *
     * @throws ProjectFileException naming the file and what cannot be read or represented
     */
    TrainedModel read(Path file) throws ProjectFileException;
}
