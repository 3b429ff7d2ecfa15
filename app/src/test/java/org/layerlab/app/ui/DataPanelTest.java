package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.charts.model.RunData;
import org.layerlab.compute.project.ProjectFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Data panel in the real window: change the data set from it, train on it, undo it, draw your own points. */
@ExtendWith(ApplicationExtension.class)
class DataPanelTest extends MainWindowFixture {

    @Start
    void start(Stage stage) { open(stage); }

    private DataPanel openPanel(FxRobot robot) throws Exception {
        robot.clickOn("#data-button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> window.dataWindow() != null && window.dataWindow().isShowing()));
        DataPanel panel = onFx(window::dataPanel);
        awaitPreview(panel);
        return panel;
    }

    /** Waits until the preview shows the data set as it is now. */
    private void awaitPreview(DataPanel panel) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> panel.shownLoad() != null
                && panel.shownLoad().spec().equals(window.data().spec())));
    }

    private List<Integer> inputShape() throws Exception {
        return onFx(() -> window.editor().getGraph().node("input").params().getShape("shape"));
    }

    private void type(FxRobot robot, String field, String text) {
        TextField f = robot.lookup(field).queryAs(TextField.class);
        robot.doubleClickOn(f).eraseText(12).write(text).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test void switchingSpiralsToXorAndRaisingTheNoiseFromThePanelIsWhatTheRunTrainsOn(FxRobot robot) throws Exception {
        useEpochs(2);
        DataPanel panel = openPanel(robot);
        assertEquals("two-spirals", onFx(() -> window.data().spec().source()));
        robot.clickOn("#source-xor");
        assertEquals("xor", onFx(() -> window.data().spec().source()), "one click switches the source");
        assertEquals("Set data set to Exclusive or", onFx(() -> window.editor().history().undoLabel()));
        javafx.scene.Node up = robot.lookup("#data-settings-noise").lookup(".increment-arrow-button").query();
        robot.clickOn(up);
        assertEquals(0.05, onFx(() -> window.data().spec().params().getDouble("noise")), 1e-9, "one click raises the noise");
        assertEquals("Set Noise to 0.05", onFx(() -> window.editor().history().undoLabel()));
        type(robot, "#data-settings-noise-text", "0.5");
        assertEquals(0.5, onFx(() -> window.data().spec().params().getDouble("noise")));
        assertEquals("Set Noise to 0.5", onFx(() -> window.editor().history().undoLabel()));
        assertTrue(onFx(() -> window.document().edited()), "a data change marks the project unsaved");
        awaitPreview(panel);
        assertEquals(400, onFx(() -> panel.scatter().data().rows()));
        assertTrue(onFx(() -> panel.scatter().drawnPoints()) > 300, "the scatter shows the new points");
        assertTrue(onFx(panel::statusText).contains("400"), onFx(panel::statusText));
        assertTrue(onFx(() -> ((javafx.scene.control.Labeled) robot.lookup("#data-button").query()).getText()).contains("Exclusive or"));

        onFx(() -> { window.session().train(); return null; });
        var charts = awaitCompletedRuns(1);
        RunData run = onFx(() -> charts.store().runs().get(0));
        assertEquals("xor", run.info().settings().get("data set"), run.info().settings().toString());
        assertTrue(run.info().settings().get("data settings").contains("noise 0.5"), run.info().settings().toString());
    }

    @Test void whileARunTrainsThePanelSaysChangesApplyToTheNextRun(FxRobot robot) throws Exception {
        startLongRun(robot, 3);
        openPanel(robot);
        assertTrue(onFx(() -> robot.lookup("#data-next-run").query().isVisible()));
        robot.clickOn("#source-xor");
        assertEquals("xor", onFx(() -> window.data().spec().source()));
        assertEquals("two-spirals", onFx(() -> window.charts().store().runs().get(0).info().settings().get("data set")),
                "the running run keeps its data");
        onFx(() -> { window.session().stop(); return null; });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> !robot.lookup("#data-next-run").query().isVisible()));
    }

    @Test void undoTakesBackADataChangeAndTheInputShapeWithIt(FxRobot robot) throws Exception {
        DataPanel panel = openPanel(robot);
        assertEquals(List.of(2), inputShape());
        robot.clickOn("#source-sine");
        assertEquals("sine", onFx(() -> window.data().spec().source()));
        assertEquals(List.of(1), inputShape(), "the Input layer follows the 1-D sine in the same step");
        awaitPreview(panel);
        assertEquals(ScatterColour.VALUE, ScatterColour.of(onFx(() -> panel.scatter().colourBy())), "regression points are coloured by value");

        onFx(() -> { window.editor().undo(); return null; });
        assertEquals("two-spirals", onFx(() -> window.data().spec().source()));
        assertEquals(List.of(2), inputShape(), "one undo restores the Input shape too");
        assertEquals("two-spirals", onFx(() -> panel.sourceList().getSelectionModel().getSelectedItem().id()), "the panel shows it");
        onFx(() -> { window.editor().redo(); return null; });
        assertEquals("sine", onFx(() -> window.data().spec().source()));
        assertEquals(List.of(1), inputShape());
    }

    /** Clicks a source in the list, scrolled into view first (the list is longer than it is tall). */
    private void chooseSource(FxRobot robot, String id) throws Exception {
        onFx(() -> { window.dataPanel().sourceList().scrollTo(org.layerlab.compute.data.DataSources.CATALOG.get(id)); return null; });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#source-" + id);
    }

    private int outputUnits() throws Exception {
        return onFx(() -> window.editor().getGraph().node("output").params().getInt("units"));
    }

    @Test void outputUnitsFollowTheClassesOfTheChosenDataSetAndOneUndoTakesBackBoth(FxRobot robot) throws Exception {
        DataPanel panel = openPanel(robot);
        assertEquals(2, outputUnits(), "two spirals: two classes");
        chooseSource(robot, "iris");
        assertEquals("iris", onFx(() -> window.data().spec().source()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> outputUnits() == 3);
        assertEquals(List.of(4), inputShape(), "four measurements in");
        assertEquals("Set data set to Iris flowers", onFx(() -> window.editor().history().undoLabel()), "no step of its own");
        awaitPreview(panel);
        assertTrue(onFx(() -> window.editor().cardIssues().get("output") == null), "nothing to fix");

        onFx(() -> { window.editor().undo(); return null; });
        assertEquals("two-spirals", onFx(() -> window.data().spec().source()));
        assertEquals(2, outputUnits(), "one undo restores the units too");
        assertEquals(List.of(2), inputShape());
        onFx(() -> { window.editor().redo(); return null; });
        assertEquals(3, outputUnits(), "redo chooses iris and its 3 units again");
    }

    @Test void unitsSetByHandStayWhileTheClassesStayAndANewHeadFromThePaletteTakesTheDataSetsCount(FxRobot robot) throws Exception {
        DataPanel panel = openPanel(robot);
        onFx(() -> {
            var g = window.editor().getGraph();
            var spec = g.typeOf("output").params().stream().filter(s -> s.name().equals("units")).findFirst().orElseThrow();
            window.editor().execute(org.layerlab.editor.command.GraphCommands.changeParam(g, "output", spec, 5));
            return null;
        });
        type(robot, "#data-settings-noise-text", "0.3");
        assertEquals(0.3, onFx(() -> window.data().spec().params().getDouble("noise")));
        awaitPreview(panel);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> window.editor().cardIssues().get("output") != null));
        assertEquals(5, outputUnits(), "more noise is still 2 classes: the units the user chose stay, with the card's fix");
        assertTrue(onFx(() -> robot.lookup("#fix-output").tryQuery().isPresent()), "the one-click fix is offered");

        chooseSource(robot, "iris");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> outputUnits() == 3);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> window.editor().cardIssues().get("output") == null));
        onFx(() -> { window.dataWindow().hide(); return null; });
        robot.doubleClickOn("#palette-output");
        var added = onFx(() -> window.editor().getGraph().nodes().stream().filter(n -> n.type().equals("output") && !n.id().equals("output"))
                .findFirst().orElseThrow());
        assertEquals(3, added.params().getInt("units"), "a new Output head takes the data set's 3 classes");
    }

    @Test void aRelativeDataFileIsFoundInTheProjectsFolderNotTheWorkingFolder(FxRobot robot, @TempDir Path dir) throws Exception {
        Path folder = java.nio.file.Files.createDirectories(dir.resolve("course").resolve("data")).getParent();
        StringBuilder csv = new StringBuilder("x,y,class\n");
        for (int i = 0; i < 60; i++) csv.append(i % 2 == 0 ? -1 : 1).append(',').append(i % 7 * 0.1).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        java.nio.file.Files.writeString(folder.resolve("data").resolve("points.csv"), csv);
        var p = ProjectDocumentModel.defaultProject();
        var source = org.layerlab.compute.data.DataSources.CSV;
        p = p.withTraining(p.training().withEpochs(2)).withDataset(p.dataset().withSource(source.id(),
                org.layerlab.compute.catalog.Params.of(source.params(), java.util.Map.of("file", "data/points.csv"))));
        Path file = folder.resolve("points.layerlab");
        ProjectFiles.write(p, file);
        onFx(() -> window.document().open(file)).get(20, TimeUnit.SECONDS);

        DataPanel panel = openPanel(robot);
        assertEquals(60, onFx(() -> panel.shownLoad().loaded().data().size()), "the preview loads data/points.csv beside the project");
        robot.clickOn("#train-button");
        var charts = awaitCompletedRuns(1);
        assertEquals("csv", onFx(() -> charts.store().runs().get(0).info().settings().get("data set")));
    }

    /** The scatter's colour modes, compared without a dependency on the enum's package in assertions. */
    private enum ScatterColour {
        CLASS, VALUE, NONE;
        static ScatterColour of(Object o) { return valueOf(String.valueOf(o)); }
    }

    @Test void drawnPointsAreUndoableAndSavedInTheProjectFile(FxRobot robot, @TempDir Path dir) throws Exception {
        DataPanel panel = openPanel(robot);
        robot.clickOn("#source-drawn");
        assertEquals("drawn", onFx(() -> window.data().spec().source()));
        WaitForAsyncUtils.waitForFxEvents();
        var canvas = onFx(panel::drawCanvas);
        robot.clickOn("#draw-class-a");
        robot.moveTo(screen(canvas, -3, 2)).clickOn(MouseButton.PRIMARY);
        robot.moveTo(screen(canvas, -2, 2)).clickOn(MouseButton.PRIMARY);
        robot.clickOn("#draw-class-b");
        robot.moveTo(screen(canvas, 3, -2)).press(MouseButton.PRIMARY);
        for (int i = 1; i <= 5; i++) robot.moveTo(screen(canvas, 3 - i * 0.5, -2 - i * 0.3));
        robot.release(MouseButton.PRIMARY);
        int points = onFx(() -> window.data().spec().points().size());
        assertTrue(points >= 5, "two clicks and a drag: " + points);
        assertTrue(onFx(() -> window.editor().history().undoLabel()).startsWith("Draw "), onFx(() -> window.editor().history().undoLabel()));
        awaitPreview(panel);
        assertEquals(2, onFx(() -> panel.shownLoad().loaded().data().numClasses()));

        onFx(() -> { window.editor().undo(); return null; });
        assertEquals(2, onFx(() -> window.data().spec().points().size()), "undo takes back the drag, not the clicks");
        assertEquals(2, onFx(() -> canvas.points().size()), "the canvas shows it");

        Path file = dir.resolve("drawn.layerlab");
        onFx(() -> window.document().write(file)).get(10, TimeUnit.SECONDS);
        var read = ProjectFiles.read(file);
        assertEquals("drawn", read.dataset().source());
        assertEquals(onFx(() -> window.data().spec().points()), read.dataset().points(), "the points are in the project file");
        assertFalse(read.dataset().points().isEmpty());
    }

    private static Point2D screen(org.layerlab.charts.data.PointCanvasView canvas, double x, double y) throws Exception {
        return onFx(() -> {
            double[] p = canvas.plot().toPixel(x, y);
            assertNotNull(p);
            return canvas.plot().plotCanvas().localToScreen(p[0], p[1]);
        });
    }
}
