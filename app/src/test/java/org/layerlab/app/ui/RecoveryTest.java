package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.compute.project.Project;
import org.layerlab.compute.project.ProjectFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Work an earlier session left in an autosave (it ended without closing) is offered back at the next start. */
@ExtendWith(ApplicationExtension.class)
class RecoveryTest extends MainWindowFixture {
    @TempDir Path dir;
    private Path lost;

    @Start
    void start(Stage stage) throws Exception {
        Project d = ProjectDocumentModel.defaultProject();
        lost = dir.resolve("session-1-1.layerlab"); // no lock file: its session is gone
        ProjectFiles.write(new Project("Lost work", d.description(), d.graph(), d.dataset(), d.training()), lost);
        useAutosaveDirectory(dir);
        open(stage);
    }

    @Test
    void recoverOpensTheWorkAsUnsaved(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("Recover").tryQuery().isPresent());
        robot.clickOn("Recover");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> window.document().project().name().equals("Lost work")));
        assertTrue(onFx(() -> window.document().edited()), "recovered work is unsaved until the user saves it");
        assertFalse(Files.exists(lost), "the old autosave is replaced by this session's");
    }

    @Test
    void discardDeletesItAndKeepsTheDefaultProject(FxRobot robot) throws Exception {
        String before = onFx(() -> window.document().project().name());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("Discard").tryQuery().isPresent());
        robot.clickOn("Discard");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !Files.exists(lost));
        assertEquals(before, onFx(() -> window.document().project().name()));
        assertFalse(onFx(() -> window.document().edited()));
    }
}
