package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.compute.train.Trainer;
import org.layerlab.compute.train.TrainingEvents.EndReason;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest extends MainWindowFixture {

    @Start
    void start(Stage stage) { open(stage); }

    @Test
    void opensWithTheDefaultSpiralsProjectOnTheCanvas(FxRobot robot) {
        assertTrue(robot.lookup("#node-input").tryQuery().isPresent());
        assertTrue(robot.lookup("#node-output").tryQuery().isPresent());
        assertEquals("→ 2", robot.lookup("#shape-output").queryAs(Label.class).getText());
    }

    @Test
    void trainShowsLiveCurvesReachesNinetyPercentAndStopEndsTheRun(FxRobot robot) throws Exception {
        useEpochs(1_000_000); // far longer than any test waits: a run is surely going when stopped
        robot.clickOn("#train-button");

        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> onFx(() -> window.session().progressProperty().get().accuracy() > 0.9));

        TrainingSession.Progress p = onFx(() -> window.session().progressProperty().get());
        assertTrue(p.epoch() <= 200, "90% should come within 200 epochs, came at " + p.epoch());
        assertEquals(1_000_000, p.epochs());
        assertTrue(onFx(() -> window.charts().pointCount()) > 10, "the charts hold the run's points");
        // label and figures read in one FX turn: training goes on, and the next epoch may dip below 90 %
        Label accuracy = robot.lookup("#status-accuracy").queryAs(Label.class);
        String[] shownAndExpected = onFx(() -> new String[] {accuracy.getText(), String.format(java.util.Locale.ROOT, "Accuracy %.1f %%",
                100 * window.session().progressProperty().get().accuracy())});
        assertEquals(shownAndExpected[1], shownAndExpected[0]);

        Trainer trainer = onFx(() -> window.session().trainer());
        robot.clickOn("#stop-button");

        assertEquals(EndReason.STOPPED, trainer.completion().get(30, TimeUnit.SECONDS).reason());
        assertNull(trainer.workerThread(), "the training loop has left its thread");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> window.session().statusProperty().get() == TrainingSession.Status.FINISHED));
        String message = robot.lookup("#status-message").queryAs(Label.class).getText();
        assertTrue(message.startsWith("Stopped at step"), message);
    }

    @Test
    void theWindowStaysResponsiveWhileTraining(FxRobot robot) throws Exception {
        startLongRun(robot, 50);

        // While the run goes on, the FX thread still handles input: selecting a layer fills the property sheet.
        robot.clickOn("#node-hidden-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("hidden-1", onFx(() -> window.editor().selectedNodeProperty().get()));
        assertTrue(onFx(() -> window.session().trainer().state() != Trainer.State.FINISHED), "training continues meanwhile");
    }

    @Test
    void pauseHoldsTheRunAndStepAdvancesExactlyOneBatch(FxRobot robot) throws Exception {
        startLongRun(robot, 5);
        robot.clickOn("#pause-button");
        Trainer trainer = onFx(() -> window.session().trainer());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> trainer.state() == Trainer.State.PAUSED);
        long before = window.session().latestProgress().step();

        robot.clickOn("#step-button");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.session().latestProgress().step() == before + 1
                && trainer.state() == Trainer.State.PAUSED);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 1, window.session().latestProgress().step(), "exactly one batch ran");
        assertEquals(before + 1, onFx(() -> window.session().progressProperty().get().step()));
    }
}
