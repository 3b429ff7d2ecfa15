package org.layerlab.editor.model;

import java.text.NumberFormat;
import java.util.Locale;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.layers.LayerType;

/** The short texts shown for a layer, shared by the canvas, the exports and the summary table. */
public final class NodeText {
    private NodeText() {}

    static final org.layerlab.compute.text.Messages TEXT =
            org.layerlab.compute.text.Messages.of("org.layerlab.editor.i18n.nodetext", NodeText.class);

    /** The layer kind with its key settings, e.g. "Dense 128 · ReLU". */
    public static String kind(LayerType type, Node n) {
        String s = type.summary(n.params());
        return s.isEmpty() ? type.displayName() : type.displayName() + " " + s;
    }

    /** "1,234 params". */
    public static String params(long count) {
        return TEXT.get(count == 1 ? "params.one" : "params.many", count(count));
    }

    /** An integer with thousands separators, locale-independent. */
    public static String count(long n) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(n);
    }

    /** How undo labels name a set of layers: the layer's name for one, "3 layers" for more. */
    public static String names(ModelGraph g, java.util.Collection<String> ids) {
        if (ids.size() == 1) {
            String id = ids.iterator().next();
            return g.find(id).map(Node::name).orElse(id);
        }
        return TEXT.get("layers.many", String.valueOf(ids.size()));
    }
}
