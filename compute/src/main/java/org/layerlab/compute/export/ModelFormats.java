package org.layerlab.compute.export;

import org.layerlab.compute.catalog.Catalog;

/** The export formats, in the order the dialog and the CLI show them. A new format is one class and one line here. */
public final class ModelFormats {
    public static final ModelFormat SAFETENSORS = new SafetensorsFormat();
    public static final ModelFormat ONNX = new OnnxFormat();
    public static final ModelFormat PYTORCH = new PyTorchFormat();

    public static final Catalog<ModelFormat> CATALOG = new Catalog<>("model format", ONNX, PYTORCH, SAFETENSORS);

    private ModelFormats() {}
}
