package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.charts.inside.WiresView;
import org.layerlab.charts.model.RunData;
import org.layerlab.compute.train.probe.StepTrace;
import org.layerlab.compute.train.probe.WiresProbe;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Step through and weights on wires in the real window on the default spirals network. */
@ExtendWith(ApplicationExtension.class)
class StepThroughWiresTest extends MainWindowFixture {

    @Start
    void start(Stage stage) { open(stage); }

    @Test
    void stepAdvancesExactlyOneBatchAndThePanelShowsThatBatchsNumbers(FxRobot robot) throws Exception {
        startLongRun(robot, 0);
        robot.clickOn("#pause-button");
        long before = pausedStep();
        robot.clickOn("#step-tab");

        robot.clickOn("#step-button");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> {
            StepTrace t = window.session().traceProperty().get();
            return t != null && t.step() == before + 1 && window.session().progressProperty().get().step() == before + 1;
        }));
        pausedStep();
        assertEquals(before + 1, onFx(() -> window.session().latestProgress().step()), "one batch, no more");
        StepTrace trace = onFx(() -> window.session().traceProperty().get());
        assertEquals(before + 1, trace.step(), "the trace is of the step just taken");
        assertSame(trace, onFx(() -> window.charts().stepThrough().shownProperty().get()), "and the panel shows it");
        assertEquals(List.of("input", "hidden-1", "hidden-2", "output"), trace.layers().stream().map(StepTrace.Layer::nodeId).toList());
        int batch = onFx(() -> window.document().training().batchSize());
        assertTrue(trace.batchSize() > 4 && trace.batchSize() <= batch, "one batch of the run's size (the epoch's last may be smaller)");

        // A shown value is the trace's: the output of sample 1, then of sample 5 once picked.
        String out = WiresView.number(trace.layer("output").values(0)[1]);
        assertEquals(out, ((Label) robot.lookup("#trace-value-output-1").query()).getText());
        robot.interact(() -> window.charts().stepThrough().showRow(4));
        assertEquals(WiresView.number(trace.layer("hidden-2").gradients(4)[7]), ((Label) robot.lookup("#trace-grad-hidden-2-7").query()).getText());
        assertEquals(WiresView.number(trace.loss()), ((Label) robot.lookup("#trace-loss").query()).getText());
        assertTrue(((Label) robot.lookup("#step-caption").query()).getText().contains(Long.toString(before + 1)));
        StepTrace.Weights kernel = trace.weights("hidden-1/kernel");
        assertEquals(kernel.after()[0] - kernel.before()[0], kernel.update(0));
        assertNotEquals(0f, kernel.update(0), "the weights moved in the step");

        robot.clickOn("#step-button"); // and the next Step shows the next batch
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> {
            StepTrace t = window.charts().stepThrough().shownProperty().get();
            return t != null && t.step() == before + 2;
        }));
        StepTrace next = onFx(() -> window.charts().stepThrough().shownProperty().get());
        assertEquals(WiresView.number(next.layer("output").values(4)[1]), ((Label) robot.lookup("#trace-value-output-1").query()).getText(),
                "the chosen sample stays chosen");
        assertEquals(before + 2, onFx(() -> window.session().latestProgress().step()));
    }

    @Test
    void theWiresDrawForSpiralsAClickShowsAWeightAndAnEditWhilePausedIsOneUndoableChange(FxRobot robot) throws Exception {
        startLongRun(robot, 0);
        robot.clickOn("#wires-tab");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> window.charts().wires().shownWires() != null));
        WiresProbe.Result w = onFx(() -> window.charts().wires().shownWires());
        assertEquals(List.of("hidden-1", "hidden-2", "output"), w.layers().stream().map(WiresProbe.Layer::nodeId).toList());
        assertEquals(List.of(2, 24, 24), w.layers().stream().map(WiresProbe.Layer::inputs).toList());
        javafx.scene.image.Image drawn = onFx(() -> window.charts().wires().canvas().snapshot(null, null));
        assertTrue(colouredPixels(drawn) > 2000, "the connections are drawn in colour");

        robot.clickOn("#pause-button");
        long paused = pausedStep();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> window.charts().wires().shownWires().step() == paused));
        WiresView view = onFx(() -> window.charts().wires());
        javafx.geometry.Point2D at = onFx(() -> view.canvas().localToScreen(view.pointOn(1, 0, 1, 0.3)));
        robot.clickOn(at);
        WiresView.Wire picked = onFx(view::selected);
        assertNotNull(picked, "clicking a connection selects it");
        assertEquals(List.of("hidden-2", 0, 1), List.of(picked.nodeId(), picked.from(), picked.to()));
        int index = picked.index();
        float original = trainerWeight("hidden-2/kernel", index);
        assertEquals(original, picked.weight(), "the paused view shows the weights the run stands at");
        assertTrue(((Label) robot.lookup("#wires-selected").query()).getText().contains(WiresView.number(original)), "and its value");

        robot.doubleClickOn("#wires-value").eraseText(12).write("0.25");
        robot.clickOn("#wires-set");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> trainerWeight("hidden-2/kernel", index) == 0.25f);
        assertEquals("Set weight Hidden 2 [1→2] to 0.25", onFx(() -> window.editor().undoLabelProperty().get()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> view.selected().weight() == 0.25f));
        assertEquals(paused, onFx(() -> window.session().latestProgress().step()), "the edit trained nothing");

        robot.interact(() -> window.editor().undo());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> trainerWeight("hidden-2/kernel", index) == original);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> view.selected().weight() == original));
    }

    /** The paused trainer's weight (the trainer thread waits while paused; the edits reach it through its own queue). */
    private float trainerWeight(String key, int index) throws Exception {
        return onFx(() -> window.session().trainer().network().namedParameters().get(key).value().data()[index]);
    }

    /** Waits until the run list says paused, and returns the step the run stopped at. */
    private long pausedStep() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> {
            var runs = window.charts().store().runs();
            return !runs.isEmpty() && runs.get(runs.size() - 1).status() == RunData.Status.PAUSED;
        }));
        return onFx(() -> window.session().latestProgress().step());
    }

    private static int colouredPixels(javafx.scene.image.Image img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                javafx.scene.paint.Color c = img.getPixelReader().getColor(x, y);
                if (c.getSaturation() > 0.3 && c.getBrightness() > 0.2) n++;
            }
        }
        return n;
    }
}
