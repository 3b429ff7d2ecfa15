package org.layerlab.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.CubicCurve;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.editor.model.Box;
import org.layerlab.editor.model.Orientation;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Editing a chain as a user does it: dropping on a wire, dropping on a card, deleting a middle layer, reading wire labels. */
@ExtendWith(ApplicationExtension.class)
class CanvasEditingFxTest {
    private static final javafx.css.PseudoClass DROP_TARGET = javafx.css.PseudoClass.getPseudoClass("drop-target");
    private EditorFixture fixture;
    private GraphEditor editor;

    @Start
    void start(Stage stage) {
        fixture = EditorFixture.show(stage);
        editor = fixture.editor();
    }

    private static <T> T onFx(Callable<T> c) throws Exception { return EditorFixture.onFx(c); }

    private ModelGraph graph() throws Exception { return fixture.graph(); }

    private void show(ModelGraph g) throws Exception { fixture.setGraph(g); }

    /** The screen point in the middle of a wire's curve. */
    private Point2D middleOf(FxRobot robot, String wireId) throws Exception {
        CubicCurve c = robot.lookup("#wire-" + wireId).queryAs(CubicCurve.class);
        return onFx(() -> {
            double x = (c.getStartX() + 3 * c.getControlX1() + 3 * c.getControlX2() + c.getEndX()) / 8;
            double y = (c.getStartY() + 3 * c.getControlY1() + 3 * c.getControlY2() + c.getEndY()) / 8;
            return c.localToScreen(x, y);
        });
    }

