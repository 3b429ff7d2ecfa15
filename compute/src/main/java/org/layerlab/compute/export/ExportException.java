package org.layerlab.compute.export;

/** A model that cannot be exported, or a file that cannot be written; the message names the file and the cause. */
public class ExportException extends Exception {
    public ExportException(String message) { super(message); }
    public ExportException(String message, Throwable cause) { super(message, cause); }
}
