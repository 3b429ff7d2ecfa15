package org.layerlab.editor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.layers.LayerTypes;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A layer too large for the memory Java may use shows that, with its size, on its own card (before anything is allocated). */
@ExtendWith(ApplicationExtension.class)
class OversizedLayerCardTest {
    private GraphEditor editor;

    @Start
    void start(Stage stage) {
        Locale.setDefault(Locale.ROOT);
        editor = new GraphEditor();
        stage.setScene(new Scene(new BorderPane(editor.canvas(), null, editor.inspector(), null, editor.palette()), 1200, 760));
        editor.setGraph(Graphs.chain());
        stage.show();
    }

    @Test void aLayerLargerThanTheHeapShowsItsSizeOnItsCard(FxRobot robot) throws Exception {
        ModelGraph g = Graphs.chain();
        Node input = g.node("input"), hidden = g.node("hidden-1");
        var spec = LayerTypes.CATALOG.get("input").params();
        ModelGraph wide = g.replaceNode(input.withParams(Params.of(spec, Map.of("shape", java.util.List.of(65536)))))
                .replaceNode(hidden.withParams(hidden.params().with("units", 65536)));
        WaitForAsyncUtils.asyncFx(() -> editor.setGraph(wide)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Label badge = robot.lookup("#error-hidden-1").queryAs(Label.class);
        String text = badge.getTooltip().getText();
        assertTrue(text.startsWith("Hidden 1 would need 16.0 GiB for its weights; LayerLab may use "), text);
        assertTrue(text.contains("raise -Xmx"), text);
    }
}
