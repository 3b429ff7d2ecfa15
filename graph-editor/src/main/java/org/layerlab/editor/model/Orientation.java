package org.layerlab.editor.model;

/** Which way data flows on the canvas: where input ports sit and how auto-layout stacks the layers. */
public enum Orientation {
    LEFT_RIGHT("Left to right"),
    TOP_DOWN("Top down");

    private final String displayName;

    Orientation(String displayName) { this.displayName = displayName; }

    public String displayName() { return displayName; }
}
