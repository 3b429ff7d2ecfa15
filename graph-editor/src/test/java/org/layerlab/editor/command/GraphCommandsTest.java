package org.layerlab.editor.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.catalog.InvalidParamException;
import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.ShapeInference;
import org.layerlab.compute.layers.LayerTypes;
import org.layerlab.editor.Graphs;
import org.layerlab.editor.command.GraphCommands.RefusedException;
import org.layerlab.editor.model.GraphFragment;
import org.layerlab.editor.model.Point;

/** The graph operations behind the editor's gestures, without JavaFX. */
class GraphCommandsTest {
    private final ModelGraph chain = Graphs.chain();

    @Test
    void connectRefusesCyclesSelfLoopsAndTakenInputsWithTheReason() {
        ModelGraph open = chain.withoutEdge(new Edge("input", "hidden-1", 0));
        RefusedException cycle = assertThrows(RefusedException.class, () -> GraphCommands.connect(open, "output", "hidden-1", 0));
        assertEquals("Wiring Output into Hidden 1 would make a cycle", cycle.getMessage());
        assertEquals("A layer cannot feed itself",
                assertThrows(RefusedException.class, () -> GraphCommands.connect(chain, "hidden-1", "hidden-1", 0)).getMessage());
        assertEquals("Hidden 2 takes only one input",
                assertThrows(RefusedException.class, () -> GraphCommands.connect(chain, "input", "hidden-2", 0)).getMessage());
        assertEquals("Input takes no inputs",
                assertThrows(RefusedException.class, () -> GraphCommands.connect(chain, "output", "input", 0)).getMessage());
    }

    @Test
    void connectMakesAnUndoableWireLabelledWithBothNames() throws Exception {
        ModelGraph open = chain.withoutEdge(new Edge("hidden-1", "hidden-2", 0));
        Command c = GraphCommands.connect(open, "hidden-1", "hidden-2", 0);
        assertEquals("Connect Hidden 1 to Hidden 2", c.label());
        assertEquals(chain, c.execute(open));
        assertEquals(open, c.undo(c.execute(open)));
    }

    @Test
    void changeParamIsCheckedByTheCatalogAndNamesTheParameterAndLayer() throws Exception {
        var spec = LayerTypes.CATALOG.get("dense").params().stream().filter(p -> p.name().equals("units")).findFirst().orElseThrow();
        ChangeNode c = GraphCommands.changeParam(chain, "hidden-1", spec, 32);
        assertEquals("Change Units of Hidden 1", c.label());
        ModelGraph edited = c.execute(chain);
        assertEquals("32", ShapeInference.analyze(edited).info("hidden-1").outputShape().toString());
        assertEquals(chain, c.undo(edited));
        InvalidParamException bad = assertThrows(InvalidParamException.class, () -> GraphCommands.changeParam(chain, "hidden-1", spec, 0));
        assertTrue(bad.getMessage().contains("between 1 and 65536"), bad.getMessage());
    }

    @Test
    void pasteGivesFreshIdsAndNamesAndKeepsOnlyInnerWires() {
        GraphFragment copied = GraphFragment.copy(chain, Set.of("hidden-1", "hidden-2"));
        assertEquals(List.of(new Edge("hidden-1", "hidden-2", 0)), copied.edges(), "wires leaving the selection are not copied");
        GraphFragment placed = copied.renamedFor(chain, 40, 40);
        Command paste = GraphCommands.paste("Paste", placed);
        assertEquals("Paste 2 layers", paste.label());
        ModelGraph g = paste.execute(chain);
        assertEquals(6, g.nodes().size());
        assertEquals(4, g.edges().size());
        assertEquals(Set.of("dense-1", "dense-2"), placed.ids());
        assertEquals(List.of("Hidden 3", "Hidden 4"), placed.nodes().stream().map(n -> n.name()).toList());
        assertEquals(new Edge("dense-1", "dense-2", 0), placed.edges().get(0));
        assertEquals(320, g.node("dense-1").x());
        assertEquals(chain, paste.undo(g));
    }

    @Test
    void deleteOfSeveralLayersAndAWireIsOneStepNamedByCount() {
        Command c = GraphCommands.delete(chain, List.of("hidden-1", "hidden-2"), List.of(new Edge("hidden-2", "output", 0)));
        assertEquals("Delete 2 layers", c.label());
        ModelGraph g = c.execute(chain);
        assertEquals(2, g.nodes().size());
        assertTrue(g.edges().isEmpty());
        assertEquals(chain, c.undo(g));
        assertEquals("Delete Wire", GraphCommands.delete(chain, List.of(), List.of(new Edge("input", "hidden-1", 0))).label());
    }

    @Test
    void moveLeavesOutUnmovedLayersAndIsNullWhenNothingMoves() {
        assertNull(GraphCommands.move(chain, Map.of("input", new Point(60, 200)), false));
        MoveNodes m = GraphCommands.move(chain, Map.of("input", new Point(60, 200), "output", new Point(10, 10)), false);
        assertEquals("Move Output", m.label());
        assertEquals(Set.of("output"), m.to().keySet());
    }

    @Test
    void connectInSelectionOrderChainsLayersToTheirFirstFreePort() throws Exception {
        ModelGraph bare = ModelGraph.of(chain.nodes(), List.of());
        Command c = GraphCommands.connectInOrder(bare, List.of("input", "hidden-1", "hidden-2", "output"));
        assertEquals(chain, c.execute(bare));
        assertThrows(RefusedException.class, () -> GraphCommands.connectInOrder(bare, List.of("input")));
    }

    @Test
    void renameRefusesAnEmptyName() throws Exception {
        assertEquals("Rename Output to Logits", GraphCommands.rename(chain, "output", " Logits ").label());
        assertThrows(RefusedException.class, () -> GraphCommands.rename(chain, "output", "  "));
    }
}
