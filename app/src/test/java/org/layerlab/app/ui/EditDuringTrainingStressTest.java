package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.charts.model.RunData;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.project.ProjectFiles;
import org.layerlab.editor.GraphEditor;
import org.layerlab.editor.command.GraphCommands;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * While runs train, thousands of random edits (layer settings, renames, added and deleted layers), undos and redos,
 * saves, and Train/Stop/Reset presses: nothing throws, no edit is lost (the editor's graph always equals a model
 * kept beside it, and each save holds the graph of its moment), and the run list is consistent at the end.
 */
@ExtendWith(ApplicationExtension.class)
class EditDuringTrainingStressTest extends MainWindowFixture {
    static final int OPERATIONS = 2_000, PER_PULSE = 40;
    @TempDir Path dir;

    @Start void start(Stage stage) { open(stage); }

    @Test @Timeout(value = 150, unit = TimeUnit.SECONDS) void editsUndosSavesAndPressesWhileTraining(FxRobot robot) throws Exception {
        List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        try {
            startLongRun(robot, 3);
            GraphEditor editor = window.editor();
            SplittableRandom rnd = new SplittableRandom(14);
            Deque<ModelGraph> past = new ArrayDeque<>(), future = new ArrayDeque<>();
            List<CompletableFuture<Void>> saves = new ArrayList<>();
            List<ModelGraph> saved = new ArrayList<>();
            ModelGraph[] expected = {onFx(editor::getGraph)};
            int[] presses = new int[3], counts = new int[6];
            for (int done = 0; done < OPERATIONS; done += PER_PULSE) {
                int base = done;
                onFx(() -> {
                    for (int k = 0; k < PER_PULSE; k++) operate(editor, rnd, past, future, expected, saves, saved, presses, counts, base + k);
                    return null;
                });
                WaitForAsyncUtils.waitForFxEvents(); // let pulses, the trainer's updates and the charts run between bursts
            }
            for (CompletableFuture<Void> s : saves) s.get(30, TimeUnit.SECONDS);
            onFx(() -> { window.session().stop(); return null; });
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> window.charts().store().runs().stream()
                    .noneMatch(r -> r.status() == RunData.Status.RUNNING || r.status() == RunData.Status.PAUSED)));
            WaitForAsyncUtils.waitForFxEvents();

            assertEquals(List.of(), uncaught, "no exception on any thread");
            ModelGraph finalGraph = onFx(editor::getGraph);
            assertEquals(expected[0], finalGraph, "the editor's graph is the model's: no edit lost");
            assertEquals(finalGraph, onFx(() -> window.document().project().graph()), "the document holds the editor's graph");
            for (int i = 0; i < saved.size(); i++) {
                assertEquals(saved.get(i), ProjectFiles.read(dir.resolve("save-" + i + ".layerlab")).graph(), "save " + i + " holds its moment's graph");
            }
            List<RunData> runs = onFx(() -> List.copyOf(window.charts().store().runs()));
            assertTrue(runs.size() >= 1, "runs were made");
            java.util.Set<Integer> ids = new java.util.HashSet<>();
            for (RunData r : runs) assertTrue(ids.add(r.id()), "run ids are unique: " + r.id());
            assertTrue(counts[0] + counts[1] + counts[2] > OPERATIONS / 2, "mostly edits, undos and redos: " + java.util.Arrays.toString(counts));
            System.out.printf("EditDuringTrainingStressTest: %d operations (edits %d, undos %d, redos %d, saves %d, presses %d) with %d runs%n",
                    OPERATIONS, counts[0], counts[1], counts[2], counts[3], counts[4], runs.size());
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }

    /** One random operation, on the FX thread, as the menus and buttons would do it. */
    private void operate(GraphEditor editor, SplittableRandom rnd, Deque<ModelGraph> past, Deque<ModelGraph> future, ModelGraph[] expected,
                         List<CompletableFuture<Void>> saves, List<ModelGraph> saved, int[] presses, int[] counts, int i) {
        int roll = rnd.nextInt(100);
        ModelGraph g = editor.getGraph();
        assertEquals(expected[0], g, "before operation " + i + ": the graph is what the model says");
        if (roll < 55) {
            List<Node> dense = g.nodes().stream().filter(n -> n.type().equals("dense")).toList();
            if (dense.isEmpty()) return;
            Node n = dense.get(rnd.nextInt(dense.size()));
            org.layerlab.editor.command.Command c;
            try {
                if (rnd.nextBoolean()) {
                    var spec = n.params().specs().stream().filter(s -> s.name().equals("units")).findFirst().orElseThrow();
                    c = GraphCommands.changeParam(g, n.id(), spec, 1 + rnd.nextInt(64));
                } else {
                    c = GraphCommands.rename(g, n.id(), "Layer " + i);
                }
            } catch (Exception refused) {
                return;
            }
            ModelGraph after = c.execute(g); // what the edit must give, computed apart from the editor
            if (editor.execute(c)) {
                assertEquals(after, editor.getGraph(), "edit " + i + " is in the graph");
                expected[0] = after;
                past.push(g);
                future.clear();
                trim(past);
                counts[0]++;
            }
        } else if (roll < 72) {
            if (editor.history().canUndo() && !past.isEmpty()) {
                ModelGraph current = g;
                editor.undo();
                future.push(current);
                expected[0] = past.pop();
                assertEquals(expected[0], editor.getGraph(), "undo " + i + " restores the graph before the edit");
                counts[1]++;
            }
        } else if (roll < 86) {
            if (editor.history().canRedo() && !future.isEmpty()) {
                past.push(g);
                editor.redo();
                expected[0] = future.pop();
                assertEquals(expected[0], editor.getGraph(), "redo " + i + " brings the edit back");
                counts[2]++;
            }
        } else if (roll < 92) {
            saved.add(g);
            saves.add(window.document().write(dir.resolve("save-" + (saved.size() - 1) + ".layerlab")));
            counts[3]++;
        } else {
            String[] buttons = {"#train-button", "#stop-button", "#reset-button"};
            int b = rnd.nextInt(3);
            Button button = (Button) window.lookup(buttons[b]);
            if (!button.isDisabled()) {
                button.fire();
                presses[b]++;
                counts[4]++;
            }
        }
    }

    /** The editor keeps 500 steps of history; the model forgets the oldest as it does. */
    private static void trim(Deque<ModelGraph> past) {
        while (past.size() > 500) past.removeLast();
    }
}
