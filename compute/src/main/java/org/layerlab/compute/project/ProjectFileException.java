package org.layerlab.compute.project;

/** A project file that cannot be read or written; the message names the file, the place in it and the problem. */
public class ProjectFileException extends Exception {
    public ProjectFileException(String message) { super(message); }
    public ProjectFileException(String message, Throwable cause) { super(message, cause); }
}
