package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The editor inside the main window: its menus, shortcuts, summary, fit on open, and the "differs from the run" state. */
@ExtendWith(ApplicationExtension.class)
class EditorWiringTest extends MainWindowFixture {

    @Start
    void start(Stage stage) { open(stage); }

    @Test
    void theMenuBarHasEditAndViewMenusAndTheUndoItemNamesTheStep(FxRobot robot) throws Exception {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        assertEquals(List.of("File", "Edit", "View", "Help"), bar.getMenus().stream().map(Menu::getText).toList());
        robot.clickOn("#node-hidden-1");
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        Menu edit = bar.getMenus().get(1);
        assertEquals("Undo Move Hidden 1", edit.getItems().get(0).getText());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Undo", edit.getItems().get(0).getText());
        assertEquals("Redo Move Hidden 1", edit.getItems().get(1).getText());
    }

    @Test
    void theWholeDefaultGraphIsVisibleOnOpenAndTheSummaryCountsItsParameters(FxRobot robot) {
        Bounds canvas = robot.lookup("#graph-canvas").query().localToScreen(robot.lookup("#graph-canvas").query().getBoundsInLocal());
        for (String id : List.of("input", "hidden-1", "hidden-2", "output")) {
            Bounds b = robot.lookup("#node-" + id).query().localToScreen(robot.lookup("#node-" + id).query().getBoundsInLocal());
            assertTrue(canvas.contains(b), id + " is visible: " + b + " in " + canvas);
        }
        String totals = robot.lookup("#model-summary-totals").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(totals.startsWith("Total params: 722"), totals);
    }

    @Test
    void editingWhileTrainingMarksTheCanvasAsDifferentFromTheRun(FxRobot robot) throws Exception {
        onFx(() -> {
            ProjectDocumentModel doc = window.document();
            doc.open(doc.project().withTraining(doc.project().training().withEpochs(1_000_000)));
            return null;
        });
        robot.clickOn("#train-button");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> window.session().trainedGraphProperty().get() != null));
        assertFalse(robot.lookup("#canvas-training-banner").query().isVisible());

        robot.clickOn("#node-output");
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#canvas-training-banner").query().isVisible(), "moving a layer does not change the network");
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#canvas-training-banner").query().isVisible(), "the canvas says edits apply to the next run");
        assertTrue(robot.lookup("#stale-model-label").query().isVisible());
        assertTrue(onFx(() -> window.session().trainer().state() != org.layerlab.compute.train.Trainer.State.FINISHED), "the run goes on");
    }
}
