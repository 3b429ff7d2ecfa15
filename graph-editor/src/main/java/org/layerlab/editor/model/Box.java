package org.layerlab.editor.model;

/** A node's rectangle on the canvas, in canvas (unzoomed) pixels. */
public record Box(double x, double y, double width, double height) {
    public boolean overlaps(Box o) {
        return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
    }
}
