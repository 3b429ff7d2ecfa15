package org.layerlab.editor.model;

import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;

/** Which way data flows on the canvas: where input ports sit and how auto-layout stacks the layers. */
public enum Orientation {
    LEFT_RIGHT,
    TOP_DOWN;

    private static final org.layerlab.compute.text.Messages TEXT =
            org.layerlab.compute.text.Messages.of("org.layerlab.editor.i18n.editortext", Orientation.class);

    /** "Left to right", in the current language. */
    public String displayName() { return TEXT.get("orientation." + name()); }

    /**
     * The direction a saved layout was drawn in (files keep positions, not the direction): top down when wires run
     * mostly downwards, otherwise left to right.
     */
    public static Orientation guess(ModelGraph g) {
        double across = 0, down = 0;
        for (Edge e : g.edges()) {
            Node a = g.find(e.from()).orElse(null), b = g.find(e.to()).orElse(null);
            if (a == null || b == null) continue;
            across += Math.abs(b.x() - a.x());
            down += Math.max(0, b.y() - a.y());
        }
        return down > across ? TOP_DOWN : LEFT_RIGHT;
    }
}
