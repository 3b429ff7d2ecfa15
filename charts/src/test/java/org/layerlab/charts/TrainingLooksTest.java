package org.layerlab.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.IntToDoubleFunction;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.charts.model.RunInfo;
import org.layerlab.compute.train.TrainingEvents.BatchEnd;
import org.layerlab.compute.train.TrainingEvents.EndReason;
import org.layerlab.compute.train.TrainingEvents.EpochEnd;
import org.layerlab.compute.train.TrainingEvents.RunEnded;
import org.layerlab.compute.train.TrainingEvents.RunStarted;
import org.layerlab.compute.train.TrainingListener;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** How the charts read: validation stands out, the hover tooltip stays visible, a constant learning rate is a note. */
@ExtendWith(ApplicationExtension.class)
class TrainingLooksTest {
    private TrainingDashboard dashboard;

    @Start
    void start(Stage stage) {
        dashboard = new TrainingDashboard();
        stage.setScene(new Scene(dashboard, 760, 340));
        stage.show();
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    /** A run of 5 epochs of 20 steps, with a validation set; the learning rate per epoch is {@code lr}. */
    private void pushRun(IntToDoubleFunction lr) throws Exception {
        TrainingListener l = dashboard.newRun(RunInfo.of(Map.of()));
        Thread t = new Thread(() -> {
            l.runStarted(new RunStarted(5, 20, 200, 50, System.nanoTime()));
            for (int s = 1; s <= 100; s++) {
                int epoch = (s - 1) / 20 + 1;
                l.batchEnded(new BatchEnd(s, epoch, (s - 1) % 20 + 1, 1.0 / s, 0.5, 1000, s * 1_000_000L));
                if (s % 20 == 0) {
                    l.epochEnded(new EpochEnd(epoch, s, Map.of("loss", 1.0 / s, "accuracy", 0.5, "val_loss", 1.2 / s,
                            "val_accuracy", 0.45, "learning_rate", lr.applyAsDouble(epoch)), s * 1_000_000L));
                }
            }
            l.runEnded(new RunEnded(EndReason.COMPLETED, "completed", 100, 5, Map.of()));
        });
        t.start();
        t.join();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> {
            dashboard.flush();
            return dashboard.drained() && dashboard.store().runs().stream().noneMatch(r -> r.live());
        }));
        onFx(() -> { dashboard.flush(); return null; });
    }

    @Test
    void theValidationCurveIsDrawnLastInItsOwnDashAndADeeperShade() throws Exception {
        pushRun(e -> 0.01);
        onFx(() -> {
            ScalarChart loss = dashboard.scalars().chart("loss");
            var data = loss.plot().getDataset();
            int last = data.getSeriesCount() - 1;
            assertEquals("1:epoch/val_loss:smooth", data.getSeriesKey(last), "validation goes on top of the raw band and the train curve");
            var renderer = loss.plot().getRenderer();
            BasicStroke stroke = (BasicStroke) renderer.getSeriesStroke(last);
            assertArrayEquals(new float[] {9f, 3f, 2f, 3f}, stroke.getDashArray(), "its own dash");
            int train = -1;
            for (int i = 0; i < data.getSeriesCount(); i++) if (data.getSeriesKey(i).equals("1:batch/loss:smooth")) train = i;
            assertEquals(ChartStyle.deep((java.awt.Color) renderer.getSeriesPaint(train)), renderer.getSeriesPaint(last),
                    "a deeper shade of the run's colour than the training curve");
            return null;
        });
    }

    @Test
    void aConstantLearningRateIsANoteAndAScheduleGetsItsChart() throws Exception {
        pushRun(e -> 0.01);
        assertFalse(onFx(() -> dashboard.scalars().metrics()).contains("learning_rate"), "no chart for a constant");
        assertEquals("Learning rate: constant, 0.01 (Run 1)", onFx(() -> dashboard.scalars().constantsNote()));
        pushRun(e -> 0.01 * Math.pow(0.5, e));
        assertTrue(onFx(() -> dashboard.scalars().metrics()).contains("learning_rate"), "a changing rate is a chart again");
        assertEquals("", onFx(() -> dashboard.scalars().constantsNote()));
    }

    @Test
    void theHoverTooltipStaysInsideTheChartArea(FxRobot robot) throws Exception {
        pushRun(e -> 0.01);
        ScalarChart accuracy = onFx(() -> dashboard.scalars().chart("accuracy"));
        // Near the left of the right-hand chart: the tooltip fits neither right of the pointer (the window ends) nor left of it.
        Bounds canvas = onFx(() -> accuracy.viewer().getCanvas().localToScreen(accuracy.viewer().getCanvas().getLayoutBounds()));
        // Inside the plot (past the value axis), far from the right edge by less than the tooltip is wide.
        robot.moveTo(new Point2D(canvas.getMinX() + 100, canvas.getMinY() + canvas.getHeight() / 2));
        robot.moveTo(new Point2D(canvas.getMinX() + 110, canvas.getMinY() + canvas.getHeight() / 2));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> accuracy.tooltip().isVisible()));
        onFx(() -> {
            Bounds tip = accuracy.tooltip().localToScene(accuracy.tooltip().getLayoutBounds());
            javafx.scene.Node scroll = accuracy.node().getParent();
            while (!(scroll instanceof ScrollPane)) scroll = scroll.getParent();
            Bounds room = scroll.localToScene(scroll.getLayoutBounds());
            assertTrue(tip.getMaxX() <= room.getMaxX() + 0.5 && tip.getMinX() >= room.getMinX() - 0.5
                    && tip.getMaxY() <= room.getMaxY() + 0.5 && tip.getMinY() >= room.getMinY() - 0.5, tip + " inside " + room);
            return null;
        });
    }
}
