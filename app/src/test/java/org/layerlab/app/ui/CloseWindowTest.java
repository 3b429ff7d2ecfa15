package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.compute.layers.LayerTypes;
import org.layerlab.compute.project.ProjectFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Closing the window never drops unsaved work silently: it asks, and Save writes the file before it closes. */
@ExtendWith(ApplicationExtension.class)
class CloseWindowTest extends MainWindowFixture {
    @TempDir Path dir;

    @Start
    void start(Stage stage) { open(stage); }

    @Test
    void closingWithoutChangesDoesNotAsk(FxRobot robot) throws Exception {
        requestClose();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !stage.isShowing()));
    }

    @Test
    void cancelKeepsTheWindowAndDontSaveClosesIt(FxRobot robot) throws Exception {
        addADenseLayer();
        requestClose();
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFx(stage::isShowing), "Cancel keeps the window and the work");

        requestClose();
        robot.clickOn("Don't Save");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !stage.isShowing()));
    }

    @Test
    void saveWritesTheChangeToTheProjectFileThenCloses(FxRobot robot) throws Exception {
        Path file = dir.resolve("closing.layerlab");
        ProjectFiles.write(ProjectDocumentModel.defaultProject(), file);
        onFx(() -> window.document().open(file)).get(20, TimeUnit.SECONDS);
        int layers = onFx(() -> window.editor().getGraph().nodes().size());
        addADenseLayer();

        requestClose();
        robot.clickOn("Save");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> !stage.isShowing()));
        assertEquals(layers + 1, ProjectFiles.read(file).graph().nodes().size(), "the added layer is in the file");
        assertFalse(onFx(() -> window.document().edited()), "nothing is left unsaved");
    }

    private void addADenseLayer() throws Exception {
        onFx(() -> { window.editor().canvas().addLayerAtCentre(LayerTypes.CATALOG.get("dense")); return null; });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFx(() -> window.document().edited()));
    }

    /** What the window manager sends when the user clicks the window's close button. */
    private void requestClose() {
        WaitForAsyncUtils.asyncFx(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
