package org.layerlab.compute.export;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.layerlab.compute.project.ProjectFileException;

/** ONNX models as a kind of file LayerLab opens: {@link OnnxImporter} behind the {@link ModelImport} declaration. */
final class OnnxImport implements ModelImport {
    static final OnnxImport INSTANCE = new OnnxImport();

    private OnnxImport() {}

    @Override public String id() { return "onnx"; }
    @Override public String displayName() { return "ONNX model"; }
    @Override public String description() { return "A model from ONNX: made by LayerLab, PyTorch's torch.onnx.export or other tools."; }
    @Override public String extension() { return ".onnx"; }

    @Override public TrainedModel read(Path file) throws ProjectFileException {
        try {
            return OnnxImporter.read(file).model();
        } catch (OnnxImportException e) {
            throw new ProjectFileException(e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new ProjectFileException(file + ": file not found", e);
        } catch (IOException e) {
            throw new ProjectFileException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
