package org.layerlab.compute.catalog;

/** The kinds of value a declared parameter may hold; editors and file readers are chosen by this. */
public enum ParamType {
    INT, FLOAT, BOOLEAN,
    /** One of a fixed list of ids (e.g. an activation). */
    CHOICE,
    /** A list of positive integers (e.g. an input shape). */
    SHAPE,
    /** Free text (a file name, a column name, a list of names separated by commas); may be empty. */
    TEXT
}
