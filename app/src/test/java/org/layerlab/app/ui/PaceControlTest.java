package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.compute.train.Pace;
import org.layerlab.compute.train.Trainer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The toolbar's speed slider sets the session's pace, also while a run trains, and the slow run still pauses and steps. */
@ExtendWith(ApplicationExtension.class)
class PaceControlTest extends MainWindowFixture {
    @Start
    void start(Stage stage) { open(stage); }

    private double pace() throws Exception { return onFx(() -> window.session().pace().stepsPerSecond()); }

    private String shown(FxRobot robot) throws Exception {
        Label l = robot.lookup("#pace-value").queryAs(Label.class);
        return onFx(l::getText);
    }

    @Test
    void theSliderSetsThePaceOfTheRunThatIsTraining(FxRobot robot) throws Exception {
        assertEquals(Pace.FULL_SPEED, pace(), "full speed by default");
        assertEquals("Full speed", shown(robot));
        startLongRun(robot, 5);
        Trainer trainer = onFx(() -> window.session().trainer());
        assertSame(onFx(() -> window.session().pace()), trainer.pace(), "the run trains at the session's pace");

        robot.clickOn("#pace-slider");
        robot.type(KeyCode.HOME); // the slowest stop
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, pace());
        assertEquals("1 step/s", shown(robot));
        robot.type(KeyCode.RIGHT, 4);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(30.0, pace());
        assertEquals("30 steps/s", shown(robot));
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(60.0, pace());
        assertEquals("1 step/frame", shown(robot));

        // Slowest again, then Pause and Step: a step asked for goes at once, whatever the pace.
        robot.type(KeyCode.HOME);
        robot.clickOn("#pause-button");
        // Paused as the run list says: every step taken before the pause has been published by then.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> {
            var runs = window.charts().store().runs();
            return runs.get(runs.size() - 1).status() == org.layerlab.charts.model.RunData.Status.PAUSED;
        }));
        WaitForAsyncUtils.waitForFxEvents();
        long before = onFx(() -> window.session().progressProperty().get().step());
        robot.clickOn("#step-button");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> window.session().progressProperty().get().step()) == before + 1);
        assertEquals(Trainer.State.PAUSED, trainer.state());

        robot.clickOn("#pace-slider");
        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Pace.FULL_SPEED, pace());
        assertTrue(trainer.state() != Trainer.State.FINISHED);
    }
}
