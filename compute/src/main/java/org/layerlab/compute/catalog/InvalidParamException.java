package org.layerlab.compute.catalog;

/** A parameter value that its declaration refuses; the message is written for the user. */
public class InvalidParamException extends Exception {
    public InvalidParamException(String message) { super(message); }
}
