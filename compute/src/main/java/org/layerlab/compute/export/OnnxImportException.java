package org.layerlab.compute.export;

/** An ONNX file LayerLab cannot import; the message names the file, the node or field, and the problem. */
public class OnnxImportException extends Exception {
    public OnnxImportException(String message) { super(message); }
}
