package org.layerlab.charts.inside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.charts.TrainingDashboard;
import org.layerlab.charts.model.RunInfo;
import org.layerlab.charts.model.RunRecorder;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.train.probe.DecisionProbe;
import org.layerlab.compute.train.probe.NeuronMapProbe;
import org.layerlab.compute.train.probe.PlaneGrid;
import org.layerlab.compute.train.probe.PlanePoints;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The plane views as the window uses them: results queued by the recorder, taken in by the dashboard's FX timer. */
@ExtendWith(ApplicationExtension.class)
class InsideViewsTest {
    private TrainingDashboard dashboard;

    @Start
    void start(Stage stage) {
        dashboard = new TrainingDashboard();
        stage.setScene(new Scene(new HBox(dashboard, new javafx.scene.layout.VBox(dashboard.decision(), dashboard.neuronMaps())), 1100, 700));
        stage.show();
    }

    private static <T> T onFx(Callable<T> c) throws Exception { return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS); }

    private static final PlaneGrid GRID = new PlaneGrid(-1, 1, -1, 1, 10);

    /** Class B's probability rises from left to right, more steeply as "training" goes on. */
    private static DecisionProbe.Result grid(long step, double steepness) {
        float[] v = new float[GRID.cells() * 2];
        for (int r = 0; r < 10; r++) for (int c = 0; c < 10; c++) {
            float b = (float) (1 / (1 + Math.exp(-steepness * GRID.x(c))));
            v[(r * 10 + c) * 2] = 1 - b;
            v[(r * 10 + c) * 2 + 1] = b;
        }
        return new DecisionProbe.Result(step, (int) step, GRID, true, List.of("A", "B"), 2, v);
    }

    @Test
    void resultsReachTheViewsThroughTheQueueTheTimerDrainsNotAtOnce(FxRobot robot) throws Exception {
        RunRecorder rec = dashboard.newRun(RunInfo.of(Map.of()));
        DecisionProbe.Result first = grid(10, 2);
        Dataset train = new Dataset("pts", Tensor.of(new float[] {-0.5f, 0.2f, 0.5f, -0.3f}, 2, 2), new int[] {0, 1}, null, List.of("A", "B"));
        // Delivered on the FX thread itself: nothing can drain in between, so this shows the recorder only queues.
        boolean queuedOnly = onFx(() -> {
            rec.points(PlanePoints.of(train, null, null));
            rec.decision(first);
            var run = dashboard.store().find(rec.runId());
            return (run == null || run.decision() == null) && dashboard.decision().shownGrid() == null;
        });
        assertTrue(queuedOnly, "a result is queued, not applied by the probe's thread");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> dashboard.decision().shownGrid() == first));
        Image a = onFx(() -> dashboard.decision().plotImage());

        // from another thread, as a probe on the pool delivers
        DecisionProbe.Result later = grid(20, 12);
        Thread pool = new Thread(() -> rec.decision(later), "probe");
        pool.start();
        pool.join();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> dashboard.decision().shownGrid() == later));
        Image b = onFx(() -> dashboard.decision().plotImage());
        assertTrue(differingPixels(a, b) > 100, "a sharper boundary draws differently");
        assertTrue(onFx(() -> dashboard.decision().plotImage().isError()) == false);

        robot.clickOn("#decision-discretise");
        WaitForAsyncUtils.waitForFxEvents();
        Image c = onFx(() -> dashboard.decision().plotImage());
        assertTrue(differingPixels(b, c) > 50, "discretised: one colour per class, no paling");
        assertSame(later, onFx(() -> dashboard.decision().shownGrid()));
    }

    @Test
    void neuronMapsShowOneTilePerNeuronAndAClickEnlargesIt(FxRobot robot) throws Exception {
        RunRecorder rec = dashboard.newRun(RunInfo.of(Map.of()));
        float[] values = new float[GRID.cells() * 3];
        for (int i = 0; i < GRID.cells(); i++) for (int u = 0; u < 3; u++) values[i * 3 + u] = (float) Math.sin(i * 0.1 + u);
        rec.neurons(new NeuronMapProbe.Result(5, 1, GRID, List.of(new NeuronMapProbe.LayerMaps("h", "Hidden", 3, values))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> dashboard.neuronMaps().tileCount() == 3));
        assertNull(onFx(() -> dashboard.neuronMaps().enlargedNeuron()));
        robot.clickOn("#neuron-0-2");
        assertEquals("0/2", onFx(() -> dashboard.neuronMaps().enlargedNeuron()));
        assertTrue(robot.lookup("#neuron-enlarged").query().isVisible());
        robot.clickOn("#neuron-0-2");
        assertNull(onFx(() -> dashboard.neuronMaps().enlargedNeuron()), "a second click closes it");
        assertFalse(robot.lookup("#neuron-enlarged").query().isVisible());
    }

    static int differingPixels(Image a, Image b) {
        int w = (int) Math.min(a.getWidth(), b.getWidth()), h = (int) Math.min(a.getHeight(), b.getHeight()), n = 0;
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) if (a.getPixelReader().getArgb(x, y) != b.getPixelReader().getArgb(x, y)) n++;
        return n;
    }
}
