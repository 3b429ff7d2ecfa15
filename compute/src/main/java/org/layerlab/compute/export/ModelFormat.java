package org.layerlab.compute.export;

import java.nio.file.Path;
import java.util.List;
import org.layerlab.compute.catalog.CatalogEntry;
import org.layerlab.compute.catalog.ParamSpec;

/**
 * One way a trained model leaves LayerLab (safetensors weights, an ONNX model, a PyTorch folder). Declared once in
 * {@link ModelFormats}; the export dialog and {@code layerlab export} list the catalog and call {@link #write}.
 */
public interface ModelFormat extends CatalogEntry {
    /** The file name ending the format writes (".onnx"), or "" when it writes a folder. */
    String extension();

    default boolean writesFolder() { return extension().isEmpty(); }

    /** Settings the user may change before writing (shown in the dialog, given on the command line). */
    @Override default List<ParamSpec> params() { return List.of(); }

    /**
     * Writes {@code model} to {@code target} (a file, or a folder that is created when missing). Runs off the FX
     * thread; a file is replaced atomically.
     *
     * @throws ExportException naming the file and what could not be written or represented
     */
    void write(TrainedModel model, Path target, ExportOptions options) throws ExportException;
}
