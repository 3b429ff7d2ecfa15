package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.charts.model.RunData;
import org.layerlab.compute.project.ProjectArchive;
import org.layerlab.compute.project.ProjectBundle;
import org.layerlab.compute.project.RunHistory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File → Import runs…: a class's project files overlay their runs in one run list, named after each file, saved with it. */
@ExtendWith(ApplicationExtension.class)
class ImportRunsWindowTest extends MainWindowFixture {
    @TempDir Path dir;

    @Start void start(Stage stage) { open(stage); }

    private Path student(String name, RunHistory... runs) throws Exception {
        Path f = dir.resolve(name + ".layerlab");
        ProjectArchive.write(ProjectBundle.of(ProjectDocumentModel.defaultProject().withRuns(List.of(runs))), f);
        return f;
    }

    @Test void aClassesRunsJoinTheRunListNamedAfterTheirFiles(FxRobot robot) throws Exception {
        Path ana = student("ana", RunImportFixtures.run(1, "Run 1", 0.9, 0.4), RunImportFixtures.run(2, "Run 2", 0.8, 0.2));
        Path ben = student("ben", RunImportFixtures.run(1, "Run 1", 1.1, 0.6));
        assertTrue(onFx(() -> window.lookup("#file-import-runs") == null), "menus are not in the scene graph; the item is checked below");
        assertTrue(onFx(() -> window.charts().store().runs().isEmpty()));

        onFx(() -> window.document().importRuns(List.of(ana, ben))).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        List<RunData> runs = onFx(() -> List.copyOf(window.charts().store().runs()));
        assertEquals(List.of("ana · Run 1", "ana · Run 2", "ben"), runs.stream().map(RunData::name).toList());
        assertEquals(List.of(1, 2, 3), runs.stream().map(RunData::id).toList());
        assertTrue(runs.stream().allMatch(r -> r.status() == RunData.Status.COMPLETED));
        assertEquals("Imported 3 runs from 2 files.", onFx(() -> window.document().statusProperty().get()));
        assertTrue(onFx(() -> window.document().unsavedProperty().get()), "imported runs are unsaved work");
        @SuppressWarnings("unchecked")
        var list = (javafx.scene.control.ListView<RunData>) onFx(() -> window.lookup("#run-list").lookup(".list-view"));
        assertEquals(3, onFx(() -> list.getItems().size()), "the run list shows them");

        // A new run after them takes the next number, and a save keeps them all.
        onFx(() -> { window.session().train(); return null; });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> window.charts().store().runs().size() == 4));
        assertEquals(4, onFx(() -> window.charts().store().runs().get(3).id()));
        onFx(() -> { window.session().stop(); return null; });
        Path all = dir.resolve("class.layerlab");
        onFx(() -> window.document().write(all)).get(20, TimeUnit.SECONDS);
        List<String> saved = ProjectArchive.read(all).project().runs().stream().map(RunHistory::name).toList();
        assertEquals(List.of("ana · Run 1", "ana · Run 2", "ben"), saved.subList(0, 3));

        var fileMenu = onFx(() -> ((javafx.scene.control.MenuBar) window.lookup(".menu-bar")).getMenus().get(0));
        assertTrue(onFx(() -> fileMenu.getItems().stream().anyMatch(i -> "file-import-runs".equals(i.getId()))));
    }
}
