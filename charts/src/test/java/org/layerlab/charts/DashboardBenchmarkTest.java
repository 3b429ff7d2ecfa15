package org.layerlab.charts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
 * and accuracy every step through epoch events) into a 1000×300 dashboard: first a burst of 40,000 steps, then
 * 1,000 steps/s for 60 s, so the run ends at 100,000 steps per series. It prints the FX pulse time (the FX
 * thread's work per pulse, see {@link PulseProbe}) for the burst, the first seconds of the live part (JIT
 * warm-up, reported, not hidden) and the rest, the slowest pulses with their parts and any GC during them, and
 * the machine's load. Run with -Dexcluded.groups=none -Dgroups=benchmark; -Dbenchmark.seconds=N,
 * -Dbenchmark.preload=N, -Dbenchmark.warmup=N (seconds, default 5) and -Dbenchmark.prewarm=true change it.
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class DashboardBenchmarkTest {
    private final PulseProbe probe = new PulseProbe();
    private TrainingDashboard dashboard;

    @Start
    void start(Stage stage) {
        probe.startTimer(); // before the dashboard's timer, so it marks the start of every pulse
        dashboard = new TrainingDashboard();
        Scene scene = new Scene(dashboard, 1000, 300);
        probe.attach(scene);
        dashboard.setFrameObserver(probe::dashboardWork);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void fourSeriesAtAThousandStepsPerSecond() throws Exception {
        int seconds = Integer.getInteger("benchmark.seconds", 60), warmup = Integer.getInteger("benchmark.warmup", 5);
        int preload = Integer.getInteger("benchmark.preload", 40_000);
        int steps = preload + seconds * 1000;
        if (Boolean.getBoolean("benchmark.prewarm")) prewarm(preload);
        TrainingListener l = dashboard.newRun(RunInfo.of(Map.of("benchmark", "synthetic")));
        long[] marks = new long[3]; // burst start, live start, live end
        CpuLoad[] load = new CpuLoad[2];
        WaitForAsyncUtils.asyncFx(() -> probe.record(true)).get();
        Thread trainer = new Thread(() -> {
            var rng = new java.util.SplittableRandom(1);
            long start = System.nanoTime();
            marks[0] = start;
            l.runStarted(new RunStarted(steps / 1000, 1000, 32_000, 8_000, start));
            for (int s = 1; s <= steps; s++) {
                if (s == preload + 1) {
                    awaitBurst(preload);
                    load[0] = CpuLoad.now();
                    marks[1] = System.nanoTime();
                }
                if (s > preload) {
                    long wait = marks[1] + (s - preload) * 1_000_000L - System.nanoTime();
                    if (wait > 0) LockSupport.parkNanos(wait);
                }
                long t = System.nanoTime() - start;
                int epoch = (s - 1) / 1000 + 1;
                l.batchEnded(new BatchEnd(s, epoch, (s - 1) % 1000 + 1, Math.exp(-s / 20_000.0) + rng.nextDouble() * 0.2,
                        1 - Math.exp(-s / 15_000.0) * rng.nextDouble(), 32_000, t));
                l.epochEnded(new EpochEnd(epoch, s, Map.of("val_loss", Math.exp(-s / 21_000.0) + rng.nextDouble() * 0.05,
                        "val_accuracy", 1 - Math.exp(-s / 16_000.0) - rng.nextDouble() * 0.05), t));
            }
            marks[2] = System.nanoTime();
            load[1] = CpuLoad.now();
            l.runEnded(new RunEnded(EndReason.COMPLETED, "completed", steps, steps / 1000, Map.of()));
        }, "synthetic-trainer");
        String uptimeBefore = uptime();
        trainer.start();
        trainer.join();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> dashboard.pointCount() == 4L * steps).get());
        WaitForAsyncUtils.asyncFx(() -> probe.record(false)).get();
        long drawn = WaitForAsyncUtils.asyncFx(() -> dashboard.scalars().drawnPoints()).get();
        String dir = System.getProperty("layerlab.snapshotDir");
        if (dir != null) { // a picture of the charts at 100,000 steps, to look at
            var image = WaitForAsyncUtils.asyncFx(() -> { dashboard.flush(); return dashboard.getScene().snapshot(null); }).get();
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", Path.of(dir, "dashboard-benchmark.png").toFile());
        }

        double live = (marks[2] - marks[1]) / 1e9;
        System.out.printf(Locale.ROOT, "BENCHMARK %d burst + %d live steps x 4 series, live part in %.1f s (%.0f steps/s); %d points stored, %d drawn in the last redraw%n",
                preload, steps - preload, live, (steps - preload) / live, 4L * steps, drawn);
        System.out.println("BENCHMARK load before: " + uptimeBefore + "; after: " + uptime());
        System.out.println("BENCHMARK CPU during the live part: " + load[0].until(load[1]));
        var gcs = probe.gcs().stream().filter(g -> g.start() >= marks[1] && g.start() < marks[2]).toList();
        System.out.printf(Locale.ROOT, "BENCHMARK GC during the live part: %d collections, %.1f ms in all, longest %.1f ms%n", gcs.size(),
                gcs.stream().mapToDouble(g -> (g.end() - g.start()) / 1e6).sum(), gcs.stream().mapToDouble(g -> (g.end() - g.start()) / 1e6).max().orElse(0));
        System.out.println("BENCHMARK FX pulse time (ms)      pulses  total                                   (parts)");
        long warm = marks[1] + warmup * 1_000_000_000L;
        System.out.println("BENCHMARK " + PulseProbe.row("burst of " + preload + " steps", probe.between(marks[0], marks[1])));
        System.out.println("BENCHMARK " + PulseProbe.row("live, first " + warmup + " s", probe.between(marks[1], warm)));
        List<PulseProbe.Pulse> steady = probe.between(warm, marks[2]);
        System.out.println("BENCHMARK " + PulseProbe.row("live, after " + warmup + " s", steady));
        System.out.println("BENCHMARK slowest pulses of the burst and after warm-up (s from the live start: total = timers+CSS+layout + bounds+render wait+sync; dashboard; GC):");
        List<PulseProbe.Pulse> burst = probe.between(marks[0], marks[1]);
        burst.stream().sorted(Comparator.comparingDouble(PulseProbe.Pulse::totalMs).reversed()).limit(5).forEach(p -> print(p, marks[1]));
        steady.stream().sorted(Comparator.comparingDouble(PulseProbe.Pulse::totalMs).reversed()).limit(8).forEach(p -> print(p, marks[1]));
    }

    private void print(PulseProbe.Pulse p, long liveStart) {
        System.out.printf(Locale.ROOT, "BENCHMARK   %5.1f s: %6.2f ms = %6.2f + %6.2f; dashboard %5.2f ms; GC %s%n",
                (p.start() - liveStart) / 1e9, p.totalMs(), p.layoutMs(), p.syncMs(), p.dashboardNanos() / 1e6,
                probe.during(p).stream().map(g -> String.format(Locale.ROOT, "%s %.1f ms", g.name(), (g.end() - g.start()) / 1e6)).toList());
    }

    /**
     * With -Dbenchmark.prewarm=true: a throwaway run of the same size is pushed, drawn for a few seconds and
     * deleted first, so that the burst is measured with compiled code (tells JIT warm-up from real cost).
     */
    private void prewarm(int steps) throws Exception {
        TrainingListener warm = dashboard.newRun(RunInfo.of(Map.of()));
        var rng = new java.util.SplittableRandom(2);
        warm.runStarted(new RunStarted(steps / 1000, 1000, 32_000, 8_000, System.nanoTime()));
        for (int s = 1; s <= steps; s++) {
            warm.batchEnded(new BatchEnd(s, (s - 1) / 1000 + 1, (s - 1) % 1000 + 1, rng.nextDouble(), rng.nextDouble(), 32_000, s * 1_000_000L));
            warm.epochEnded(new EpochEnd((s - 1) / 1000 + 1, s, Map.of("val_loss", rng.nextDouble(), "val_accuracy", rng.nextDouble()), s * 1_000_000L));
        }
        warm.runEnded(new RunEnded(EndReason.COMPLETED, "completed", steps, steps / 1000, Map.of()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> dashboard.pointCount() == 4L * steps).get());
        Thread.sleep(5000); // keep drawing it: not a wait for a result, the time the JIT gets
        WaitForAsyncUtils.asyncFx(() -> dashboard.store().delete(dashboard.store().runs().get(0).id())).get();
    }

    /** Lets the FX side take in the burst before the live part starts. */
    private void awaitBurst(int preload) {
        try {
            while (WaitForAsyncUtils.asyncFx(() -> dashboard.pointCount()).get() < 4L * preload) LockSupport.parkNanos(10_000_000);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String uptime() {
        try {
            return "load average " + Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "load average unknown (" + e.getMessage() + ")";
        }
    }

    /** CPU time of the whole machine and of this process, from /proc (Linux), to tell how busy the cores were. */
    private record CpuLoad(long machineBusy, long machineTotal, long self) {
        static CpuLoad now() {
            try {
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0, idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
                for (int i = 1; i < cpu.length; i++) total += Long.parseLong(cpu[i]);
                String stat = Files.readString(Path.of("/proc/self/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return new CpuLoad(total - idle, total, Long.parseLong(f[11]) + Long.parseLong(f[12]));
            } catch (IOException | RuntimeException e) {
                return new CpuLoad(0, 0, 0);
            }
        }

        String until(CpuLoad end) {
            long total = end.machineTotal - machineTotal;
            if (total <= 0) return "unknown";
            int cores = Runtime.getRuntime().availableProcessors();
            double busy = 100.0 * (end.machineBusy - machineBusy) / total, mine = 100.0 * (end.self - self) / total;
            return String.format(Locale.ROOT, "machine %.0f %% busy of %d cores: this JVM %.0f %%, other processes %.0f %%",
                    busy, cores, mine, busy - mine);
        }
    }
}
