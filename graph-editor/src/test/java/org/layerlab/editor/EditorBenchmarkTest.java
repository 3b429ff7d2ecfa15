package org.layerlab.editor;

import com.sun.javafx.perf.PerformanceTracker;
import com.sun.javafx.tk.TKPulseListener;
import com.sun.javafx.tk.Toolkit;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.ShapeInference;
import org.layerlab.compute.layers.LayerTypes;
import org.layerlab.editor.command.GraphCommands;
import org.layerlab.editor.model.Orientation;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Measures (does not assert) the editor on a 200-layer graph: FX pulse durations while a card is dragged, and shape
 * inference time per edit. Run with {@code -Dexcluded.groups=none -Dgroups=benchmark}; figures go to stdout.
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class EditorBenchmarkTest {
    private GraphEditor editor;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        editor = new GraphEditor();
        BorderPane root = new BorderPane(editor.canvas(), null, editor.inspector(), null, editor.palette());
        stage.setScene(new Scene(root, 1280, 800));
        editor.setGraph(Graphs.branchy(200, 200));
        editor.autoLayout(Orientation.LEFT_RIGHT);
        stage.show();
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    @Test
    void dragOnA200NodeGraph(FxRobot robot) throws Exception {
        onFx(() -> { editor.canvas().actualSize(); return null; });
        WaitForAsyncUtils.waitForFxEvents();
        String id = onFx(() -> {
            // A card in the visible area with wires on both sides.
            for (var e : editor.canvas().boxes().entrySet()) {
                if (!editor.getGraph().inputsOf(e.getKey()).isEmpty() && !editor.getGraph().outputsOf(e.getKey()).isEmpty()
                        && editor.canvas().card(e.getKey()).localToScene(0, 0).getX() > 300
                        && editor.canvas().card(e.getKey()).localToScene(0, 0).getY() > 150) return e.getKey();
            }
            throw new AssertionError("no visible card");
        });
        List<Long> fxPulse = Collections.synchronizedList(new ArrayList<>());
        List<Long> frame = Collections.synchronizedList(new ArrayList<>());
        // begin: start of the FX pulse; end: after CSS, layout and scene-graph sync; rendered: the render thread
        // has painted the frame (the pulse's full cost: FX work plus rendering).
        // The machine is shared (2 cores, other builds running), so wall times include waiting for a core; CPU times
        // of the FX thread (per pulse) and of the render thread (per frame) show the work itself.
        List<Long> fxPulseCpu = Collections.synchronizedList(new ArrayList<>());
        List<Long> renderCpu = Collections.synchronizedList(new ArrayList<>());
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] start = {0, 0, -1};
        boolean[] measuring = {false};
        TKPulseListener begin = () -> { start[0] = System.nanoTime(); start[1] = mx.getCurrentThreadCpuTime(); };
        TKPulseListener end = () -> {
            if (measuring[0] && start[0] != 0) {
                fxPulse.add(System.nanoTime() - start[0]);
                fxPulseCpu.add(mx.getCurrentThreadCpuTime() - start[1]);
            }
        };
        PerformanceTracker tracker = onFx(() -> PerformanceTracker.getSceneTracker(stage.getScene()));
        tracker.setOnRenderedFrameTask(() -> {
            long cpu = mx.getCurrentThreadCpuTime();
            if (measuring[0] && start[0] != 0) {
                frame.add(System.nanoTime() - start[0]);
                if (start[2] >= 0) renderCpu.add(cpu - start[2]);
            }
            start[2] = cpu;
        });
        onFx(() -> {
            Toolkit.getToolkit().addStageTkPulseListener(begin);
            Toolkit.getToolkit().addPostSceneTkPulseListener(end);
            return null;
        });
        // Warm-up drag (JIT, CSS caches), then the measured one.
        robot.drag("#node-" + id);
        for (int i = 0; i < 40; i++) robot.moveBy(i < 20 ? 4 : -4, 2);
        robot.drop();
        WaitForAsyncUtils.waitForFxEvents();
        measuring[0] = true;
        robot.drag("#node-" + id);
        for (int i = 0; i < 150; i++) robot.moveBy(i % 50 < 25 ? 5 : -5, i % 30 < 15 ? 3 : -3);
        robot.drop();
        WaitForAsyncUtils.waitForFxEvents();
        measuring[0] = false;
        onFx(() -> {
            Toolkit.getToolkit().removeStageTkPulseListener(begin);
            Toolkit.getToolkit().removePostSceneTkPulseListener(end);
            return null;
        });
        System.out.println(report("FX pulse (animation+CSS+layout+scene sync, FX thread) while dragging, 200 nodes", fxPulse));
        System.out.println(report("FX pulse CPU time (FX thread) while dragging", fxPulseCpu));
        System.out.println(report("frame (pulse start to frame rendered, FX work + software rendering) while dragging, 200 nodes", frame));
        System.out.println(report("render thread CPU time per rendered frame while dragging", renderCpu));
        System.out.println("load average " + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
                + " on " + Runtime.getRuntime().availableProcessors() + " cores");
        tracker.setOnRenderedFrameTask(null);
        System.out.println("nodes=" + onFx(() -> editor.getGraph().nodes().size()) + " edges=" + onFx(() -> editor.getGraph().edges().size())
                + " moved=" + id + " undo=" + onFx(() -> editor.undoLabelProperty().get()));
    }

    @Test
    void shapeInferencePerEditOnA200NodeGraph() throws Exception {
        ModelGraph g = onFx(editor::getGraph);
        ParamSpec units = LayerTypes.CATALOG.get("dense").params().get(0);
        // Warm-up, then edits through the editor (each recomputes the analysis once).
        for (int i = 0; i < 300; i++) ShapeInference.analyze(g);
        List<Long> pure = new ArrayList<>();
        List<Long> pureCpu = new ArrayList<>();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 500; i++) {
            long c0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
            ShapeInference.analyze(g);
            pure.add(System.nanoTime() - t0);
            pureCpu.add(mx.getCurrentThreadCpuTime() - c0);
        }
        System.out.println(report("shape inference alone (test thread), 200 nodes", pure));
        System.out.println(report("shape inference alone, CPU time, 200 nodes", pureCpu));
        List<Long> perEdit = new ArrayList<>();
        List<Long> wholeEdit = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int value = 8 + (i % 50);
            String node = "d" + (1 + i % 199);
            long[] t = onFx(() -> {
                long t0 = System.nanoTime();
                editor.execute(GraphCommands.changeParam(editor.getGraph(), node, units, value));
                long t1 = System.nanoTime();
                return new long[] {editor.lastInferenceNanos(), t1 - t0};
            });
            perEdit.add(t[0]);
            wholeEdit.add(t[1]);
        }
        System.out.println(report("shape inference per edit, 200 nodes", perEdit));
        System.out.println(report("whole edit: command + inference + property/summary listeners (view sync follows on the pulse)", wholeEdit));
    }

    private static String report(String what, List<Long> nanos) {
        List<Long> s = new ArrayList<>(nanos);
        Collections.sort(s);
        if (s.isEmpty()) return what + ": no samples";
        double median = s.get(s.size() / 2) / 1e6, p99 = s.get(Math.min(s.size() - 1, (int) Math.ceil(s.size() * 0.99) - 1)) / 1e6, max = s.get(s.size() - 1) / 1e6;
        return String.format(Locale.ROOT, "BENCH %s: n=%d median=%.2f ms p99=%.2f ms max=%.2f ms", what, s.size(), median, p99, max);
    }
}
