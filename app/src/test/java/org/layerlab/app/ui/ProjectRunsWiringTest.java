package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.charts.TrainingDashboard;
import org.layerlab.charts.model.RunData;
import org.layerlab.charts.model.ScalarSeries;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Runs are part of the project: saved with it, and back in the run list and charts when it is opened again. */
@ExtendWith(ApplicationExtension.class)
class ProjectRunsWiringTest extends MainWindowFixture {
    @TempDir Path dir;

    @Start
    void start(Stage stage) { open(stage); }

    @Test
    void savedRunsAreBackInTheRunListAfterReopeningTheProject(FxRobot robot) throws Exception {
        useEpochs(3);
        robot.clickOn("#train-button");
        TrainingDashboard charts = awaitCompletedRuns(1);
        onFx(() -> { charts.store().rename(1, "baseline"); return null; });
        RunData trained = onFx(() -> charts.store().runs().get(0));
        ScalarSeries loss = onFx(() -> trained.find("batch/loss").copy()), epochLoss = onFx(() -> trained.find("epoch/loss").copy());
        Path file = dir.resolve("with-runs.layerlab");
        onFx(() -> window.document().write(file)).get(20, TimeUnit.SECONDS);

        onFx(() -> { window.document().open(ProjectDocumentModel.defaultProject()); return null; });
        assertEquals(0, onFx(() -> charts.store().runs().size()), "another project has its own runs");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !hasRunLabel(robot, "baseline"));

        onFx(() -> window.document().open(file)).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> hasRunLabel(robot, "baseline") && hasRunLabel(robot, "completed"));
        RunData back = onFx(() -> charts.store().runs().get(0));
        assertEquals(trained.info().settings(), back.info().settings());
        ScalarSeries loss2 = onFx(() -> back.find("batch/loss")), epochLoss2 = onFx(() -> back.find("epoch/loss"));
        assertArrayEquals(loss.values(), loss2.values(), "every batch loss");
        assertArrayEquals(loss.steps(), loss2.steps());
        assertArrayEquals(epochLoss.values(), epochLoss2.values(), "every epoch loss");
        for (int i = 0; i < loss.size(); i++) assertEquals(loss.relativeSeconds(i), loss2.relativeSeconds(i), 1e-6, "time of point " + i + ", kept to the microsecond");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> { charts.flush(); return true; })
                && onFx(() -> charts.scalars().drawnPoints() > 0));

        robot.clickOn("#reset-button");
        robot.clickOn("#train-button");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> charts.store().runs().size() == 2
                && !charts.store().runs().get(1).live()));
        assertEquals(List.of("baseline", "Run 2"), onFx(() -> charts.store().runs().stream().map(RunData::name).toList()),
                "a new run joins the reopened ones");
    }

    @Test
    void openingAnotherProjectAsksBeforeDiscardingUnsavedRuns(FxRobot robot) throws Exception {
        useEpochs(2);
        robot.clickOn("#train-button");
        TrainingDashboard charts = awaitCompletedRuns(1);
        String name = onFx(() -> window.document().project().name());

        openSampleFromTheMenu(robot);
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, onFx(() -> charts.store().runs().size()), "Cancel keeps the run");
        assertEquals(name, onFx(() -> window.document().project().name()));

        openSampleFromTheMenu(robot);
        robot.clickOn("Don't Save");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> charts.store().runs().isEmpty()
                && window.document().project().name().equals("Two clusters (linear)")));

        // Nothing changed since it was opened: no question.
        openSampleFromTheMenu(robot);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("Don't Save").tryQuery().isEmpty(), "no question when nothing would be lost");
    }

    /** File → Open Sample → Two clusters, with the mouse (into the submenu sideways first, so it stays open). */
    private static void openSampleFromTheMenu(FxRobot robot) {
        robot.clickOn(menuLabel(robot, "File"));
        robot.clickOn(menuLabel(robot, "Open Sample"));
        robot.clickOn(menuLabel(robot, "Two clusters (linear)"), org.testfx.robot.Motion.HORIZONTAL_FIRST);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static javafx.scene.control.Labeled menuLabel(FxRobot robot, String text) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Labeled l && text.equals(l.getText())
                && n.getScene() != null && n.isVisible()).queryAs(javafx.scene.control.Labeled.class);
    }

    @Test
    void aProjectWithABrokenRunsSectionIsRefusedWithThePlace() throws Exception {
        Path file = dir.resolve("broken.layerlab");
        String json = org.layerlab.compute.project.ProjectFiles.toJson(ProjectDocumentModel.defaultProject())
                .replaceFirst("\\n}\\s*$", ",\n  \"runs\" : [ { \"id\" : 1, \"name\" : \"Run 1\", \"status\" : \"great\" } ]\n}\n");
        Files.writeString(file, json);
        var e = assertThrows(ExecutionException.class, () -> onFx(() -> window.document().open(file)).get(20, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("runs[0].status: unknown status 'great'"), e.getCause().getMessage());
    }

    private static boolean hasRunLabel(FxRobot robot, String text) throws Exception {
        return onFx(() -> robot.lookup("#run-list .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.isVisible() && text.equals(l.getText())));
    }
}
