package org.layerlab.compute.layers;

/** A shape rule's refusal; the message says what is wrong and what to change, without the node's name. */
public class ShapeException extends Exception {
    public ShapeException(String message) { super(message); }
}
