package org.layerlab.compute.graph;

/** A refused graph edit or an unusable graph; the message is written for the user. */
public class GraphException extends RuntimeException {
    private final int edgeIndex;

    public GraphException(String message) { this(message, -1); }

    /** A refusal of the wire at {@code edgeIndex} of a list given to {@link ModelGraph#of}. */
    public GraphException(String message, int edgeIndex) {
        super(message);
        this.edgeIndex = edgeIndex;
    }

    /** The index of the refused wire in the list given to {@link ModelGraph#of}, or -1 when no wire is to blame. */
    public int edgeIndex() { return edgeIndex; }
}
