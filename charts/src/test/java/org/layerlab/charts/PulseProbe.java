package org.layerlab.charts;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Measures the work the FX thread does in each pulse, for benchmarks. A pulse starts with the animation timers:
 * the probe's timer, started before any other, marks the start; a post-layout listener marks the end of CSS
 * and layout; a runnable posted from there runs as soon as the pulse is over (bounds, waiting for the previous
 * frame to be rendered, copying the scene to the render thread), which marks the end. Nothing else is queued
 * on the FX thread during a benchmark, so that runnable does not wait behind other work.
 */
final class PulseProbe {
    /** One pulse: nanoTime at its start, after layout and at its end, and the dashboard's own drain+redraw. */
    record Pulse(long start, long layoutEnd, long end, long dashboardNanos) {
        double totalMs() { return (end - start) / 1e6; }
        double layoutMs() { return (layoutEnd - start) / 1e6; }
        double syncMs() { return (end - layoutEnd) / 1e6; }
    }

    /** A garbage collection, in nanoTime, as reported by the JVM. */
    record Gc(String name, long start, long end) {}

    private final List<Pulse> pulses = new ArrayList<>(100_000);
    private final List<Gc> gcs = java.util.Collections.synchronizedList(new ArrayList<>());
    private long start, layoutEnd, dashboard;
    private boolean recording;
    private final Runnable endOfPulse = () -> {
        if (recording && start != 0 && layoutEnd != 0) pulses.add(new Pulse(start, layoutEnd, System.nanoTime(), dashboard));
        start = layoutEnd = dashboard = 0;
    };

    /** Starts the probe's timer; call before anything else starts one, so that it runs first in every pulse. FX thread. */
    void startTimer() {
        new AnimationTimer() {
            @Override public void handle(long now) { start = System.nanoTime(); }
        }.start();
    }

    /** Watches a scene's pulses. FX thread. */
    void attach(Scene scene) {
        scene.addPostLayoutPulseListener(() -> {
            if (start == 0) return;
            layoutEnd = System.nanoTime();
            Platform.runLater(endOfPulse);
        });
        long jvmStartNanos = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof NotificationEmitter emitter)) continue;
            emitter.addNotificationListener((n, h) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
                gcs.add(new Gc(gc.getName(), jvmStartNanos + info.getStartTime() * 1_000_000L, jvmStartNanos + info.getEndTime() * 1_000_000L));
            }, null, null);
        }
    }

    /** The dashboard's frame observer: its drain+redraw time in this pulse. */
    void dashboardWork(long nanos) { dashboard += nanos; }

    void record(boolean on) { recording = on; }

    /** Pulses recorded so far (FX thread, or after recording stopped). */
    List<Pulse> pulses() { return pulses; }

    List<Gc> gcs() { synchronized (gcs) { return List.copyOf(gcs); } }

    /** Pulses that started in [from, to). */
    List<Pulse> between(long from, long to) {
        List<Pulse> out = new ArrayList<>();
        for (Pulse p : pulses) if (p.start() >= from && p.start() < to) out.add(p);
        return out;
    }

    /** GC pauses overlapping a pulse. */
    List<Gc> during(Pulse p) {
        List<Gc> out = new ArrayList<>();
        for (Gc g : gcs()) if (g.end() >= p.start() && g.start() <= p.end()) out.add(g);
        return out;
    }

    /** One table row: count, p50, p99, max of total pulse time, and of its parts, and how many exceed 16 ms. */
    static String row(String what, List<Pulse> ps) {
        if (ps.isEmpty()) return String.format(Locale.ROOT, "%-26s no pulses", what);
        double[] total = ps.stream().mapToDouble(Pulse::totalMs).sorted().toArray();
        double[] layout = ps.stream().mapToDouble(Pulse::layoutMs).sorted().toArray();
        double[] sync = ps.stream().mapToDouble(Pulse::syncMs).sorted().toArray();
        double[] dash = ps.stream().mapToDouble(p -> p.dashboardNanos() / 1e6).sorted().toArray();
        long over = Arrays.stream(total).filter(t -> t > 16).count();
        return String.format(Locale.ROOT, "%-26s %6d  %s  | timers+CSS+layout %s | bounds+render wait+sync %s | dashboard %s | >16 ms: %d",
                what, ps.size(), stats(total), stats(layout), stats(sync), stats(dash), over);
    }

    private static String stats(double[] sorted) {
        int n = sorted.length;
        return String.format(Locale.ROOT, "p50 %5.2f p99 %5.2f max %6.2f", sorted[(int) (0.50 * (n - 1))], sorted[(int) Math.ceil(0.99 * (n - 1))], sorted[n - 1]);
    }
}
