package org.layerlab.compute.data;

/** One point the user drew: its place and its class index (classification) or target value (regression). */
public record DrawnPoint(double x, double y, double value) {
    public DrawnPoint {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("a drawn point must have finite coordinates and value, got (" + x + ", " + y + ", " + value + ")");
        }
    }
}
