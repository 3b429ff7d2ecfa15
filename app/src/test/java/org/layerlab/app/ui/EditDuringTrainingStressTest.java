package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.layerlab.compute.catalog.InvalidParamException;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.project.Project;
import org.layerlab.compute.project.ProjectFiles;
import org.layerlab.compute.train.TrainingConfig;
import org.layerlab.compute.train.TrainingSettings;
import org.layerlab.editor.GraphEditor;
import org.layerlab.editor.command.GraphCommands;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * While runs train, thousands of random edits (layer settings, renames, and run settings through the Training panel),
 * undos and redos, saves, and Train/Stop/Reset presses: nothing throws, no edit is lost (the editor's graph and the
 * document's run settings always equal a model kept beside them, and each save holds the graph and settings of its
 * moment), and the run list is consistent at the end.
 */
@ExtendWith(ApplicationExtension.class)
class EditDuringTrainingStressTest extends MainWindowFixture {
    static final int OPERATIONS = 2_000, PER_PULSE = 40;

    /** What the document must hold: the graph and the run settings, edited through one history. */
    record State(ModelGraph graph, TrainingConfig training) {}

    /** The settings a file keeps: those that apply now (a file holds only the chosen optimizer's and schedule's). */
    static Map<String, Object> applying(TrainingConfig training) {
        Params p = training.settings();
        Map<String, Object> kept = new TreeMap<>();
        p.asMap().forEach((k, v) -> { if (p.applies(k)) kept.put(k, v); });
        return kept;
    }

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
            Deque<State> past = new ArrayDeque<>(), future = new ArrayDeque<>();
            List<CompletableFuture<Void>> saves = new ArrayList<>();
            List<State> saved = new ArrayList<>();
            State[] expected = {onFx(() -> current(editor))};
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
            State end = onFx(() -> current(editor));
            assertEquals(expected[0], end, "the editor's graph and the run settings are the model's: no edit lost");
            assertEquals(end.graph(), onFx(() -> window.document().project().graph()), "the document holds the editor's graph");
            assertEquals(end.training(), onFx(() -> window.document().project().training()), "the document's project holds the run settings");
            for (int i = 0; i < saved.size(); i++) {
                Project file = ProjectFiles.read(dir.resolve("save-" + i + ".layerlab"));
                assertEquals(saved.get(i).graph(), file.graph(), "save " + i + " holds its moment's graph");
                assertEquals(applying(saved.get(i).training()), applying(file.training()), "save " + i + " holds its moment's settings");
            }
            List<RunData> runs = onFx(() -> List.copyOf(window.charts().store().runs()));
            assertTrue(runs.size() >= 1, "runs were made");
            java.util.Set<Integer> ids = new java.util.HashSet<>();
            for (RunData r : runs) assertTrue(ids.add(r.id()), "run ids are unique: " + r.id());
            assertTrue(counts[0] + counts[1] + counts[2] > OPERATIONS / 2, "mostly edits, undos and redos: " + java.util.Arrays.toString(counts));
            assertTrue(counts[5] > OPERATIONS / 10, "many of the edits were run settings: " + java.util.Arrays.toString(counts));
            System.out.printf("EditDuringTrainingStressTest: %d operations (edits %d of which settings %d, undos %d, redos %d, saves %d, presses %d) with %d runs%n",
                    OPERATIONS, counts[0], counts[5], counts[1], counts[2], counts[3], counts[4], runs.size());
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }

    /** One random operation, on the FX thread, as the menus, buttons and the Training panel would do it. */
    private void operate(GraphEditor editor, SplittableRandom rnd, Deque<State> past, Deque<State> future, State[] expected,
                         List<CompletableFuture<Void>> saves, List<State> saved, int[] presses, int[] counts, int i) {
        int roll = rnd.nextInt(100);
        State now = current(editor);
        assertEquals(expected[0], now, "before operation " + i + ": the graph and settings are what the model says");
        if (roll < 30) {
            State after = editGraph(editor, rnd, now.graph(), i);
            if (after != null) edited(after, now, past, future, expected, counts);
        } else if (roll < 55) {
            State after = editSetting(editor, rnd, now, i);
            if (after != null) {
                edited(after, now, past, future, expected, counts);
                counts[5]++;
            }
        } else if (roll < 72) {
            if (editor.history().canUndo() && !past.isEmpty()) {
                editor.undo();
                future.push(now);
                expected[0] = past.pop();
                assertEquals(expected[0], current(editor), "undo " + i + " restores the state before the edit");
                counts[1]++;
            }
        } else if (roll < 86) {
            if (editor.history().canRedo() && !future.isEmpty()) {
                past.push(now);
                editor.redo();
                expected[0] = future.pop();
                assertEquals(expected[0], current(editor), "redo " + i + " brings the edit back");
                counts[2]++;
            }
        } else if (roll < 92) {
            saved.add(now);
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

    private State current(GraphEditor editor) { return new State(editor.getGraph(), window.document().training()); }

    private static void edited(State after, State before, Deque<State> past, Deque<State> future, State[] expected, int[] counts) {
        expected[0] = after;
        past.push(before);
        future.clear();
        trim(past);
        counts[0]++;
    }

    /** A Dense layer's units or name changed; the state it must give, or null when refused. */
    private State editGraph(GraphEditor editor, SplittableRandom rnd, ModelGraph g, int i) {
        List<Node> dense = g.nodes().stream().filter(n -> n.type().equals("dense")).toList();
        if (dense.isEmpty()) return null;
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
            return null;
        }
        ModelGraph after = c.execute(g); // what the edit must give, computed apart from the editor
        if (!editor.execute(c)) return null;
        assertEquals(after, editor.getGraph(), "edit " + i + " is in the graph");
        return new State(after, window.document().training());
    }

    /**
     * A run setting changed through the Training panel's own path: any declared setting that applies now (the chosen
     * optimizer's and schedule's settings included), to a random value its declaration accepts.
     */
    private State editSetting(GraphEditor editor, SplittableRandom rnd, State now, int i) {
        Params settings = now.training().settings();
        List<ParamSpec> applicable = TrainingSettings.SPECS.stream().filter(s -> settings.applies(s.name())).toList();
        ParamSpec spec = applicable.get(rnd.nextInt(applicable.size()));
        Params values;
        try {
            values = settings.with(spec.name(), randomValue(spec, rnd));
        } catch (InvalidParamException refused) {
            return null;
        }
        window.trainingPanel().change(spec, values);
        TrainingConfig after = new TrainingConfig(values);
        if (after.equals(now.training())) return null; // no change, no command
        assertEquals(after, window.document().training(), "setting edit " + i + " (" + spec.name() + ") is in the document");
        assertEquals(now.graph(), editor.getGraph(), "a setting edit leaves the graph alone");
        return new State(now.graph(), after);
    }

    /** A value within the declaration; small batch and epoch counts are kept so that a pressed Train still runs. */
    private static Object randomValue(ParamSpec spec, SplittableRandom rnd) {
        return switch (spec.type()) {
            case INT -> (int) Math.min(spec.max(), spec.min() + rnd.nextInt(spec.name().equals(TrainingSettings.EPOCHS) ? 1_000_000 : 200));
            case FLOAT -> spec.min() + rnd.nextDouble() * Math.min(1.0, spec.max() - spec.min());
            case BOOLEAN -> rnd.nextBoolean();
            case CHOICE -> spec.choices().get(rnd.nextInt(spec.choices().size()));
            default -> spec.defaultValue();
        };
    }

    /** The editor keeps 500 steps of history; the model forgets the oldest as it does. */
    private static void trim(Deque<State> past) {
        while (past.size() > 500) past.removeLast();
    }
}
