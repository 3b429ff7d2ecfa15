package org.layerlab.compute.catalog;

/** A parameter value that its declaration refuses; the message is written for the user. */
public class InvalidParamException extends Exception {
    private final String paramName;

    public InvalidParamException(String message) { this(null, message); }

    public InvalidParamException(String paramName, String message) {
        super(message);
        this.paramName = paramName;
    }

    /** The parameter's name when known (files report it as part of the location), else null. */
    public String paramName() { return paramName; }
}
