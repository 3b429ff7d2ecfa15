package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.compute.layers.LayerTypes;
import org.layerlab.compute.project.ProjectFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Unsaved work is copied to an autosave file, which a normal end of the session removes. */
@ExtendWith(ApplicationExtension.class)
class AutosaveTest extends MainWindowFixture {
    @TempDir Path dir;

    @Start
    void start(Stage stage) {
        useAutosaveDirectory(dir);
        open(stage);
    }

    @Test
    void unsavedEditsAreAutosavedAndANormalEndLeavesNothingBehind(FxRobot robot) throws Exception {
        Autosave autosave = app.autosave();
        onFx(() -> { autosave.saveNow(); return null; });
        assertFalse(Files.exists(autosave.file()), "nothing unsaved, nothing written");

        int layers = onFx(() -> window.editor().getGraph().nodes().size());
        onFx(() -> { window.editor().canvas().addLayerAtCentre(LayerTypes.CATALOG.get("dense")); return null; });
        onFx(() -> { autosave.saveNow(); return null; });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(autosave.file()));
        assertEquals(layers + 1, ProjectFiles.read(autosave.file()).graph().nodes().size(), "the autosave holds the new layer");
        assertEquals(List.of(), Autosave.leftBehind(dir), "a live session's autosave is not offered as lost");

        onFx(() -> { app.stop(); return null; });
        assertFalse(Files.exists(autosave.file()), "a normal end removes the autosave");
        assertEquals(List.of(), Autosave.leftBehind(dir));
    }

    @Test
    void theAutosaveFollowsLaterChangesAndGoesOnceTheWorkIsSaved(FxRobot robot) throws Exception {
        Autosave autosave = app.autosave();
        onFx(() -> { window.editor().canvas().addLayerAtCentre(LayerTypes.CATALOG.get("dense")); return null; });
        onFx(() -> { autosave.saveNow(); return null; });
        onFx(() -> { window.editor().canvas().addLayerAtCentre(LayerTypes.CATALOG.get("dropout")); return null; });
        int layers = onFx(() -> window.editor().getGraph().nodes().size());
        onFx(() -> { autosave.saveNow(); return null; });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(autosave.file())
                && ProjectFiles.read(autosave.file()).graph().nodes().size() == layers);

        onFx(() -> window.document().write(dir.resolve("saved.layerlab"))).get(20, TimeUnit.SECONDS);
        onFx(() -> { autosave.saveNow(); return null; });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !Files.exists(autosave.file()));
        assertTrue(Files.exists(dir.resolve("saved.layerlab")));
    }
}
