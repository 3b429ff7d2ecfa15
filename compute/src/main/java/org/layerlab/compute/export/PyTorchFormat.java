package org.layerlab.compute.export;

import java.io.IOException;
import java.nio.file.Path;
import org.layerlab.compute.project.ProjectFileException;
import org.layerlab.compute.text.Messages;

/** Export as a PyTorch folder ({@link PyTorchExporter}): model.py, train.py (with the project), the weights and the data. */
final class PyTorchFormat implements ModelFormat {
    private static final Messages TEXT = Messages.of("org.layerlab.compute.i18n.formats", PyTorchFormat.class);

    @Override public String id() { return "pytorch"; }
    @Override public String displayName() { return TEXT.get("pytorch.name"); }
    @Override public String description() { return TEXT.get("pytorch.description"); }
    @Override public String extension() { return ""; }

    @Override public void write(TrainedModel model, Path target, ExportOptions options) throws ExportException {
        try {
            PyTorchExporter.write(model, options.project().orElse(null), target);
        } catch (IOException e) {
            throw new ExportException(TEXT.get("onnx.writeFailed", target, e.getMessage()), e);
        } catch (ProjectFileException e) {
            throw new ExportException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ExportException(TEXT.get("onnx.notExportable", target, e.getMessage()), e);
        }
    }
}
