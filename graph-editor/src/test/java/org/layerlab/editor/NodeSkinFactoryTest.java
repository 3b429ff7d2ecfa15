package org.layerlab.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.layers.Category;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Cards are made by the skin registered for the layer's category, or by the default skin. */
@ExtendWith(ApplicationExtension.class)
class NodeSkinFactoryTest {
    /** A skin for regularization layers, marked by a style class. */
    static final class DashedCard extends NodeCard {
        DashedCard(org.layerlab.compute.graph.Node n, org.layerlab.compute.layers.LayerType t, org.layerlab.compute.graph.NodeInfo i,
                   int ports, org.layerlab.editor.model.Orientation o) {
            super(n, t, i, ports, o);
            getStyleClass().add("dashed-card");
        }
    }

    @Start
    void start(Stage stage) { }

    @Test
    void theSkinRegisteredForACategoryMakesItsLayersCards() throws Exception {
        NodeSkinFactory skins = new NodeSkinFactory();
        skins.register(Category.REGULARIZATION, DashedCard::new);
        ModelGraph g = ModelGraph.of(List.of(
                Graphs.node("input", "input", "Input", 0, 0, Map.of()),
                Graphs.node("drop", "dropout", "Dropout 1", 200, 0, Map.of())), List.of(new Edge("input", "drop", 0)));
        NodeCard[] made = WaitForAsyncUtils.asyncFx(() -> {
            GraphEditor editor = new GraphEditor(skins);
            editor.setGraph(g);
            editor.canvas().boxes();
            return new NodeCard[] {editor.canvas().card("input"), editor.canvas().card("drop")};
        }).get(10, TimeUnit.SECONDS);
        assertFalse(made[0] instanceof DashedCard, "other categories keep the default skin");
        assertTrue(made[1] instanceof DashedCard);
        assertEquals("node-drop", made[1].getId(), "the default card's ids and ports come with it");
        assertEquals(1, made[1].inputCount());
    }
}
