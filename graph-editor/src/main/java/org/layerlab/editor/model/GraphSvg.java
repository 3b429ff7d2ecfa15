package org.layerlab.editor.model;

import java.util.Locale;
import java.util.Map;
import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.GraphAnalysis;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.graph.NodeInfo;
import org.layerlab.compute.layers.Category;
import org.layerlab.compute.layers.LayerType;

/** Writes the graph as a standalone SVG document: cards, wires with their shapes, the same texts as the canvas. */
public final class GraphSvg {
    private GraphSvg() {}

    /**
     * @param boxes each node's rectangle on the canvas (sizes as laid out on screen)
     * @param colours the accent colour of each category, as "#rrggbb"
     */
    public static String write(ModelGraph g, GraphAnalysis a, Map<String, Box> boxes, Orientation o, Map<Category, String> colours) {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = 0, maxY = 0;
        for (Box b : boxes.values()) {
            minX = Math.min(minX, b.x()); minY = Math.min(minY, b.y());
            maxX = Math.max(maxX, b.x() + b.width()); maxY = Math.max(maxY, b.y() + b.height());
        }
        if (boxes.isEmpty()) { minX = minY = 0; maxX = maxY = 100; }
        double pad = 30, w = maxX - minX + 2 * pad, h = maxY - minY + 2 * pad;
        StringBuilder s = new StringBuilder();
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"%.1f %.1f %.1f %.1f\" "
                + "font-family=\"Segoe UI, Helvetica, Arial, sans-serif\">\n", w, h, minX - pad, minY - pad, w, h));
        s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#ffffff\"/>\n", minX - pad, minY - pad, w, h));
        for (Edge e : g.edges()) {
            Box from = boxes.get(e.from()), to = boxes.get(e.to());
            if (from == null || to == null) continue;
            Point p = Ports.output(o, from), q = Ports.input(o, to, e.port(), Ports.inputCount(g, e.to()));
            Point[] c = Ports.curve(o, p, q);
            s.append(String.format(Locale.ROOT, "<path d=\"M %.1f %.1f C %.1f %.1f, %.1f %.1f, %.1f %.1f\" fill=\"none\" stroke=\"#6b7280\" stroke-width=\"2\"/>\n",
                    p.x(), p.y(), c[0].x(), c[0].y(), c[1].x(), c[1].y(), q.x(), q.y()));
            NodeInfo info = a.info(e.from());
            if (info != null && info.valid()) {
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#374151\" text-anchor=\"middle\">%s</text>\n",
                        (p.x() + q.x()) / 2, (p.y() + q.y()) / 2 - 6, xml(info.outputShape().toString())));
            }
        }
        for (Node n : g.nodes()) {
            Box b = boxes.get(n.id());
            if (b == null) continue;
            LayerType type = g.typeOf(n.id());
            NodeInfo info = a.info(n.id());
            boolean ok = info != null && info.valid();
            s.append(String.format(Locale.ROOT, "<g id=\"%s\">\n", xml("node-" + n.id())));
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"6\" fill=\"#ffffff\" stroke=\"%s\"/>\n",
                    b.x(), b.y(), b.width(), b.height(), ok ? "#d1d5db" : "#b91c1c"));
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"6\" height=\"%.1f\" fill=\"%s\"/>\n",
                    b.x(), b.y(), b.height(), colours.getOrDefault(type.category(), "#999999")));
            double ty = b.y() + 19;
            s.append(text(b.x() + 14, ty, 13, "bold", "#111827", n.name()));
            s.append(text(b.x() + 14, ty += 17, 12, "normal", "#374151", NodeText.kind(type, n)));
            if (ok) {
                s.append(text(b.x() + 14, ty += 17, 12, "normal", "#111827", "→ " + info.outputShape()));
                s.append(text(b.x() + 14, ty + 17, 11, "normal", "#6b7280", NodeText.params(info.parameterCount())));
            } else {
                s.append(text(b.x() + 14, ty + 17, 12, "bold", "#b91c1c", "⚠ " + (info == null ? NodeText.TEXT.get("notAnalysed") : info.error())));
            }
            s.append("</g>\n");
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static String text(double x, double y, int size, String weight, String fill, String t) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" font-weight=\"%s\" fill=\"%s\">%s</text>\n", x, y, size, weight, fill, xml(t));
    }

    static String xml(String t) {
        StringBuilder b = new StringBuilder();
        for (char c : t.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> { if (c >= 0x20 || c == '\t' || c == '\n') b.append(c); }
            }
        }
        return b.toString();
    }
}
