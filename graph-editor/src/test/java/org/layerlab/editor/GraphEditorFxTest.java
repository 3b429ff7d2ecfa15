package org.layerlab.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.layers.LayerType;
import org.layerlab.compute.layers.LayerTypes;
import org.layerlab.editor.model.Box;
import org.layerlab.editor.model.Orientation;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The editor as a user drives it, headless (Monocle): mouse and keyboard through the TestFX robot. */
@ExtendWith(ApplicationExtension.class)
class GraphEditorFxTest {
    private EditorFixture fixture;
    private GraphEditor editor;

    @Start
    void start(Stage stage) {
        fixture = EditorFixture.show(stage);
        editor = fixture.editor();
    }

    private static <T> T onFx(Callable<T> c) throws Exception { return EditorFixture.onFx(c); }

    private void show(ModelGraph g) throws Exception { fixture.setGraph(g); }

    private ModelGraph graph() throws Exception { return fixture.graph(); }

    private String shapeText(FxRobot robot, String id) {
        return robot.lookup("#shape-" + id).queryAs(Label.class).getText();
    }

    @Test
    void dragFromThePaletteAddsTheLayerWhereItIsDropped(FxRobot robot) throws Exception {
        Bounds canvas = robot.lookup("#graph-canvas").query().localToScreen(robot.lookup("#graph-canvas").query().getBoundsInLocal());
        Point2D drop = new Point2D(canvas.getMinX() + canvas.getWidth() / 2, canvas.getMaxY() - 120);
        robot.drag("#palette-dropout").dropTo(drop);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> editor.getGraph().find("dropout-1").isPresent()));

        Node added = graph().node("dropout-1");
        assertEquals("Dropout 1", added.name());
        Point2D at = onFx(() -> editor.canvas().toGraph(drop.getX() - canvas.getMinX(), drop.getY() - canvas.getMinY()));
        assertTrue(Math.abs(added.x() + NodeCard.WIDTH / 2 - at.getX()) <= GraphCanvas.GRID, "dropped where the pointer was: " + added + " vs " + at);
        assertTrue(robot.lookup("#node-dropout-1").tryQuery().isPresent(), "the card is shown");
        assertEquals("Add Dropout 1", onFx(() -> editor.undoLabelProperty().get()));
    }

    @Test
    void doubleClickInThePaletteAddsALayerInTheMiddle(FxRobot robot) throws Exception {
        robot.doubleClickOn("#palette-dense");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(graph().find("dense-1").isPresent());
        assertEquals("dense-1", onFx(() -> editor.selectedNodeProperty().get()), "the new layer is selected");
    }

    @Test
    void everyCatalogLayerIsInThePaletteAndGetsACardAndAPropertySheetWithoutLayerSpecificCode(FxRobot robot) throws Exception {
        for (LayerType t : LayerTypes.CATALOG.all()) {
            assertTrue(robot.lookup("#palette-" + t.id()).tryQuery().isPresent(), t.id() + " is in the palette");
            String id = onFx(() -> {
                editor.canvas().addLayerAtCentre(t);
                return editor.selectedNodeProperty().get();
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(robot.lookup("#node-" + id).tryQuery().isPresent(), t.id() + " has a card");
            int rows = onFx(() -> robot.lookup("#property-sheet").queryAs(org.controlsfx.control.PropertySheet.class).getItems().size());
            var defaults = t.defaultParams();
            long applicable = t.params().stream().filter(p -> defaults.applies(p.name())).count();
            assertEquals(applicable + 1, rows, t.id() + ": a row per parameter that applies by default, plus the name");
        }
    }

    /** At the palette's narrowest (a 1280×800 window), every name is shown whole: long ones wrap, none ends in "...". */
    @Test
    void everyPaletteNameIsShownWholeOnANarrowPalette(FxRobot robot) throws Exception {
        onFx(() -> { editor.palette().setPrefWidth(200); editor.palette().setMaxWidth(200); return null; });
        WaitForAsyncUtils.waitForFxEvents();
        for (LayerType t : LayerTypes.CATALOG.all()) {
            Label item = robot.lookup("#palette-" + t.id()).queryAs(Label.class);
            String shown = onFx(() -> ((javafx.scene.text.Text) item.lookup(".text")).getText());
            // Wrapping turns spaces into line breaks and may break at the places the palette marks: compare the letters.
            assertEquals(t.displayName().replaceAll("\\s+", ""), shown.replaceAll("\\s+", ""), t.id() + " is shown as \"" + shown + "\"");
        }
    }

    @Test
    void enterOnAFocusedPaletteItemAddsTheLayer(FxRobot robot) throws Exception {
        robot.clickOn("#palette-search").write("Flatten"); // the palette is longer than the test's window: find it first
        robot.clickOn("#palette-flatten");
        assertTrue(robot.lookup("#palette-flatten").query().isFocused());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(graph().find("flatten-1").isPresent());
    }

    @Test
    void paletteSearchShowsOnlyMatchingLayers(FxRobot robot) {
        robot.clickOn("#palette-search").write("drop");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#palette-dropout").query().isVisible());
        assertFalse(robot.lookup("#palette-dense").query().isVisible());
    }

    @Test
    void draggingFromAnOutputToAnInputWiresTwoLayersWithTheShapeOnTheWire(FxRobot robot) throws Exception {
        show(ModelGraph.of(Graphs.chain().nodes(), List.of(new Edge("input", "hidden-1", 0))));
        robot.drag("#port-out-hidden-1").dropTo("#port-in-hidden-2-0");
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(graph().edges().contains(new Edge("hidden-1", "hidden-2", 0)));
        assertEquals("24", robot.lookup("#wire-label-hidden-1-hidden-2-0").queryAs(Label.class).getText());
        assertEquals("→ 24", shapeText(robot, "hidden-2"), "Hidden 2 now has a shape");
        assertEquals("Connect Hidden 1 to Hidden 2", onFx(() -> editor.undoLabelProperty().get()));
    }

    @Test
    void aSkipConnectionFillsTheSeparatePortsOfAnAddAndAMismatchedInputIsAnError(FxRobot robot) throws Exception {
        show(ModelGraph.of(List.of(
                Graphs.node("input", "input", "Input", 60, 120, Map.of("shape", List.of(8))),
                Graphs.node("branch", "dense", "Branch", 300, 40, Map.of("units", 8, "activation", "relu")),
                Graphs.node("narrow", "dense", "Narrow", 300, 260, Map.of("units", 4)),
                Graphs.node("sum", "add", "Sum", 560, 120, Map.of())),
                List.of(new Edge("input", "branch", 0), new Edge("input", "narrow", 0))));
        assertTrue(robot.lookup("#port-in-sum-1").tryQuery().isPresent(), "an Add shows the two inputs it needs");
        assertTrue(robot.lookup("#port-in-sum-2").tryQuery().isEmpty());

        connect("branch", "sum");
        connect("input", "sum");

        assertTrue(graph().edges().containsAll(List.of(new Edge("branch", "sum", 0), new Edge("input", "sum", 1))), graph().edges().toString());
        assertEquals("→ 8", shapeText(robot, "sum"), "the skip connection adds two 8-wide inputs");
        assertTrue(robot.lookup("#port-in-sum-2").tryQuery().isPresent(), "a merge layer always offers one more free port");

        connect("narrow", "sum");
        assertTrue(graph().edges().contains(new Edge("narrow", "sum", 2)));
        assertTrue(robot.lookup("#shape-sum").tryQuery().isEmpty(), "no output shape while the inputs disagree");
        String error = onFx(() -> editor.analysisProperty().get().info("sum").error());
        assertTrue(error != null && error.startsWith("Sum "), error);
    }

    /** Selects {@code from} then {@code to} and runs Connect Selected Layers (Ctrl+E). */
    private void connect(String from, String to) throws Exception {
        onFx(() -> {
            editor.selectOnly(from);
            editor.selection().add(to);
            editor.connectSelected();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aWireThatWouldMakeACycleIsRefusedWithTheReasonShownAtThePointer(FxRobot robot) throws Exception {
        ModelGraph open = Graphs.chain().withoutEdge(new Edge("input", "hidden-1", 0));
        show(open);
        robot.drag("#port-out-output").dropTo("#port-in-hidden-1-0");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(open, graph(), "nothing changed");
        Label message = robot.lookup("#connection-message").queryAs(Label.class);
        assertTrue(message.isVisible());
        assertEquals("Wiring Output into Hidden 1 would make a cycle", message.getText());
        Point2D pointer = robot.point("#port-in-hidden-1-0").query();
        Bounds shown = message.localToScreen(message.getBoundsInLocal());
        assertTrue(shown.getMinX() - pointer.getX() < 60 && shown.getMinY() - pointer.getY() < 60, "the message appears next to the pointer");
    }

    @Test
    void theReasonShowsWhileHoveringARefusedPortAndAWireCanBeDrawnBackwardsFromAnInput(FxRobot robot) throws Exception {
        show(ModelGraph.of(Graphs.chain().nodes(), List.of(new Edge("input", "hidden-1", 0))));
        robot.drag("#port-out-hidden-2").moveTo("#port-in-hidden-1-0");
        WaitForAsyncUtils.waitForFxEvents();
        Label message = robot.lookup("#connection-message").queryAs(Label.class);
        assertTrue(message.isVisible(), "shown before the drop");
        assertEquals("Hidden 1 takes only one input", message.getText());
        assertTrue(robot.lookup("#pending-wire").query().isVisible(), "the live curve follows the pointer");
        robot.moveTo("#node-output");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(message.isVisible(), "an acceptable target shows no complaint");
        robot.drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(graph().edges().contains(new Edge("hidden-2", "output", 0)), "dropped on the card body: its free input");

        robot.drag("#port-in-hidden-2-0").dropTo("#port-out-hidden-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Graphs.chain(), graph(), "drawn from the input back to an output");
        assertEquals("Connect Hidden 1 to Hidden 2", onFx(() -> editor.undoLabelProperty().get()));
    }

    @Test
    void deleteRemovesALayerWithItsWiresAndOneUndoBringsBothBack(FxRobot robot) throws Exception {
        ModelGraph before = graph();
        robot.clickOn("#node-hidden-1");
        robot.press(KeyCode.SHIFT).type(KeyCode.DELETE).release(KeyCode.SHIFT); // Delete Without Joining (Delete joins: CanvasEditingFxTest)
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(graph().find("hidden-1").isEmpty());
        assertEquals(1, graph().edges().size(), "both of its wires went with it");
        assertFalse(robot.lookup("#node-hidden-1").tryQuery().isPresent());
        assertFalse(robot.lookup("#wire-input-hidden-1-0").tryQuery().isPresent());
        assertEquals("Delete Hidden 1", onFx(() -> editor.undoLabelProperty().get()));

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, graph());
        assertTrue(robot.lookup("#node-hidden-1").tryQuery().isPresent());
        assertTrue(robot.lookup("#wire-input-hidden-1-0").tryQuery().isPresent());

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(graph().find("hidden-1").isEmpty(), "Ctrl+Shift+Z redoes");
    }

    @Test
    void copyAndPasteOfAWiredPairKeepsTheirWireWithNewIdsAndNames(FxRobot robot) throws Exception {
        robot.clickOn("#node-hidden-1");
        robot.press(KeyCode.SHIFT).clickOn("#node-hidden-2").release(KeyCode.SHIFT);
        assertEquals(Set.of("hidden-1", "hidden-2"), onFx(() -> Set.copyOf(editor.selection())));
        robot.press(KeyCode.CONTROL).type(KeyCode.C).type(KeyCode.V).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        ModelGraph g = graph();
        assertEquals(6, g.nodes().size());
        assertTrue(g.edges().contains(new Edge("dense-1", "dense-2", 0)), "the inner wire is kept: " + g.edges());
        assertEquals(4, g.edges().size(), "wires leaving the pair are not copied");
        assertEquals("Hidden 3", g.node("dense-1").name());
        assertEquals(Set.of("dense-1", "dense-2"), onFx(() -> Set.copyOf(editor.selection())), "the pasted layers are selected");
        assertEquals("Paste 2 layers", onFx(() -> editor.undoLabelProperty().get()));
        assertTrue(robot.lookup("#wire-dense-1-dense-2-0").tryQuery().isPresent());
    }

    @Test
    void aPropertyEditChangesTheShownShapeAndOneUndoRevertsIt(FxRobot robot) throws Exception {
        enterUnits(robot, "hidden-1", "32");

        assertEquals("→ 32", shapeText(robot, "hidden-1"));
        assertEquals("32", robot.lookup("#wire-label-hidden-1-hidden-2-0").queryAs(Label.class).getText());
        assertEquals("Change Units of Hidden 1", onFx(() -> editor.undoLabelProperty().get()));

        robot.clickOn("#graph-canvas", MouseButton.PRIMARY);
        robot.clickOn("#node-hidden-1");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("→ 24", shapeText(robot, "hidden-1"));
        assertEquals(Graphs.chain(), graph());
    }

    @Test
    void theSheetFollowsUndoInPlaceAndKeepsTheFieldFocused(FxRobot robot) throws Exception {
        TextField units = enterUnits(robot, "hidden-2", "48");
        assertEquals("→ 48", shapeText(robot, "hidden-2"));
        assertTrue(units.isFocused(), "Enter commits without throwing the user out of the field");
        onFx(() -> { editor.undo(); return null; });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("24", units.getText(), "the same field shows the restored value");
        assertEquals("→ 24", shapeText(robot, "hidden-2"));
    }

    @Test
    void anOutOfRangeValueIsRefusedWithAMessage(FxRobot robot) throws Exception {
        enterUnits(robot, "hidden-1", "0");

        assertEquals(Graphs.chain(), graph(), "the graph keeps its value");
        String message = robot.lookup("#properties-message").queryAs(Label.class).getText();
        assertTrue(message.contains("Units must be between 1 and 65536"), message);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "24".equals(unitsField(robot).getText()));
    }

    /** A setting of a chosen initialiser appears when it is chosen, takes a value, and goes with its choice. */
    @Test
    void anInitialisersOwnSettingAppearsOnlyWhileItIsChosen(FxRobot robot) throws Exception {
        robot.clickOn("#node-hidden-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(sheetRowNames(robot).contains("Start value"), "no constant initialiser chosen yet");
        ComboBox<?> biasInit = robot.lookup("#property-sheet .combo-box").queryAllAs(ComboBox.class).stream()
                .filter(c -> "zeros".equals(c.getValue())).findFirst().orElseThrow();
        List<String> shown = onFx(() -> biasInit.lookupAll(".list-cell").stream().map(c -> ((javafx.scene.control.ListCell<?>) c).getText()).toList());
        assertTrue(shown.contains("Zeros"), "choices read as their display names, while the stored value stays the id: " + shown);
        robot.clickOn(biasInit);
        robot.clickOn(robot.lookup(".list-cell").match((javafx.scene.control.ListCell<?> c) -> "Constant".equals(c.getText())).queryAs(javafx.scene.control.ListCell.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("constant", graph().node("hidden-1").params().getString("biasInitializer"));
        assertTrue(sheetRowNames(robot).contains("Start value"), sheetRowNames(robot).toString());

        TextField value = robot.lookup("#property-sheet .text-field").queryAllAs(TextField.class).stream()
                .filter(f -> "0.1".equals(f.getText())).findFirst().orElseThrow();
        robot.doubleClickOn(value).eraseText(3).write("0.3").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.3, graph().node("hidden-1").params().getDouble("biasInitializer.value"));

        onFx(() -> { editor.undo(); editor.undo(); return null; });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(sheetRowNames(robot).contains("Start value"), "undoing the choice hides its setting again");
        assertEquals(Graphs.chain(), graph());
    }

    private List<String> sheetRowNames(FxRobot robot) throws Exception {
        return onFx(() -> robot.lookup("#property-sheet").queryAs(org.controlsfx.control.PropertySheet.class)
                .getItems().stream().map(org.controlsfx.control.PropertySheet.Item::getName).toList());
    }

    /** Selects a Dense layer of the chain and types a Units value into its sheet, committed with Enter. */
    private static TextField enterUnits(FxRobot robot, String nodeId, String value) {
        robot.clickOn("#node-" + nodeId);
        WaitForAsyncUtils.waitForFxEvents();
        TextField units = unitsField(robot);
        robot.doubleClickOn(units).write(value).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        return units;
    }

    private static TextField unitsField(FxRobot robot) {
        return robot.lookup("#property-sheet .text-field").queryAllAs(TextField.class).stream()
                .filter(f -> "24".equals(f.getText()) || "0".equals(f.getText())).findFirst().orElseThrow();
    }

    @Test
    void autoLayoutLeavesNoOverlappingLayersAndIsOneUndoStep(FxRobot robot) throws Exception {
        ModelGraph piled = Graphs.branchy(24, 0);
        show(piled);
        for (Orientation o : Orientation.values()) {
            onFx(() -> { editor.autoLayout(o); return null; });
            WaitForAsyncUtils.waitForFxEvents();
            List<Box> boxes = new ArrayList<>(onFx(() -> editor.canvas().boxes()).values());
            for (int i = 0; i < boxes.size(); i++) {
                for (int j = i + 1; j < boxes.size(); j++) assertFalse(boxes.get(i).overlaps(boxes.get(j)), o + ": " + boxes.get(i) + " overlaps " + boxes.get(j));
            }
            assertEquals("Auto Layout (" + o.displayName() + ")", onFx(() -> editor.undoLabelProperty().get()));
        }
        onFx(() -> { editor.undo(); editor.undo(); return null; });
        assertEquals(piled, graph());
    }

    @Test
    void rubberBandSelectsAndArrowKeysMoveAsOneUndoStep(FxRobot robot) throws Exception {
        Bounds h1 = robot.lookup("#node-hidden-1").query().localToScreen(robot.lookup("#node-hidden-1").query().getBoundsInLocal());
        Bounds h2 = robot.lookup("#node-hidden-2").query().localToScreen(robot.lookup("#node-hidden-2").query().getBoundsInLocal());
        robot.drag(new Point2D(h1.getMinX() - 15, h1.getMinY() - 30)).dropTo(new Point2D(h2.getMaxX() - 10, h2.getMaxY() + 30));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Set.of("hidden-1", "hidden-2"), onFx(() -> Set.copyOf(editor.selection())));

        robot.type(KeyCode.RIGHT, 3).type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(280 + 3 * GraphCanvas.GRID, graph().node("hidden-1").x());
        assertEquals(200 + GraphCanvas.GRID, graph().node("hidden-2").y());
        assertEquals("Move 2 layers", onFx(() -> editor.undoLabelProperty().get()));
        onFx(() -> { editor.undo(); return null; });
        assertEquals(Graphs.chain(), graph(), "the nudges were one step");
    }

    @Test
    void draggingACardMovesItOnTheGridAndTheMenuNamesTheStep(FxRobot robot) throws Exception {
        robot.drag("#node-output").moveBy(53, 67).drop();
        WaitForAsyncUtils.waitForFxEvents();
        Node out = graph().node("output");
        assertNotEquals(720, out.x());
        assertEquals(0, out.x() % GraphCanvas.GRID);
        assertEquals(0, out.y() % GraphCanvas.GRID);
        MenuItem undo = onFx(() -> editor.editMenu().getItems().get(0));
        assertEquals("Undo Move Output", undo.getText());
    }

    @Test
    void ctrlWheelZoomsAndFitShowsTheWholeGraph(FxRobot robot) throws Exception {
        double before = onFx(() -> editor.canvas().zoomProperty().get());
        robot.moveTo("#graph-canvas").press(KeyCode.CONTROL).scroll(2).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        double after = onFx(() -> editor.canvas().zoomProperty().get());
        assertNotEquals(before, after, "Ctrl+wheel changes the zoom (either way)");

        robot.clickOn("#zoom-fit");
        WaitForAsyncUtils.waitForFxEvents();
        Bounds canvas = robot.lookup("#graph-canvas").query().localToScreen(robot.lookup("#graph-canvas").query().getBoundsInLocal());
        for (String id : List.of("input", "hidden-1", "hidden-2", "output")) {
            Bounds b = robot.lookup("#node-" + id).query().localToScreen(robot.lookup("#node-" + id).query().getBoundsInLocal());
            assertTrue(canvas.contains(b), id + " is fully visible after Fit");
        }
        robot.clickOn("#zoom-100");
        assertEquals(1.0, onFx(() -> editor.canvas().zoomProperty().get()), 1e-9);
    }

    @Test
    void theModelSummaryFollowsEdits(FxRobot robot) throws Exception {
        Label totals = robot.lookup("#model-summary-totals").queryAs(Label.class);
        assertTrue(totals.getText().startsWith("Total params: 722"), totals.getText());
        onFx(() -> { editor.selectOnly("hidden-2"); editor.deleteSelectionWithoutJoining(); return null; });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, onFx(() -> editor.summary().table().getItems().size()));
        assertTrue(totals.getText().contains("with errors"), totals.getText());
    }

    @Test
    void exportsWriteAPngAndAnSvgOfTheGraph(FxRobot robot, @TempDir Path dir) throws Exception {
        Path png = dir.resolve("g.png"), svg = dir.resolve("g.svg");
        onFx(() -> editor.exportPng(png)).get(10, TimeUnit.SECONDS);
        onFx(() -> editor.exportSvg(svg)).get(10, TimeUnit.SECONDS);
        var image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 600 && image.getHeight() > 100, image.getWidth() + "×" + image.getHeight());
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg") && text.contains("Hidden 2") && text.contains("Dense 24 · Tanh"));
    }

    @Test
    void theCanvasSaysWhenItDiffersFromTheGraphBeingTrained(FxRobot robot) throws Exception {
        onFx(() -> { editor.trainingSnapshotProperty().set(editor.getGraph()); return null; });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#canvas-training-banner").query().isVisible());
        robot.drag("#node-output").moveBy(40, 40).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#canvas-training-banner").query().isVisible(), "a move does not change what is trained");
        robot.clickOn("#wire-hit-hidden-1-hidden-2-0").type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#canvas-training-banner").query().isVisible());
        onFx(() -> { editor.undo(); return null; });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#canvas-training-banner").query().isVisible(), "back to the trained graph");
    }

    @Test
    void keyboardAloneCanSelectConnectAndDelete(FxRobot robot) throws Exception {
        show(ModelGraph.of(Graphs.chain().nodes(), List.of()));
        robot.clickOn("#graph-canvas");
        robot.type(KeyCode.TAB);
        String first = onFx(() -> editor.selectedNodeProperty().get());
        assertTrue(first != null, "Tab selects a layer");
        onFx(() -> { editor.clearSelection(); editor.selection().addAll(List.of("input", "hidden-1")); return null; });
        robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(new Edge("input", "hidden-1", 0)), graph().edges());
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(graph().nodes().isEmpty());
        assertEquals("Delete 4 layers", onFx(() -> editor.undoLabelProperty().get()));
    }

    @Test
    void aClickedWireIsSelectedAndDeletedAlone(FxRobot robot) throws Exception {
        robot.clickOn("#wire-hit-hidden-1-hidden-2-0");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Set.of(new Edge("hidden-1", "hidden-2", 0)), onFx(() -> Set.copyOf(editor.selectedEdges())));
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, graph().nodes().size(), "no layer goes with it");
        assertFalse(graph().edges().contains(new Edge("hidden-1", "hidden-2", 0)));
        assertEquals("Delete Wire", onFx(() -> editor.undoLabelProperty().get()));
        assertTrue(robot.lookup("#error-hidden-2").tryQuery().isPresent(), "Hidden 2 now shows an error badge");
        assertTrue(robot.lookup("#error-hidden-2").queryAs(Label.class).getTooltip().getText().startsWith("Hidden 2 needs 1 input"));
    }

    @Test
    void cutThenPasteAndDuplicateMakeRenamedCopies(FxRobot robot) throws Exception {
        robot.clickOn("#node-output");
        robot.press(KeyCode.CONTROL).type(KeyCode.X).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(graph().find("output").isEmpty());
        assertEquals("Cut Output", onFx(() -> editor.undoLabelProperty().get()));
        robot.press(KeyCode.CONTROL).type(KeyCode.V).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Output 1", graph().node("dense-1").name());
        assertEquals("Paste Output", onFx(() -> editor.undoLabelProperty().get()));
        robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Output 2", graph().node("dense-2").name());
        assertEquals("Duplicate Output 1", onFx(() -> editor.undoLabelProperty().get()));
        assertEquals(Set.of("dense-2"), onFx(() -> Set.copyOf(editor.selection())));
    }

    @Test
    void middleButtonDragAndScrollPanTheView(FxRobot robot) throws Exception {
        Bounds before = robot.lookup("#node-input").query().localToScreen(robot.lookup("#node-input").query().getBoundsInLocal());
        Bounds canvas = robot.lookup("#graph-canvas").query().localToScreen(robot.lookup("#graph-canvas").query().getBoundsInLocal());
        robot.drag(new Point2D(canvas.getMinX() + 40, canvas.getMaxY() - 40), MouseButton.MIDDLE).moveBy(60, -30).drop();
        WaitForAsyncUtils.waitForFxEvents();
        Bounds after = robot.lookup("#node-input").query().localToScreen(robot.lookup("#node-input").query().getBoundsInLocal());
        assertEquals(60, after.getMinX() - before.getMinX(), 2);
        assertEquals(-30, after.getMinY() - before.getMinY(), 2);
        assertEquals(Graphs.chain(), graph(), "panning changes only the view");

        robot.clickOn(new Point2D(canvas.getMinX() + 40, canvas.getMaxY() - 40));
        robot.press(KeyCode.SPACE);
        robot.drag(new Point2D(canvas.getMinX() + 40, canvas.getMaxY() - 40), MouseButton.PRIMARY).moveBy(-50, 20).drop();
        robot.release(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        Bounds spaced = robot.lookup("#node-input").query().localToScreen(robot.lookup("#node-input").query().getBoundsInLocal());
        assertEquals(-50, spaced.getMinX() - after.getMinX(), 2, "Space + drag pans too");
        assertTrue(onFx(() -> editor.selection().isEmpty()), "and does not draw a selection band");
        after = spaced;
        robot.moveTo(new Point2D(canvas.getMinX() + 40, canvas.getMaxY() - 40)).scroll(3);
        WaitForAsyncUtils.waitForFxEvents();
        Bounds scrolled = robot.lookup("#node-input").query().localToScreen(robot.lookup("#node-input").query().getBoundsInLocal());
        assertNotEquals(after.getMinY(), scrolled.getMinY(), "the wheel pans (in either direction)");
    }

    @Test
    void openingAnotherGraphClearsTheUndoHistory(FxRobot robot) throws Exception {
        robot.drag("#node-output").moveBy(40, 40).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFx(() -> editor.history().canUndo()));
        show(Graphs.chain());
        assertFalse(onFx(() -> editor.history().canUndo()));
    }
}
