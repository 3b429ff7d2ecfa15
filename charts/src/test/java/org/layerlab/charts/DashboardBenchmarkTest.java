package org.layerlab.charts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.charts.model.RunInfo;
import org.layerlab.compute.train.TrainingEvents.BatchEnd;
import org.layerlab.compute.train.TrainingEvents.EndReason;
import org.layerlab.compute.train.TrainingEvents.EpochEnd;
import org.layerlab.compute.train.TrainingEvents.RunEnded;
import org.layerlab.compute.train.TrainingEvents.RunStarted;
import org.layerlab.compute.train.TrainingListener;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test: a synthetic trainer pushes four series (batch loss and accuracy every step, and validation loss
 * and accuracy every step through epoch events) at 1,000 steps/s for 60 s into a 1000×300 dashboard, after a
 * burst of 40,000 steps, so the run ends at 100,000 steps per series; it prints the FX frame-to-frame interval
 * (AnimationTimer) and the dashboard's own drain+redraw time per frame, measured during the 60 s only.
 * Run with -Dexcluded.groups=none -Dgroups=benchmark; -Dbenchmark.seconds=N and -Dbenchmark.preload=N change it.
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class DashboardBenchmarkTest {
    private TrainingDashboard dashboard;

    @Start
    void start(Stage stage) {
        dashboard = new TrainingDashboard();
        stage.setScene(new Scene(dashboard, 1000, 300));
        stage.show();
    }

    @Test
    void fourSeriesAtAThousandStepsPerSecond() throws Exception {
        int seconds = Integer.getInteger("benchmark.seconds", 60);
        long[] work = new long[seconds * 200], gaps = new long[seconds * 200];
        int[] counts = new int[2];
        long[] lastFrame = {0};
        java.util.concurrent.atomic.AtomicBoolean measuring = new java.util.concurrent.atomic.AtomicBoolean();
        WaitForAsyncUtils.asyncFx(() -> {
            dashboard.setFrameObserver(n -> { if (measuring.get() && counts[0] < work.length) work[counts[0]++] = n; });
            new AnimationTimer() {
                @Override public void handle(long now) {
                    if (measuring.get() && lastFrame[0] != 0 && counts[1] < gaps.length) gaps[counts[1]++] = now - lastFrame[0];
                    lastFrame[0] = now;
                }
            }.start();
        }).get();
        TrainingListener l = dashboard.newRun(RunInfo.of(Map.of("benchmark", "synthetic")));
        int preload = Integer.getInteger("benchmark.preload", 40_000);
        int steps = preload + seconds * 1000;
        long[] liveStart = new long[1];
        Thread trainer = new Thread(() -> {
            var rng = new java.util.SplittableRandom(1);
            long start = System.nanoTime();
            l.runStarted(new RunStarted(steps / 1000, 1000, 32_000, 8_000, start));
            for (int s = 1; s <= steps; s++) {
                if (s == preload + 1) {
                    // let the FX side take in the burst, then measure the live part only
                    try {
                        while (WaitForAsyncUtils.asyncFx(() -> dashboard.pointCount()).get() < 4L * preload) LockSupport.parkNanos(10_000_000);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    measuring.set(true);
                    liveStart[0] = System.nanoTime();
                }
                if (s > preload) {
                    long due = liveStart[0] + (s - preload) * 1_000_000L;
                    long wait = due - System.nanoTime();
                    if (wait > 0) LockSupport.parkNanos(wait);
                }
                long t = System.nanoTime() - start;
                int epoch = (s - 1) / 1000 + 1;
                l.batchEnded(new BatchEnd(s, epoch, (s - 1) % 1000 + 1, Math.exp(-s / 20_000.0) + rng.nextDouble() * 0.2,
                        1 - Math.exp(-s / 15_000.0) * rng.nextDouble(), 32_000, t));
                l.epochEnded(new EpochEnd(epoch, s, Map.of("val_loss", Math.exp(-s / 21_000.0) + rng.nextDouble() * 0.05,
                        "val_accuracy", 1 - Math.exp(-s / 16_000.0) - rng.nextDouble() * 0.05), t));
            }
            l.runEnded(new RunEnded(EndReason.COMPLETED, "completed", steps, steps / 1000, Map.of()));
        }, "synthetic-trainer");
        trainer.start();
        trainer.join();
        double pushSeconds = (System.nanoTime() - liveStart[0]) / 1e9;
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> dashboard.pointCount() == 4L * steps).get());
        measuring.set(false);
        long drawn = WaitForAsyncUtils.asyncFx(() -> dashboard.scalars().drawnPoints()).get();
        System.out.printf(Locale.ROOT, "BENCHMARK %d + %d live steps x 4 series, live part in %.1f s (%.0f steps/s); %d points stored, %d drawn in the last frame%n",
                preload, steps - preload, pushSeconds, (steps - preload) / pushSeconds, 4L * steps, drawn);
        report("frame-to-frame interval (AnimationTimer)", gaps, counts[1]);
        report("dashboard drain+redraw per frame", work, counts[0]);
    }

    private static void report(String what, long[] values, int n) {
        long[] v = Arrays.copyOf(values, n);
        Arrays.sort(v);
        double p50 = v[(int) (0.50 * (n - 1))] / 1e6, p99 = v[(int) (0.99 * (n - 1))] / 1e6, max = v[n - 1] / 1e6;
        System.out.printf(Locale.ROOT, "BENCHMARK %-42s frames %6d  p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", what, n, p50, p99, max);
    }
}
