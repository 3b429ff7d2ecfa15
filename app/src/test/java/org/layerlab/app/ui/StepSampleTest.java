package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.charts.inside.StepThroughView;
import org.layerlab.charts.inside.WiresView;
import org.layerlab.charts.model.RunData;
import org.layerlab.compute.train.probe.PlanePoints;
import org.layerlab.compute.train.probe.SampleTrace;
import org.layerlab.compute.train.probe.StepTrace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Step through shows any sample of the training set, not only the batch's: picked by its index or by clicking its
 * point in the decision view, with its features and class; one outside the batch is traced alone at the step's
 * starting weights, one inside shows the batch's own row, and the pick stays for the next Step.
 */
@ExtendWith(ApplicationExtension.class)
class StepSampleTest extends MainWindowFixture {
    @Start
    void start(Stage stage) { open(stage); }

    private StepThroughView panel() { return window.charts().stepThrough(); }

    private StepTrace stepOnce(long expected) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> {
            StepTrace t = panel().shownProperty().get();
            return t != null && t.step() == expected;
        }));
        return onFx(() -> panel().shownProperty().get());
    }

    private long pausedStep() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> {
            var runs = window.charts().store().runs();
            return !runs.isEmpty() && runs.get(runs.size() - 1).status() == RunData.Status.PAUSED;
        }));
        return onFx(() -> window.session().latestProgress().step());
    }

    /** The first training-set index at or after {@code from} that the step's batch does not hold. */
    private static int notIn(StepTrace t, int from) {
        for (int i = from; ; i++) {
            int k = i;
            if (Arrays.stream(t.samples()).noneMatch(s -> s == k)) return k;
        }
    }

    private SampleTrace awaitAlone(int index, long step) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> {
            SampleTrace s = panel().aloneTrace();
            return s != null && s.index() == index && s.step() == step;
        }));
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> panel().aloneTrace());
    }

    private String shown(FxRobot robot, String id) { return ((Label) robot.lookup(id).query()).getText(); }

    @Test
    void anyTrainingSampleIsPickedByIndexOrByClickingItsPoint(FxRobot robot) throws Exception {
        startLongRun(robot, 0);
        robot.clickOn("#pause-button");
        long before = pausedStep();
        robot.clickOn("#step-tab");
        robot.clickOn("#step-button");
        StepTrace trace = stepOnce(before + 1);
        PlanePoints.Part train = onFx(() -> window.charts().store().runs().get(0).planePoints().part(PlanePoints.Role.TRAIN));
        assertNotNull(train);
        @SuppressWarnings("unchecked")
        Spinner<Integer> index = robot.lookup("#step-sample-index").queryAs(Spinner.class);
        assertEquals(train.size() - 1, onFx(() -> ((javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) index.getValueFactory()).getMax()),
                "the spinner covers the whole training set");

        // By index: a sample the batch does not hold is traced alone, with its features and class.
        int k = notIn(trace, 7);
        robot.doubleClickOn(index.getEditor()).eraseText(8).write(Integer.toString(k)).type(KeyCode.ENTER);
        SampleTrace alone = awaitAlone(k, trace.step());
        assertEquals(k, onFx(panel()::pickedSample));
        assertEquals(k, onFx(() -> window.charts().decision().highlighted()), "the decision view rings it");
        assertEquals(train.xy()[2 * k], alone.features()[0], 0, "its own features (the data set's, as the decision view draws them)");
        assertEquals(train.xy()[2 * k + 1], alone.features()[1], 0);
        assertEquals(train.labels()[k], alone.label());
        String note = shown(robot, "#step-alone-note");
        assertTrue(note.contains("#" + k) && note.contains(WiresView.number(alone.features()[0])), note);
        assertEquals(WiresView.number(alone.layers().get(3).values(0)[1]), shown(robot, "#trace-value-output-1"), "its own output is shown");
        assertEquals(WiresView.number(alone.loss()), shown(robot, "#trace-loss"), "and its own loss");
        assertEquals(WiresView.number(alone.layers().get(2).gradients(0)[5]), shown(robot, "#trace-grad-hidden-2-5"));

        // By index, a sample of the batch: its row of the trainer's own trace.
        int inBatch = trace.samples()[3];
        robot.doubleClickOn(index.getEditor()).eraseText(8).write(Integer.toString(inBatch)).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> panel().pickedSample() == null && panel().shownRow() == 3));
        assertEquals(WiresView.number(trace.layer("output").values(3)[1]), shown(robot, "#trace-value-output-1"));
        assertFalse(robot.lookup("#step-alone-note").query().isVisible());
        assertTrue(shown(robot, "#step-sample-info").contains("#" + inBatch));
        assertEquals(inBatch, onFx(() -> index.getValue()), "the index names the batch's sample too");
        assertEquals(inBatch, onFx(() -> window.charts().decision().highlighted()));

        // By a click on its point in the decision view: the panel comes to the front with that sample.
        robot.clickOn("#inside-tab");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> window.charts().decision().shownGrid() != null));
        int j = notIn(trace, 101);
        Point2D at = onFx(() -> window.charts().decision().pointOf(j));
        assertEquals(j, onFx(() -> window.charts().decision().trainingPointAt(at.getX(), at.getY())));
        Canvas plot = (Canvas) robot.from(window.charts().decision()).lookup((java.util.function.Predicate<javafx.scene.Node>) n -> n instanceof Canvas).query();
        robot.clickOn(onFx(() -> plot.localToScreen(at)));
        SampleTrace clicked = awaitAlone(j, trace.step());
        assertTrue(onFx(() -> "step-tab".equals(window.charts().getSelectionModel().getSelectedItem().getId())), "Step through comes to the front");
        assertEquals(j, onFx(() -> index.getValue()));
        assertEquals(train.xy()[2 * j], clicked.features()[0], 0);

        // The next Step keeps the pick: traced alone again at the new step's weights (or its row, if the batch has it).
        robot.clickOn("#step-button");
        StepTrace next = stepOnce(before + 2);
        if (Arrays.stream(next.samples()).anyMatch(s -> s == j)) {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> panel().pickedSample() == null));
        } else {
            SampleTrace again = awaitAlone(j, next.step());
            assertFalse(Arrays.equals(clicked.layers().get(3).values(0), again.layers().get(3).values(0)), "the weights moved in between");
        }
    }
}
