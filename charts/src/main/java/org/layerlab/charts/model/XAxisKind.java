package org.layerlab.charts.model;

/** What the scalar charts put on the x axis. */
public enum XAxisKind {
    STEP("Step", "step"),
    EPOCH("Epoch", "epoch"),
    RELATIVE("Relative time", "time since run start (s)"),
    WALL("Wall time", "wall time (local)");

    private final String display;
    private final String axisLabel;

    XAxisKind(String display, String axisLabel) {
        this.display = display;
        this.axisLabel = axisLabel;
    }

    public String axisLabel() { return axisLabel; }
    @Override public String toString() { return display; }
}
