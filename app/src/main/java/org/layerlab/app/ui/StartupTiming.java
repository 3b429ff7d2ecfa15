package org.layerlab.app.ui;

import java.lang.management.ManagementFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Debug-level timings of what a user waits for: the window after the JVM started, and the first training step after
 * pressing Train (benchmarks/README.md, "Start-up time"). Logged at FINE on {@value #LOGGER}, so nothing shows unless
 * that logger is turned up (e.g. {@code -Djava.util.logging.config.file=} a file setting it and a handler to FINE).
 */
final class StartupTiming {
    static final String LOGGER = "org.layerlab.app.timing";
    static final Logger LOG = Logger.getLogger(LOGGER);

    private StartupTiming() {}

    /**
     * Logs the JVM's uptime now and the CPU time all its threads have used (which says more than the wall clock on a
     * busy machine): call right after the main window is shown.
     */
    static void windowShown() {
        if (LOG.isLoggable(Level.FINE)) {
            long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() / 1_000_000 : -1;
            LOG.fine("window shown " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms after the JVM started, CPU " + cpu + " ms");
        }
    }

    /** Logs how long the JIT warm-up the window started took and how much it trained (any thread). */
    static void warmedUp(org.layerlab.compute.train.JitWarmup.Result r) {
        LOG.fine(() -> "JIT warm-up " + (r.stopped() ? "stopped by a run after " : "done in ") + r.millis() + " ms, "
                + r.batches() + " batches, " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms after the JVM started");
    }

    /**
     * Logs, for every run started with the Train button, the time from the press (before the button's own handler
     * runs) to the first step the window shows.
     */
    static void watchTrainButton(Scene scene, TrainingSession session) {
        long[] pressed = {-1};
        scene.addEventFilter(ActionEvent.ACTION, e -> {
            if (e.getTarget() instanceof Node n && "train-button".equals(n.getId()) && session.statusProperty().get() != TrainingSession.Status.PAUSED) {
                pressed[0] = System.nanoTime();
            }
        });
        session.progressProperty().addListener((o, old, now) -> {
            if (pressed[0] >= 0 && now != null && now.step() >= 1) {
                long ms = (System.nanoTime() - pressed[0]) / 1_000_000;
                pressed[0] = -1;
                LOG.fine("first training step " + ms + " ms after Train was pressed");
            }
        });
    }
}
