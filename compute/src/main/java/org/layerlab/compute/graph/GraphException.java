package org.layerlab.compute.graph;

/** A refused graph edit or an unusable graph; the message is written for the user. */
public class GraphException extends RuntimeException {
    public GraphException(String message) { super(message); }
}
