package org.layerlab.editor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.graph.ShapeInference;
import org.layerlab.compute.layers.Category;
import org.layerlab.editor.Graphs;
import org.w3c.dom.Document;

/** The SVG export is well-formed XML with a card per layer, a path per wire and the canvas texts. */
class GraphSvgTest {
    @Test
    void writesAWellFormedDrawingOfEveryLayerAndWire() throws Exception {
        ModelGraph g = Graphs.chain().replaceNode(Graphs.chain().node("output").withName("Out <logits> & \"scores\""));
        Map<String, Box> boxes = new LinkedHashMap<>();
        for (Node n : g.nodes()) boxes.put(n.id(), new Box(n.x(), n.y(), 170, 76));
        String svg = GraphSvg.write(g, ShapeInference.analyze(g), boxes, Orientation.LEFT_RIGHT, Map.of(Category.CORE, "#E69F00"));

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertEquals(3, doc.getElementsByTagName("path").getLength(), "one curve per wire");
        assertEquals(4, doc.getElementsByTagName("g").getLength(), "one group per layer");
        assertTrue(svg.contains("Dense 24 · Tanh"));
        assertTrue(svg.contains("→ 24"));
        assertTrue(svg.contains("Out &lt;logits&gt; &amp; &quot;scores&quot;"));
        assertTrue(svg.contains("600 params"));
    }
}