    private void assertNoCardsOverlap() throws Exception {
        List<Map.Entry<String, Box>> boxes = new ArrayList<>(onFx(() -> editor.canvas().boxes()).entrySet());
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertFalse(boxes.get(i).getValue().overlaps(boxes.get(j).getValue()),
                        boxes.get(i).getKey() + " " + boxes.get(i).getValue() + " overlaps " + boxes.get(j).getKey() + " " + boxes.get(j).getValue());
            }
        }
    }

    @Test
    void aLayerDroppedOnAWireIsInsertedThereAndOneUndoRestoresTheWire(FxRobot robot) throws Exception {
        ModelGraph before = graph();
        CubicCurve wire = robot.lookup("#wire-hidden-1-hidden-2-0").queryAs(CubicCurve.class);
        robot.drag("#palette-dropout").moveTo(middleOf(robot, "hidden-1-hidden-2-0"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFx(() -> wire.getPseudoClassStates().contains(DROP_TARGET)), "while dragging, the wire under the pointer is marked");
        robot.drop();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> editor.getGraph().find("dropout-1").isPresent()));
        WaitForAsyncUtils.waitForFxEvents();

        ModelGraph g = graph();
        assertEquals(5, g.nodes().size());
        assertTrue(g.edges().contains(new Edge("hidden-1", "dropout-1", 0)), "Hidden 1 → Dropout 1: " + g.edges());
        assertTrue(g.edges().contains(new Edge("dropout-1", "hidden-2", 0)), "Dropout 1 → Hidden 2: " + g.edges());
        assertFalse(g.edges().contains(new Edge("hidden-1", "hidden-2", 0)), "the wire was split");
        assertEquals("24", robot.lookup("#shape-dropout-1").queryAs(Label.class).getText().replace("→ ", ""), "shape inference follows");
        assertEquals("Insert Dropout 1 between Hidden 1 and Hidden 2", onFx(() -> editor.undoLabelProperty().get()));
        assertEquals("dropout-1", onFx(() -> editor.selectedNodeProperty().get()), "the new layer is selected");
        assertNoCardsOverlap();

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, graph(), "one undo takes the layer away and restores the wire");
    }

    @Test
    void aLayerThatTakesNoInputDroppedOnAWireIsOnlyAdded(FxRobot robot) throws Exception {
        robot.drag("#palette-input").dropTo(middleOf(robot, "hidden-1-hidden-2-0"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> editor.getGraph().find("input-1").isPresent()));
        assertTrue(graph().edges().contains(new Edge("hidden-1", "hidden-2", 0)), "the wire stays");
        assertEquals("Add Input 1", onFx(() -> editor.undoLabelProperty().get()));
        assertNoCardsOverlap();
    }

    @Test
    void aLayerDroppedOnACardGoesToAFreeSpotNearby(FxRobot robot) throws Exception {
        javafx.scene.Node card = robot.lookup("#node-hidden-2").query();
        Bounds b = card.localToScreen(card.getBoundsInLocal());
        robot.drag("#palette-dense").dropTo(new Point2D(b.getCenterX(), b.getCenterY()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> editor.getGraph().find("dense-1").isPresent()));
        WaitForAsyncUtils.waitForFxEvents();
        assertNoCardsOverlap();
        Box dropped = onFx(() -> editor.canvas().boxes().get("dense-1")), target = onFx(() -> editor.canvas().boxes().get("hidden-2"));
        assertTrue(Math.hypot(dropped.x() - target.x(), dropped.y() - target.y()) < 300, "near where it was dropped: " + dropped + " vs " + target);
        assertTrue(graph().inputsOf("dense-1").isEmpty(), "dropped on a card, not on a wire: nothing is wired");
    }

    @Test
    void layersAddedFromThePaletteNeverCoverEachOther(FxRobot robot) throws Exception {
        // Enter on the focused palette item adds the layer as a double-click does; a double-click's timing is not
        // reliable on a loaded machine (two slow clicks count as single ones).
        robot.clickOn("#palette-dense");
        for (int i = 0; i < 4; i++) {
            onFx(() -> { robot.lookup("#palette-dense").query().requestFocus(); return null; });
            robot.type(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(8, graph().nodes().size());
        assertNoCardsOverlap();
    }

    @Test
    void deletingAMiddleLayerJoinsItsNeighboursInOneUndoableStep(FxRobot robot) throws Exception {
        ModelGraph before = graph();
        robot.clickOn("#node-hidden-1");
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();

        ModelGraph g = graph();
        assertTrue(g.find("hidden-1").isEmpty());
        assertEquals(Set.of(new Edge("input", "hidden-2", 0), new Edge("hidden-2", "output", 0)), Set.copyOf(g.edges()));
        assertEquals("Delete Hidden 1 and join Input to Hidden 2", onFx(() -> editor.undoLabelProperty().get()));
        assertTrue(robot.lookup("#canvas-notice").query().isVisible(), "the canvas says what it joined");
        assertEquals("2", robot.lookup("#wire-label-input-hidden-2-0").queryAs(Label.class).getText(), "the joined wire carries Input's shape");

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, graph(), "one undo brings the layer and both its wires back, and takes the join away");
        assertFalse(robot.lookup("#canvas-notice").query().isVisible(), "the offer goes with the edit it was about");
    }

    @Test
    void theJoinCanBeDeclinedLeavingTheNeighboursApart(FxRobot robot) throws Exception {
        robot.clickOn("#node-hidden-2");
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#canvas-notice-action");
        WaitForAsyncUtils.waitForFxEvents();

        ModelGraph g = graph();
        assertTrue(g.find("hidden-2").isEmpty());
        assertEquals(List.of(new Edge("input", "hidden-1", 0)), g.edges(), "Hidden 1 and Output stay apart");
        assertEquals("Delete Hidden 2", onFx(() -> editor.undoLabelProperty().get()), "the plain delete replaced the join in the history");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Graphs.chain(), graph());
    }

    @Test
    void wireLabelsNeverCoverACardsTitle(FxRobot robot) throws Exception {
        // A skip wire from Input straight to Output passes right over Hidden 1 and Hidden 2's titles, left to right
        // and top down.
        for (Orientation o : Orientation.values()) {
            ModelGraph g = ModelGraph.of(List.of(
                    Graphs.node("input", "input", "Input", 60, 200, Map.of("shape", List.of(2))),
                    Graphs.node("a", "dense", "Hidden 1", 300, 180, Map.of("units", 8)),
                    Graphs.node("b", "dense", "Hidden 2", 300, 320, Map.of("units", 8)),
                    Graphs.node("sum", "add", "Sum", 560, 200, Map.of())),
                    List.of(new Edge("input", "a", 0), new Edge("a", "b", 0), new Edge("input", "sum", 0), new Edge("b", "sum", 1)));
            show(g);
            onFx(() -> { editor.canvas().orientationProperty().set(o); return null; });
            WaitForAsyncUtils.waitForFxEvents();
            List<Bounds> titles = onFx(() -> robot.lookup(".node-title").queryAll().stream().map(t -> t.localToScene(t.getBoundsInLocal())).toList());
            assertEquals(4, titles.size());
            int shown = 0;
            for (Label l : robot.lookup(".wire-label").queryAllAs(Label.class)) {
                if (!onFx(l::isVisible)) continue;
                shown++;
                Bounds lb = onFx(() -> l.localToScene(l.getBoundsInLocal()));
                for (Bounds t : titles) assertFalse(lb.intersects(t), o + ": the label " + l.getId() + " " + lb + " covers a title at " + t);
            }
            assertTrue(shown >= 3, o + ": most labels find a free spot (" + shown + " shown)");
        }
    }
}
