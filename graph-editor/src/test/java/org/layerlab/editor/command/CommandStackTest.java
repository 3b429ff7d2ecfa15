package org.layerlab.editor.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.GraphException;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.layers.LayerTypes;
import org.layerlab.editor.Graphs;
import org.layerlab.editor.model.Point;

/** The undo/redo stack over a plain field, without JavaFX. */
class CommandStackTest {
    private ModelGraph doc = Graphs.chain();
    private final CommandStack stack = new CommandStack(() -> doc, g -> doc = g, 100);

    @Test
    void undoAndRedoWalkBackAndForthWithLabels() {
        ModelGraph original = doc;
        stack.execute(GraphCommands.move(doc, Map.of("hidden-1", new Point(300, 260)), false));
        ModelGraph moved = doc;
        stack.execute(GraphCommands.add(doc, LayerTypes.CATALOG.get("dense"), 40, 40));
        assertEquals(5, doc.nodes().size());
        assertEquals("Add Dense 1", stack.undoLabel());

        stack.undo();
        assertEquals(moved, doc);
        assertEquals("Move Hidden 1", stack.undoLabel());
        assertEquals("Add Dense 1", stack.redoLabel());
        stack.undo();
        assertEquals(original, doc);
        assertFalse(stack.canUndo());
        stack.undo();
        assertEquals(original, doc, "undo with an empty stack changes nothing");

        stack.redo();
        stack.redo();
        assertEquals(5, doc.nodes().size());
        assertEquals(260, doc.node("hidden-1").y());
        assertNull(stack.redoLabel());
    }

    @Test
    void documentEditsShareTheHistoryWithGraphEdits() {
        String[] setting = {"0.01"};
        ModelGraph original = doc;
        stack.execute(GraphCommands.move(doc, Map.of("hidden-1", new Point(300, 260)), false));
        stack.execute(new ValueEdit<>("Set learning rate to 0.003", v -> setting[0] = v, "0.01", "0.003"));
        assertEquals("0.003", setting[0]);
        assertEquals("Set learning rate to 0.003", stack.undoLabel());

        stack.undo();
        assertEquals("0.01", setting[0], "undo puts the old value back");
        assertEquals("Move Hidden 1", stack.undoLabel(), "the graph edit before it is next");
        assertEquals("Set learning rate to 0.003", stack.redoLabel());
        stack.undo();
        assertEquals(original, doc);
        stack.redo();
        stack.redo();
        assertEquals("0.003", setting[0]);
        assertEquals(260, doc.node("hidden-1").y());
    }

    @Test
    void aNudgeDoesNotMergeAcrossADocumentEdit() {
        stack.execute(GraphCommands.move(doc, Map.of("hidden-1", new Point(300, 260)), true));
        stack.execute(new ValueEdit<>("Set epochs to 5", v -> { }, 1, 5));
        stack.execute(GraphCommands.move(doc, Map.of("hidden-1", new Point(300, 280)), true));
        stack.undo();
        assertEquals(260, doc.node("hidden-1").y(), "the second nudge is its own step");
        assertEquals("Set epochs to 5", stack.undoLabel());
    }

    @Test
    void aNewEditClearsTheRedoStack() {
        stack.execute(GraphCommands.move(doc, Map.of("output", new Point(700, 300)), false));
        stack.undo();
        assertTrue(stack.canRedo());
        stack.execute(GraphCommands.move(doc, Map.of("output", new Point(700, 100)), false));
        assertFalse(stack.canRedo());
    }

    @Test
    void aRefusedCommandChangesNothingAndLeavesNoUndoStep() {
        ModelGraph before = doc;
        assertThrows(GraphException.class, () -> stack.execute(new AddEdge(new Edge("output", "input", 0), "Connect")));
        assertEquals(before, doc);
        assertFalse(stack.canUndo());
    }

    @Test
    void deleteRemovesTheNodeAndItsWiresInOneStepAndOneUndoRestoresBoth() {
        ModelGraph before = doc;
        stack.execute(GraphCommands.delete(doc, List.of("hidden-1"), List.of()));
        assertTrue(doc.find("hidden-1").isEmpty());
        assertEquals(List.of(new Edge("hidden-2", "output", 0)), doc.edges());
        assertEquals("Delete Hidden 1", stack.undoLabel());
        stack.undo();
        assertEquals(before, doc);
    }

    @Test
    void arrowKeyNudgesOfTheSameLayersMergeIntoOneUndoStep() {
        ModelGraph before = doc;
        for (int i = 1; i <= 5; i++) stack.execute(GraphCommands.move(doc, Map.of("hidden-2", new Point(500 + 20 * i, 200)), true));
        stack.execute(GraphCommands.move(doc, Map.of("output", new Point(720, 220)), true));
        assertEquals("Move Output", stack.undoLabel());
        stack.undo();
        assertEquals(600, doc.node("hidden-2").x());
        assertEquals("Move Hidden 2", stack.undoLabel());
        stack.undo();
        assertEquals(before, doc, "five nudges are one step");
    }

    @Test
    void dragMovesDoNotMerge() {
        stack.execute(GraphCommands.move(doc, Map.of("output", new Point(740, 200)), false));
        stack.execute(GraphCommands.move(doc, Map.of("output", new Point(760, 200)), false));
        stack.undo();
        assertEquals(740, doc.node("output").x());
    }

    @Test
    void clearForgetsHistoryAndListenersHearEveryChange() {
        int[] heard = {0};
        stack.addListener(() -> heard[0]++);
        stack.execute(GraphCommands.move(doc, Map.of("output", new Point(740, 200)), false));
        stack.undo();
        stack.redo();
        stack.clear();
        assertEquals(4, heard[0]);
        assertFalse(stack.canUndo());
        assertFalse(stack.canRedo());
    }

    @Test
    void theStackKeepsAtMostItsLimit() {
        CommandStack small = new CommandStack(() -> doc, g -> doc = g, 3);
        for (int i = 1; i <= 5; i++) small.execute(GraphCommands.move(doc, Map.of("output", new Point(700 + i, 200)), false));
        int undone = 0;
        while (small.canUndo()) { small.undo(); undone++; }
        assertEquals(3, undone);
        assertEquals(702, doc.node("output").x());
    }
}
