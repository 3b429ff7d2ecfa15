package org.layerlab.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.charts.model.RunData;
import org.layerlab.charts.model.RunInfo;
import org.layerlab.charts.model.ScalarExport;
import org.layerlab.charts.model.Smoothing;
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

@ExtendWith(ApplicationExtension.class)
class TrainingDashboardTest {
    private TrainingDashboard dashboard;

    @Start
    void start(Stage stage) {
        dashboard = new TrainingDashboard();
        stage.setScene(new Scene(dashboard, 1000, 320));
        stage.show();
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    /** A synthetic run pushed from a background thread: noisy decaying loss, rising accuracy, an epoch every 100 steps. */
    private void pushRun(TrainingListener l, int steps, long seed) throws Exception {
        Thread t = new Thread(() -> {
            var rng = new java.util.SplittableRandom(seed);
            l.runStarted(new RunStarted(steps / 100, 100, 1000, 200, System.nanoTime()));
            for (int s = 1; s <= steps; s++) {
                int epoch = (s - 1) / 100 + 1;
                l.batchEnded(new BatchEnd(s, epoch, (s - 1) % 100 + 1, Math.exp(-s / 300.0) + rng.nextDouble() * 0.3,
                        Math.min(1, s / (double) steps + rng.nextDouble() * 0.1), 5000, s * 1_000_000L));
                if (s % 100 == 0) {
                    l.epochEnded(new EpochEnd(epoch, s, Map.of("loss", Math.exp(-s / 300.0), "accuracy", s / (double) steps,
                            "val_loss", Math.exp(-s / 320.0) + 0.05, "val_accuracy", s / (double) steps * 0.95), s * 1_000_000L));
                }
            }
            l.runEnded(new RunEnded(EndReason.COMPLETED, "completed", steps, steps / 100, Map.of()));
        }, "synthetic-trainer");
        t.start();
        t.join();
    }

    private void awaitDrawn(String metric, String key) throws Exception {
        // the runs were pushed before: once the queue is empty, every point of every run is in the store
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() ->
                dashboard.drained() && dashboard.store().runs().stream().allMatch(r -> !r.live())));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> {
            ScalarChart c = dashboard.scalars().chart(metric);
            return c != null && c.drawnKeys().contains(key);
        }));
    }

    @Test
    void eventsPushedFromABackgroundThreadAppearInTheCharts() throws Exception {
        TrainingListener l = dashboard.newRun(RunInfo.of(Map.of("optimizer", "adam")));
        pushRun(l, 1000, 1);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> dashboard.pointCount() == 2000 + 4 * 10));
        awaitDrawn("loss", "1:batch/loss:smooth");
        awaitDrawn("loss", "1:epoch/val_loss:smooth");
        awaitDrawn("accuracy", "1:batch/accuracy:raw");
        assertEquals(List.of("loss", "accuracy"), onFx(() -> dashboard.scalars().metrics()));
        RunData run = onFx(() -> dashboard.store().runs().get(0));
        assertEquals("Run 1", run.name());
        assertEquals(RunData.Status.COMPLETED, onFx(run::status));
        double[] drawn = onFx(() -> dashboard.scalars().chart("loss").drawnValues("1:batch/loss:raw"));
        assertTrue(drawn.length > 0 && drawn.length <= 1000);
        ScalarChart loss = onFx(() -> dashboard.scalars().chart("loss"));
        assertTrue(onFx(() -> loss.band("1:batch/loss:raw")), "1,000 raw points in a few hundred columns: a min/max band");
        assertFalse(onFx(() -> loss.band("1:batch/loss:smooth") || loss.band("1:epoch/val_loss:raw")), "smoothed curves and sparse raw values stay lines");
    }

    @Test
    void runsTakenForAProjectFileComeBackWithEveryPointAndAreDrawn() throws Exception {
        pushRun(dashboard.newRun(new RunInfo(null, Map.of("seed", "1"), null, null)), 400, 1);
        pushRun(dashboard.newRun(new RunInfo(null, Map.of("seed", "2"), 1, 200L)), 300, 2);
        awaitDrawn("loss", "2:batch/loss:smooth");
        onFx(() -> { dashboard.store().rename(1, "baseline"); dashboard.store().setVisible(2, false); return null; });
        List<RunData> before = onFx(() -> ScalarExport.snapshot(dashboard.store().runs()));
        List<org.layerlab.compute.project.RunHistory> saved = onFx(dashboard::runHistory);
        TrainingListener late = dashboard.newRun(RunInfo.of(Map.of())); // run 3, still sending when the list is replaced

        onFx(() -> { dashboard.openRuns(List.of()); return null; });
        assertEquals(0, onFx(() -> dashboard.store().runs().size()));
        onFx(() -> { dashboard.openRuns(saved); return null; });
        pushRun(late, 100, 3);

        List<RunData> back = onFx(() -> dashboard.store().runs());
        org.layerlab.charts.model.ScalarExportTest.assertSameScalars(before, back);
        assertEquals(List.of("baseline", "Run 2"), back.stream().map(RunData::name).toList());
        assertEquals(List.of(RunData.Status.COMPLETED, RunData.Status.COMPLETED), back.stream().map(RunData::status).toList());
        assertEquals(List.of(true, false), back.stream().map(RunData::visible).toList());
        assertEquals(new RunInfo("Run 2", Map.of("seed", "2"), 1, 200L), back.get(1).info());
        awaitDrawn("loss", "1:batch/loss:smooth");
        assertEquals(2, onFx(() -> { dashboard.flush(); return dashboard.store().runs().size(); }),
                "updates of a run from before the replacement are dropped");
        pushRun(dashboard.newRun(RunInfo.of(Map.of())), 100, 4);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> dashboard.store().runs().size() == 3));
        assertEquals("Run 3", onFx(() -> dashboard.store().runs().get(2).name()), "new runs are numbered after the loaded ones");
    }

    @Test
    void perBatchTrainCurvesAlsoShowTheirEpochAverageUnlessTurnedOff(FxRobot robot) throws Exception {
        pushRun(dashboard.newRun(RunInfo.of(Map.of())), 500, 5);
        awaitDrawn("loss", "1:epoch/loss:smooth");
        ScalarChart loss = onFx(() -> dashboard.scalars().chart("loss"));
        // The buffer drains over several frames: wait until every epoch's average has been drawn.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> loss.drawnValues("1:epoch/loss:smooth").length == 5));
        List<String> keys = onFx(loss::drawnKeys);
        assertTrue(keys.containsAll(List.of("1:batch/loss:smooth", "1:epoch/loss:smooth", "1:epoch/val_loss:smooth")), keys.toString());
        assertTrue(onFx(() -> loss.dotted("1:epoch/loss:smooth")), "epoch averages are marked at each epoch end");
        assertFalse(onFx(() -> loss.dotted("1:batch/loss:smooth") || loss.dotted("1:epoch/val_loss:smooth")));
        double[] epochLoss = onFx(() -> dashboard.store().find(1).find("epoch/loss").values());
        assertEquals(5, epochLoss.length);
        assertArrayEquals(Smoothing.ema(epochLoss, 0.6), onFx(() -> loss.drawnValues("1:epoch/loss:smooth")), "smoothed like the validation curve");
        assertTrue(onFx(() -> loss.tooltipText(250)).contains("avg"), "the tooltip names the epoch average");

        robot.clickOn("#show-epoch-train");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !loss.drawnKeys().contains("1:epoch/loss:smooth")));
        assertTrue(onFx(loss::drawnKeys).containsAll(List.of("1:batch/loss:smooth", "1:epoch/val_loss:smooth")));
        robot.clickOn("#show-epoch-train");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> loss.drawnKeys().contains("1:epoch/loss:smooth")));
    }

    @Test
    void everyChartGetsItsTurnWhenRedrawsAreRequestedEveryFrame() throws Exception {
        pushRun(dashboard.newRun(RunInfo.of(Map.of())), 300, 9);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> dashboard.pointCount() == 600 + 3 * 4));

        // A slow frame rate means a redraw is requested before the previous round finished: no chart may starve.
        List<Long> accuracyDrawn = onFx(() -> {
            ScalarDashboard s = dashboard.scalars();
            s.markStale();
            s.refreshNext();
            s.markStale();
            s.refreshNext();
            return List.of(s.chart("loss").drawnPoints(), s.chart("accuracy").drawnPoints());
        });
        assertTrue(accuracyDrawn.get(0) > 0 && accuracyDrawn.get(1) > 0, "both charts drawn: " + accuracyDrawn);
    }

    @Test
    void togglingARunHidesItsSeries(FxRobot robot) throws Exception {
        pushRun(dashboard.newRun(RunInfo.of(Map.of())), 300, 1);
        pushRun(dashboard.newRun(RunInfo.of(Map.of())), 300, 2);
        awaitDrawn("loss", "2:batch/loss:smooth");
        assertTrue(onFx(() -> dashboard.scalars().chart("loss").drawnKeys().contains("1:batch/loss:smooth")));

        robot.clickOn("#run-visible-1");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> dashboard.scalars().chart("loss").drawnKeys().stream().noneMatch(k -> k.startsWith("1:"))));
        List<String> keys = onFx(() -> dashboard.scalars().chart("loss").drawnKeys());
        assertTrue(keys.contains("2:batch/loss:smooth"), keys.toString());
        assertFalse(onFx(() -> dashboard.store().find(1).visible()));
        assertTrue(onFx(() -> dashboard.store().find(1).pointCount()) > 0, "hiding keeps the data");

        robot.clickOn("#run-visible-1");
        awaitDrawn("loss", "1:batch/loss:smooth");
    }

    @Test
    void theSmoothingSliderChangesTheDrawnValues(FxRobot robot) throws Exception {
        pushRun(dashboard.newRun(RunInfo.of(Map.of())), 300, 3); // short enough to be drawn whole
        awaitDrawn("loss", "1:batch/loss:smooth");
        double[] raw = onFx(() -> dashboard.store().find(1).find("batch/loss").values());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() ->
                Arrays.equals(dashboard.scalars().chart("loss").drawnValues("1:batch/loss:smooth"), Smoothing.ema(raw, 0.6))));

        // drag the slider's thumb to the left end: smoothing 0 draws the raw values
        robot.drag(".slider .thumb").moveBy(-400, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> dashboard.scalars().smoothingSlider().getValue() == 0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() ->
                Arrays.equals(dashboard.scalars().chart("loss").drawnValues("1:batch/loss:smooth"), raw)));

        onFx(() -> { dashboard.scalars().smoothingSlider().setValue(0.95); return null; });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() ->
                Arrays.equals(dashboard.scalars().chart("loss").drawnValues("1:batch/loss:smooth"), Smoothing.ema(raw, 0.95))));
    }

    @Test
    void renameDeleteAndTheTooltipWorkOnTheRunList(FxRobot robot) throws Exception {
        pushRun(dashboard.newRun(new RunInfo(null, Map.of("seed", "1"), null, null)), 200, 1);
        pushRun(dashboard.newRun(new RunInfo(null, Map.of("seed", "2"), 1, 100L)), 200, 2);
        awaitDrawn("loss", "2:batch/loss:smooth");
        assertEquals(1, onFx(() -> dashboard.scalars().chart("loss").plot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size()),
                "the branched run's fork point is marked");

        onFx(() -> { dashboard.store().rename(1, "baseline"); return null; });
        WaitForAsyncUtils.waitForFxEvents();
        String tip = onFx(() -> dashboard.scalars().chart("loss").tooltipText(150));
        assertTrue(tip.contains("baseline") && tip.contains("step 150") && tip.contains("raw") && tip.contains("smoothed"), tip);
        assertTrue(tip.contains("Run 2"), "one tooltip covers every visible run: " + tip);

        // The run list shows the new name at its next refresh (an FX timer), not at once.
        java.util.function.Predicate<javafx.scene.Node> renamed = n -> n instanceof javafx.scene.control.Label b && "baseline".equals(b.getText());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup(renamed).tryQuery().isPresent()));
        robot.clickOn(robot.lookup(renamed).queryAs(javafx.scene.control.Label.class));
        robot.clickOn("#delete-run-button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> dashboard.store().runs().size() == 1));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> dashboard.scalars().chart("loss").drawnKeys().stream().noneMatch(k -> k.startsWith("1:"))));
    }

    @Test
    void exportsWriteEveryPointAndBothImageFormats(@TempDir Path dir) throws Exception {
        pushRun(dashboard.newRun(RunInfo.of(Map.of())), 400, 1);
        awaitDrawn("loss", "1:batch/loss:smooth");
        Path csv = dir.resolve("s.csv"), json = dir.resolve("s.json"), png = dir.resolve("c.png"), svg = dir.resolve("c.svg");
        onFx(() -> dashboard.scalars().exportCsv(csv)).get(10, TimeUnit.SECONDS);
        onFx(() -> dashboard.scalars().exportJson(json)).get(10, TimeUnit.SECONDS);
        onFx(() -> dashboard.scalars().exportPng(png)).get(10, TimeUnit.SECONDS);
        onFx(() -> dashboard.scalars().exportSvg(svg)).get(10, TimeUnit.SECONDS);
        List<RunData> runs = onFx(() -> ScalarExport.snapshot(dashboard.store().runs()));
        try (var r = Files.newBufferedReader(csv)) { org.layerlab.charts.model.ScalarExportTest.assertSameScalars(runs, ScalarExport.readCsv(r)); }
        try (var r = Files.newBufferedReader(json)) { org.layerlab.charts.model.ScalarExportTest.assertSameScalars(runs, ScalarExport.readJson(r)); }
        byte[] head = Arrays.copyOf(Files.readAllBytes(png), 4);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, head);
        assertTrue(Files.readString(svg).contains("<svg"));
    }

    @Test
    void logScaleAndIgnoreOutliersChangeTheAxes(FxRobot robot) throws Exception {
        pushRun(dashboard.newRun(RunInfo.of(Map.of())), 500, 4);
        awaitDrawn("loss", "1:batch/loss:smooth");
        robot.clickOn("#log-y");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() ->
                dashboard.scalars().chart("loss").plot().getRangeAxis() instanceof org.jfree.chart.axis.LogAxis));
        robot.clickOn("#log-y");
        double autoUpper = onFx(() -> dashboard.scalars().chart("loss").plot().getRangeAxis().getUpperBound());
        robot.clickOn("#ignore-outliers");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() ->
                !dashboard.scalars().chart("loss").plot().getRangeAxis().isAutoRange()
                        && dashboard.scalars().chart("loss").plot().getRangeAxis().getUpperBound() < autoUpper));
        assertNotNull(onFx(() -> dashboard.scalars().chart("loss").plot().getRangeAxis().getRange()));
    }

    @Test
    void dragZoomsAndResetRestoresTheWholeRange(FxRobot robot) throws Exception {
        pushRun(dashboard.newRun(RunInfo.of(Map.of())), 1000, 5);
        awaitDrawn("loss", "1:batch/loss:smooth");
        var viewer = onFx(() -> dashboard.scalars().chart("loss").viewer());
        var b = onFx(() -> viewer.localToScreen(viewer.getBoundsInLocal()));
        robot.drag(b.getMinX() + b.getWidth() * 0.4, b.getMinY() + b.getHeight() * 0.2, javafx.scene.input.MouseButton.PRIMARY)
                .moveTo(b.getMinX() + b.getWidth() * 0.7, b.getMinY() + b.getHeight() * 0.6).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> dashboard.scalars().chart("loss").zoomed()));
        double upper = onFx(() -> dashboard.scalars().chart("loss").plot().getDomainAxis().getUpperBound());
        assertTrue(upper < 1000, "zoomed in on part of the steps, upper bound " + upper);

        robot.clickOn("#reset-zoom");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !dashboard.scalars().chart("loss").zoomed()
                && dashboard.scalars().chart("loss").plot().getDomainAxis().getUpperBound() >= 1000));
    }

    @Test
    void theXAxisChoiceSwitchesBetweenStepEpochAndTime() throws Exception {
        pushRun(dashboard.newRun(RunInfo.of(Map.of())), 500, 6);
        awaitDrawn("loss", "1:batch/loss:smooth");
        onFx(() -> { dashboard.scalars().settings().xAxis.set(org.layerlab.charts.model.XAxisKind.EPOCH); return null; });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> "epoch".equals(dashboard.scalars().chart("loss").plot().getDomainAxis().getLabel())
                && dashboard.scalars().chart("loss").plot().getDomainAxis().getUpperBound() < 6));
        onFx(() -> { dashboard.scalars().settings().xAxis.set(org.layerlab.charts.model.XAxisKind.WALL); return null; });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() ->
                dashboard.scalars().chart("loss").plot().getDomainAxis() instanceof org.jfree.chart.axis.DateAxis));
    }

    @Test
    void hoverShowsACrosshairAndOneTooltipForEveryVisibleRun(FxRobot robot) throws Exception {
        pushRun(dashboard.newRun(RunInfo.of(Map.of("learning rate", "0.01"))), 800, 7);
        pushRun(dashboard.newRun(new RunInfo(null, Map.of("learning rate", "0.003"), 1, 400L)), 800, 8);
        awaitDrawn("loss", "2:epoch/val_loss:smooth");
        var viewer = onFx(() -> dashboard.scalars().chart("loss").viewer());
        var b = onFx(() -> viewer.localToScreen(viewer.getBoundsInLocal()));
        robot.moveTo(b.getMinX() + b.getWidth() * 0.55, b.getMinY() + b.getHeight() * 0.4);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> dashboard.scalars().chart("loss").tooltip().isVisible()));
        String text = onFx(() -> dashboard.scalars().chart("loss").tooltip().getText());
        assertTrue(text.contains("Run 1") && text.contains("Run 2") && text.contains("val"), text);
        assertTrue(onFx(() -> dashboard.scalars().chart("loss").plot().isDomainCrosshairVisible()));
        String dir = System.getProperty("layerlab.snapshotDir");
        if (dir != null) { // a picture to look at, not part of the check
            var image = onFx(() -> dashboard.getScene().snapshot(null));
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", Path.of(dir, "dashboard-hover.png").toFile());
        }
        robot.moveTo(b.getMinX() - 50, b.getMinY() - 50);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !dashboard.scalars().chart("loss").tooltip().isVisible()));
    }
}
