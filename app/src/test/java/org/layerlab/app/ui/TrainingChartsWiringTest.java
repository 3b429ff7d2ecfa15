package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.charts.TrainingDashboard;
import org.layerlab.charts.model.RunData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The charts as wired into the main window: one run record per run, confusion matrix and weight statistics. */
@ExtendWith(ApplicationExtension.class)
class TrainingChartsWiringTest extends MainWindowFixture {

    @Start
    void start(Stage stage) { open(stage); }

    @Test
    void eachRunIsRecordedWithItsSettingsAndResetKeepsEarlierRuns(FxRobot robot) throws Exception {
        useEpochs(3);
        robot.clickOn("#train-button");
        TrainingDashboard charts = awaitCompletedRuns(1);
        RunData first = onFx(() -> charts.store().runs().get(0));
        assertEquals("Run 1", first.name());
        assertTrue(first.info().settings().containsKey("Optimizer") && first.info().settings().containsKey("Network"), first.info().settings().toString());
        assertEquals(3, onFx(() -> first.find("epoch/loss").size()));

        robot.clickOn("#reset-button");
        robot.clickOn("#train-button");
        awaitCompletedRuns(2);
        assertEquals("Run 2", onFx(() -> charts.store().runs().get(1).name()));
        assertEquals(3, onFx(() -> charts.store().find(first.id()).find("epoch/loss").size()), "Reset keeps the earlier run");

        onFx(() -> { charts.getSelectionModel().select(1); charts.flush(); return null; });
        assertEquals(onFx(() -> charts.store().runs().get(1).confusion()), onFx(() -> charts.confusion().shownMatrix()), "the newest run by default");
        onFx(() -> { charts.getSelectionModel().select(0); charts.flush(); return null; });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Label l && "Run 1".equals(l.getText())
                && n.getParent() instanceof javafx.scene.layout.HBox).queryAs(javafx.scene.control.Label.class));
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> { charts.getSelectionModel().select(1); charts.flush(); return null; });
        assertEquals(first.confusion(), onFx(() -> charts.confusion().shownMatrix()), "picking a run in the list shows it on the other tabs");
        onFx(() -> { charts.getSelectionModel().select(0); charts.flush(); return null; });
        snapshot("charts-scalars.png");
    }

    @Test
    void trainingFillsTheConfusionMatrixAndTheWeightStatistics() throws Exception {
        useEpochs(4);
        onFx(() -> { window.session().train(); return null; });
        TrainingDashboard charts = awaitCompletedRuns(1);
        RunData run = onFx(() -> charts.store().runs().get(0));
        assertNotNull(run.confusion(), "a confusion matrix after each epoch");
        assertEquals(4, run.confusionEpoch());
        long samples = run.confusion().total();
        assertTrue(samples > 0);

        onFx(() -> { charts.getSelectionModel().select(1); charts.flush(); return null; });
        assertEquals(run.confusion().size(), onFx(() -> charts.confusion().scores().size()), "one P/R/F1 row per class");
        snapshot("charts-confusion.png");

        onFx(() -> { charts.getSelectionModel().select(2); charts.flush(); return null; });
        assertTrue(onFx(() -> charts.weights().shownSamples()) > 1, "parameter statistics sampled during the run");
        assertTrue(run.parameterStats().values().stream().flatMap(java.util.List::stream)
                .anyMatch(s -> Double.isFinite(s.updateRatioLog10())), "update ratios measured");
        snapshot("charts-weights.png");
    }

    @Test
    void theRunListShowsAPausedRunAsPausedAndAResumedOneAsRunning(FxRobot robot) throws Exception {
        useEpochs(1_000_000); // cannot finish during the test
        robot.clickOn("#train-button");
        awaitRunStatus(robot, "running");
        robot.clickOn("#pause-button");
        awaitRunStatus(robot, "paused");
        assertEquals(RunData.Status.PAUSED, onFx(() -> window.charts().store().runs().get(0).status()));
        robot.clickOn("#train-button");
        awaitRunStatus(robot, "running");
        robot.clickOn("#stop-button");
        awaitRunStatus(robot, "stopped");
    }

    /** Waits until the run list's only run shows this status. */
    private static void awaitRunStatus(FxRobot robot, String status) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#run-list .label").queryAllAs(javafx.scene.control.Label.class)
                .stream().anyMatch(l -> l.isVisible() && status.equals(l.getText()))));
    }

    /** Saves the window to -Dlayerlab.snapshotDir when set, to look at the charts (not part of the check). */
    private void snapshot(String name) throws Exception {
        String dir = System.getProperty("layerlab.snapshotDir");
        if (dir == null) return;
        WaitForAsyncUtils.waitForFxEvents();
        var image = onFx(() -> { window.charts().flush(); return stage.getScene().snapshot(null); });
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", Path.of(dir, name).toFile());
    }
}
