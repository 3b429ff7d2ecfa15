package org.layerlab.editor.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.layers.LayerTypes;
import org.layerlab.editor.Graphs;

class ChainEditsTest {
    private final ModelGraph chain = Graphs.chain();

    @Test void insertingOnAWireSplitsItAndUndoRestoresIt() {
        ChainEdits.Insertion ins = ChainEdits.insertOnWire(chain, LayerTypes.CATALOG.get("dropout"), new Edge("hidden-1", "hidden-2", 0), 400, 300);
        ModelGraph g = ins.command().execute(chain);
        assertEquals("dropout-1", ins.nodeId());
        assertEquals(Set.of(new Edge("input", "hidden-1", 0), new Edge("hidden-1", "dropout-1", 0), new Edge("dropout-1", "hidden-2", 0),
                new Edge("hidden-2", "output", 0)), Set.copyOf(g.edges()));
        assertEquals(400, g.node("dropout-1").x());
        assertEquals(chain, ins.command().undo(g));
    }

    @Test void aLayerWithoutInputsCannotBeInserted() {
        assertNull(ChainEdits.insertOnWire(chain, LayerTypes.CATALOG.get("input"), new Edge("hidden-1", "hidden-2", 0), 0, 0));
    }

    @Test void insertingOnTheSecondPortOfAMergeKeepsThatPort() {
        ModelGraph g = ModelGraph.of(List.of(
                Graphs.node("in", "input", "In", 0, 0, Map.of("shape", List.of(4))),
                Graphs.node("a", "dense", "A", 200, 0, Map.of("units", 4)),
                Graphs.node("sum", "add", "Sum", 400, 0, Map.of())),
                List.of(new Edge("in", "a", 0), new Edge("a", "sum", 0), new Edge("in", "sum", 1)));
        var ins = ChainEdits.insertOnWire(g, LayerTypes.CATALOG.get("dropout"), new Edge("in", "sum", 1), 200, 200);
        ModelGraph after = ins.command().execute(g);
        assertEquals(List.of(new Edge("dropout-1", "sum", 1)), after.inputsOf("sum").stream().filter(e -> e.port() == 1).toList());
    }

    @Test void deletingAMiddleLayerJoinsItsNeighbours() {
        var d = ChainEdits.deleteJoining(chain, List.of("hidden-1"));
        ModelGraph g = d.command().execute(chain);
        assertEquals(List.of(new Edge("input", "hidden-2", 0)), d.joins());
        assertEquals("Delete Hidden 1 and join Input to Hidden 2", d.command().label());
        assertEquals(Set.of(new Edge("input", "hidden-2", 0), new Edge("hidden-2", "output", 0)), Set.copyOf(g.edges()));
        assertEquals(chain, d.command().undo(g));
    }

    @Test void deletingTwoAdjacentMiddleLayersJoinsAcrossBoth() {
        var d = ChainEdits.deleteJoining(chain, List.of("hidden-1", "hidden-2"));
        assertEquals(List.of(new Edge("input", "output", 0)), d.joins());
        assertEquals(List.of(new Edge("input", "output", 0)), d.command().execute(chain).edges());
    }

    @Test void deletingAnEndOfTheChainJoinsNothing() {
        var d = ChainEdits.deleteJoining(chain, List.of("output"));
        assertEquals(List.of(), d.joins());
        assertEquals("Delete Output", d.command().label());
        var first = ChainEdits.deleteJoining(chain, List.of("input"));
        assertEquals(List.of(), first.joins());
    }

    @Test void aLayerFedFromTwoPlacesIsNotJoined() {
        ModelGraph g = ModelGraph.of(List.of(
                Graphs.node("in", "input", "In", 0, 0, Map.of("shape", List.of(4))),
                Graphs.node("a", "dense", "A", 200, 0, Map.of("units", 4)),
                Graphs.node("sum", "add", "Sum", 400, 0, Map.of()),
                Graphs.node("out", "dense", "Out", 600, 0, Map.of("units", 2))),
                List.of(new Edge("in", "a", 0), new Edge("a", "sum", 0), new Edge("in", "sum", 1), new Edge("sum", "out", 0)));
        assertEquals(List.of(), ChainEdits.deleteJoining(g, List.of("sum")).joins(), "which input would feed Out is a guess: none");
    }
}
