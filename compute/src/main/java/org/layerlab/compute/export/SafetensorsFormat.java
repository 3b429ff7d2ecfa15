package org.layerlab.compute.export;

import java.nio.file.Path;
import org.layerlab.compute.project.ProjectFileException;
import org.layerlab.compute.text.Messages;

/** Export as a safetensors weights file ({@link WeightsFile}: the tensors, with the graph and classes as metadata). */
final class SafetensorsFormat implements ModelFormat {
    private static final Messages TEXT = Messages.of("org.layerlab.compute.i18n.formats", SafetensorsFormat.class);

    @Override public String id() { return "safetensors"; }
    @Override public String displayName() { return TEXT.get("safetensors.name"); }
    @Override public String description() { return TEXT.get("safetensors.description"); }
    @Override public String extension() { return ".safetensors"; }

    @Override public void write(TrainedModel model, Path target, ExportOptions options) throws ExportException {
        try {
            org.layerlab.compute.project.AtomicFiles.write(target, WeightsFile.encode(model));
        } catch (ProjectFileException e) {
            throw new ExportException(e.getMessage(), e);
        }
    }
}
