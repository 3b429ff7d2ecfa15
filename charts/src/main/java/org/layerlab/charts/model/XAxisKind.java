package org.layerlab.charts.model;

import org.layerlab.compute.text.Messages;

/** What the scalar charts put on the x axis; its names come from the chart controls' bundle ("x.STEP", "x.STEP.axis"). */
public enum XAxisKind {
    STEP, EPOCH, RELATIVE, WALL;

    private static final Messages TEXT = Messages.of("org.layerlab.charts.i18n.chartcontrols", XAxisKind.class);

    public String axisLabel() { return TEXT.get("x." + name() + ".axis"); }
    @Override public String toString() { return TEXT.get("x." + name()); }
}
